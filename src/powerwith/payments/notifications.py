"""Telling a person what happened to their claim: approved, not approved (with the
note), or paid (with the date). A message the worker sends once the step commits."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils.formats import date_format

from powerwith.core import mail
from powerwith.payments.models import ClaimEvent, ClaimStatus

SENTENCES: dict[str, str] = {
    ClaimStatus.APPROVED: "Your claim of £{amount} is approved. We will tell you when it is paid.",
    ClaimStatus.REJECTED: "Your claim of £{amount} is not approved.",
    ClaimStatus.PAID: "Your claim of £{amount} was paid on {paid_on}.",
}


@mail.message
def claim_step(event_id: int) -> mail.Letter | None:
    event = ClaimEvent.objects.select_related("claim__person", "claim__organisation").get(
        pk=event_id
    )
    claim = event.claim
    person = claim.person
    if event.status not in SENTENCES:
        return None
    paid_on = date_format(claim.paid_on, "j F Y") if claim.paid_on else ""
    lines = [
        f"Hello {person.preferred_name},",
        SENTENCES[event.status].format(amount=claim.amount, paid_on=paid_on),
    ]
    if event.note and event.status == ClaimStatus.REJECTED:
        lines.append(f"The reason given: {event.note}")
    link = settings.SITE_URL + reverse("payments:my_claim", kwargs={"claim_id": claim.pk})
    lines.append(f"You can see your claim here:\n{link}")
    lines.append(f"If you have a question, ask your contact person at {claim.organisation.name}.")
    return mail.Letter(
        EmailMessage(
            subject=f"Your claim: {claim.get_status_display().lower()}",
            body="\n\n".join(lines),
            to=[person.email],
        ),
        mail.Undelivered(
            organisation_id=claim.organisation_id,
            assignee_ids=(event.actor_id,),
            about=f"a claim ({event.get_status_display().lower()})",
            to=person.preferred_name,
            link=reverse("payments:claim", kwargs={"claim_id": claim.pk}),
            person_id=person.pk,
        ),
        mail.Recipient(person.pk, "claim_step", link=link),
    )
