"""Where e-mail and text messages go: GOV.UK Notify, Django's e-mail, or the local outbox.

``MESSAGES_BACKEND`` chooses: ``notify`` (e-mail and texts through GOV.UK Notify's official
client; set when ``NOTIFY_API_KEY`` is), ``local`` (the demo and the tests: e-mail through
Django's e-mail, texts recorded and shown on /outbox/, nothing leaves the machine) or
``django`` (e-mail only; a text cannot be sent and staff hear so at once).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient


class CannotSend(Exception):
    """A channel this site has no way to send by; trying again will not help."""


class ProviderRefused(Exception):
    """GOV.UK Notify refused or failed: said by its status code only (its reply can quote
    the address or number)."""


def backend() -> str:
    return str(settings.MESSAGES_BACKEND)


def _notify() -> NotificationsAPIClient:
    return NotificationsAPIClient(settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL)


def _notify_id(send: object) -> str:
    try:
        answer = send() if callable(send) else send
    except HTTPError as error:
        raise ProviderRefused(f"GOV.UK Notify answered {error.status_code}") from None
    except OSError:
        raise ProviderRefused("GOV.UK Notify could not be reached") from None
    return str(answer.get("id", "")) if isinstance(answer, dict) else ""


def send_email(email: EmailMessage, *, reference: str) -> str:
    """Send an e-mail; answers the provider's id for it (blank for Django's e-mail)."""
    if backend() == "notify":
        client = _notify()
        address = email.to[0]
        return _notify_id(
            lambda: client.send_email_notification(
                email_address=address,
                template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
                personalisation={"subject": email.subject, "body": email.body},
                reference=reference,
            )
        )
    email.send()
    return ""


def send_text(phone: str, body: str, *, reference: str) -> str:
    """Send a text message to an E.164 number; answers the provider's id for it."""
    if backend() == "notify":
        client = _notify()
        return _notify_id(
            lambda: client.send_sms_notification(
                phone_number=phone,
                template_id=settings.NOTIFY_TEXT_TEMPLATE_ID,
                personalisation={"body": body},
                reference=reference,
            )
        )
    if backend() == "local":
        return ""  # recorded on the message; the outbox shows it
    raise CannotSend("this site sends text messages only through GOV.UK Notify (NOTIFY_API_KEY)")
