"""The receipt of a consent event, sent to the person by the channel they chose.

Every time a person gives, withdraws or agrees again to a consent (themself, or through
staff on their word), the receipt reaches them the way they hear from us: an e-mail with
a link to it (or, when they have no login to open the link, the receipt in its words with
the easy-read PDF attached), a text with a short link, a letter with the receipt printed
after it, a call, or their supporter. It goes through the worker like every other
message, and a receipt that cannot reach them goes on staff's action-needed list.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from powerwith.consent.models import ConsentEvent, Method
from powerwith.consent.receipts import how_to_change, receipt, receipt_easy_read_html, receipt_pdf
from powerwith.core import mail

TOPIC = "consent_receipt"
# What a letter encloses: messaging.letters prints this kind from the receipt's page.
ENCLOSURE = "consent_receipt"

VERB = {"given": "gave", "withdrawn": "withdrew", "reconfirmed": "agreed to again"}


def send_receipt(event: ConsentEvent) -> None:
    """Queue the receipt for the person once the event is stored (called in its
    transaction)."""
    mail.send_on_commit(consent_receipt, event.pk)


def enclosure_page(event_id: int) -> str:
    """The easy-read receipt, printed after the letter that carries it."""
    return receipt_easy_read_html(
        ConsentEvent.objects.select_related("person", "organisation", "opportunity").get(
            pk=event_id
        )
    )


@mail.message
def consent_receipt(event_id: int) -> mail.Letter | None:
    event = ConsentEvent.objects.select_related(
        "person", "organisation", "opportunity", "recorded_by"
    ).get(pk=event_id)
    person = event.person
    organisation = event.organisation
    found = receipt(event)
    link = settings.SITE_URL + reverse("consent:receipt", args=[event.pk])
    work = f"For the work: {found.opportunity_title}.\n" if found.opportunity_title else ""
    attached = person.user_id is None
    # Without a login the link would ask them to sign in: the message itself is the
    # receipt, and the easy-read PDF rides along where the backend carries attachments
    # (GOV.UK Notify's e-mail template does not), so the words never promise it.
    where = (
        "Keep this message: it is your receipt. If you would like it on paper or in easy "
        f"read, ask {organisation.name} and we will post it to you."
        if attached
        else f"You can read your receipt, and download it, here:\n{link}"
    )
    body = (
        f"Dear {person.preferred_name},\n\n"
        f"This is your receipt from {organisation.name}.\n\n"
        f"{found.what}\n{work}When: {found.when}.\nHow: {found.method}.\n\n"
        f"{how_to_change(found)}\n\n{where}\n"
    )
    email = EmailMessage(
        subject=f"Your consent receipt from {organisation.name}",
        body=body,
        to=[person.email] if person.email else [],
    )
    if attached:
        email.attach(f"consent-receipt-{event.pk}.pdf", receipt_pdf(event), "application/pdf")
    contact = event.opportunity.contact_user_id if event.opportunity else None
    recorder = event.recorded_by_id if event.method != Method.SELF else None
    return mail.Letter(
        email,
        mail.Undelivered(
            organisation_id=organisation.pk,
            assignee_ids=(contact, recorder),
            about=f"the receipt for a consent they {VERB[found.event_type]}",
            to=person.preferred_name,
            link=reverse("consent:receipt", args=[event.pk]),
            person_id=person.pk,
        ),
        mail.Recipient(
            person.pk,
            TOPIC,
            link=link,
            contact_ids=(contact, recorder),
            enclosure=f"{ENCLOSURE}:{event.pk}",
        ),
    )
