"""E-mails about accounts: invitations and password resets, each a message the worker
sends (powerwith.core.mail). Both carry a one-time link, so neither link is ever written to
the task table in plain text: the invitation's secret travels sealed, and the password
reset's token is made when the e-mail goes."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from powerwith.accounts.models import Invitation, User
from powerwith.core import mail


@mail.message
def invitation_sent(invitation_id: int, sealed_secret: str) -> mail.Letter | None:
    """An invitation cancelled, used or expired before it could be sent is not sent."""
    invitation = Invitation.objects.select_related("organisation", "invited_by").get(
        pk=invitation_id
    )
    if not invitation.is_open:
        return None
    context = {
        "invitation": invitation,
        "secret": mail.unseal(sealed_secret),
        "site_url": settings.SITE_URL,
    }
    return mail.Letter(
        EmailMessage(
            subject=f"You are invited to join {invitation.organisation.name} on powerwith",
            body=render_to_string("accounts/email/invitation.txt", context),
            to=[invitation.email],
        ),
        mail.Undelivered(
            organisation_id=invitation.organisation_id,
            assignee_ids=(invitation.invited_by_id,),
            about=f"the invitation to join as {invitation.get_role_display().lower()}",
            to="the person you invited",
            link=reverse("accounts:members"),
        ),
    )


@mail.message
def password_reset(user_id: int) -> mail.Letter | None:
    """Nobody but the account's owner hears of a reset, even one that cannot be sent."""
    user = User.objects.get(pk=user_id)
    if not user.is_active or not user.has_usable_password():
        return None
    site = urlsplit(settings.SITE_URL)
    context = {
        "email": user.email,
        "protocol": site.scheme,
        "domain": site.netloc,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    subject = render_to_string("accounts/email/password_reset_subject.txt", context)
    return mail.Letter(
        EmailMessage(
            subject="".join(subject.splitlines()),
            body=render_to_string("accounts/email/password_reset.txt", context),
            to=[user.email],
        )
    )
