"""A copy of everything held about a person, made by the worker, never inside a request.

The person asks (``ask_for_copy``); the worker builds the PDF in the person's format
(large print: bigger type; easy read: short sentences and plain headings wherever the
words are ours) and the complete JSON, keeps both encrypted, and tells the person by
their own channel that the copy is ready. The page shows "We are preparing your
information" until then. A copy is the person's alone (``queries.copy_for``) and is
removed by the worker's sweep when it expires.
"""

from __future__ import annotations

import base64
import json
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from powerwith.accounts.models import User
from powerwith.core import mail
from powerwith.people.choices import Format
from powerwith.people.models import Person
from powerwith.privacy import export, readable
from powerwith.privacy.models import CopyStatus, InformationCopy
from powerwith.privacy.services import record_download

logger = logging.getLogger(__name__)

# Long enough to come back for after a message by post; short enough that a copy of
# everything about someone does not sit waiting for a stranger to find a way in.
KEPT_FOR = timedelta(days=7)
STYLESHEET = "people/wellness_document.css"
# The printable documents' own large print sets h1 and h2; a copy has h3s and lists too.
LARGE_PRINT_MORE = ".large-print h3 { font-size: 20pt; } .large-print dt { font-weight: bold; }"
# Nothing written by a person can make the renderer fetch anything.
_FETCHER = URLFetcher(allowed_protocols=("data",))


def format_for(person: Person) -> str:
    """The format the person asked information to come in: easy read before large print
    (easy-read documents are set in large type too), standard print otherwise."""
    formats = set(person.formats or [])
    if Format.EASY_READ in formats:
        return Format.EASY_READ
    if Format.LARGE_PRINT in formats:
        return Format.LARGE_PRINT
    return Format.STANDARD


def ask_for_copy(person: Person, user: User) -> InformationCopy:
    """The person asks for a copy; the worker makes it once this commits. A copy already
    being prepared is the answer to a second ask, so a double click makes one copy."""
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        waiting = InformationCopy.objects.filter(
            person=person, status=CopyStatus.PREPARING, expires_at__gt=timezone.now()
        ).first()
        if waiting is not None:
            return waiting
        now = timezone.now()
        copy = InformationCopy.objects.create(
            person=person, format=format_for(person), asked_at=now, expires_at=now + KEPT_FOR
        )
        record_download(person, user, fmt=f"copy:{copy.format}")
        transaction.on_commit(lambda: prepare_copy.enqueue(copy.pk), robust=True)
    return copy


def _pdf(person: Person, fmt: str) -> bytes:
    context = {
        "person": person,
        "parts": readable.readable(person, export.records_of(person)),
        "made_on": readable.made_on(),
        "css": render_to_string(STYLESHEET) + LARGE_PRINT_MORE,
        "for_print": False,
        "large_print": fmt in (Format.LARGE_PRINT, Format.EASY_READ),
        "easy_read": fmt == Format.EASY_READ,
    }
    html = render_to_string("privacy/export_document.html", context)
    pdf = HTML(string=html, url_fetcher=_FETCHER).write_pdf(pdf_variant="pdf/ua-1")
    assert pdf is not None  # write_pdf answers the bytes when it has no target
    return bytes(pdf)


@task()
def prepare_copy(copy_id: int) -> str:
    """Made by the worker: the PDF in the person's format and the complete JSON."""
    copy = InformationCopy.objects.select_related("person").filter(pk=copy_id).first()
    if copy is None or copy.status != CopyStatus.PREPARING:
        return "nothing to prepare"
    try:
        pdf = _pdf(copy.person, copy.format)
        data = json.dumps(
            export.as_json(copy.person), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False
        )
    except Exception:
        logger.exception("Could not prepare the copy of information %s", copy_id)
        InformationCopy.objects.filter(pk=copy_id).update(status=CopyStatus.FAILED)
        return "failed"
    with transaction.atomic():
        copy.pdf = base64.b64encode(pdf).decode("ascii")
        copy.data = data
        copy.status = CopyStatus.READY
        copy.ready_at = timezone.now()
        copy.save(update_fields=["pdf", "data", "status", "ready_at"])
        mail.send_on_commit(copy_ready, copy.pk)
    return "ready"


def pdf_of(copy: InformationCopy) -> bytes:
    return base64.b64decode(copy.pdf)


def kept_until(copy: InformationCopy) -> str:
    return dateformat.format(timezone.localtime(copy.expires_at), "j F Y")


@mail.message
def copy_ready(copy_id: int) -> mail.Letter | None:
    """The person hears by their own channel that their copy is ready: through the first
    organisation they work with (a message is always sent on an organisation's behalf),
    or by e-mail to their login when they work with none yet."""
    copy = InformationCopy.objects.select_related("person__user").get(pk=copy_id)
    person = copy.person
    if copy.status != CopyStatus.READY:
        return None
    link = settings.SITE_URL + reverse("privacy:my_information")
    body = "\n\n".join(
        [
            f"Hello {person.preferred_name},",
            "Your information is ready.",
            "You asked for a copy of everything we hold about you.",
            f"You can download it until {kept_until(copy)}:\n{link}",
            "After that date we delete the copy. You can ask for a new one at any time.",
        ]
    )
    to = person.email or (person.user.email if person.user else "")
    email = EmailMessage(subject="Your information is ready", body=body, to=[to] if to else [])
    link_row = person.links.select_related("organisation").order_by("linked_at", "pk").first()
    if link_row is None:
        return mail.Letter(email)
    return mail.Letter(
        email,
        mail.Undelivered(
            organisation_id=link_row.organisation_id,
            assignee_ids=(),
            about="a copy of their information",
            to=person.preferred_name,
            person_id=person.pk,
        ),
        mail.Recipient(person.pk, "information_ready", link=link),
    )


def sweep(now: datetime) -> int:
    """Remove every copy past its date (the worker runs this with the reminders)."""
    deleted, _ = InformationCopy.objects.filter(expires_at__lte=now).delete()
    return deleted
