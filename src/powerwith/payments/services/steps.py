"""Each step a claim takes after it is made: coordinators and admins approve or reject
it and record its payment with the day it was paid; the person can withdraw it while it
waits for approval. Every step is a ``ClaimEvent`` written with the claim's new status
in one transaction, as ``TRANSITIONS`` allows, with an audit record; the person hears of
approval, refusal and payment by e-mail once it commits.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from powerwith.accounts import audit
from powerwith.accounts.models import Membership, User
from powerwith.core import mail
from powerwith.core.errors import Conflict, InvalidInput, NotAllowed
from powerwith.core.permissions import Capability, can
from powerwith.inbox.services import close_actions
from powerwith.payments import notifications, queries
from powerwith.payments.fees import outside_agreement
from powerwith.payments.models import TRANSITIONS, Claim, ClaimEvent, ClaimStatus
from powerwith.payments.services.claim_rules import TEXT_LENGTH, require_person

STATE_SENTENCES: dict[str, str] = {
    ClaimStatus.SUBMITTED: "This claim is waiting for approval.",
    ClaimStatus.APPROVED: "This claim has been approved and is waiting for payment.",
    ClaimStatus.REJECTED: "This claim was not approved.",
    ClaimStatus.PAID: "This claim has been paid.",
    ClaimStatus.WITHDRAWN: "This claim was withdrawn.",
}


def action_keys(claim: Claim) -> tuple[str, str]:
    return queries.TRAVEL_KEY.format(claim.pk), queries.OVERDUE_KEY.format(claim.pk)


def _require_manager(claim: Claim, by: Membership) -> None:
    if not can(by, Capability.MANAGE_CLAIMS) or by.organisation_id != claim.organisation_id:
        raise NotAllowed("Only the organisation's coordinators and admins can do that.")


def _note(note: str, *, required: bool = False) -> str:
    text = (note or "").strip()
    if required and not text:
        raise InvalidInput(
            "Say why the claim is not approved, so the person knows what to do next.",
            field="note",
        )
    if len(text) > TEXT_LENGTH:
        raise InvalidInput(f"Keep the note to {TEXT_LENGTH} characters or fewer.", field="note")
    return text


def _move(
    claim: Claim,
    to: str,
    *,
    actor: User,
    verb: str,
    note: str = "",
    paid_on: date | None = None,
    **details: object,
) -> ClaimEvent:
    """Change the claim's status as TRANSITIONS allows, with its event and audit record."""
    current = Claim.objects.select_for_update().get(pk=claim.pk)
    claim.status = current.status
    if to not in TRANSITIONS[claim.status]:
        raise Conflict(f"{STATE_SENTENCES[claim.status]} You cannot {verb} it.")
    claim.status = to
    fields = ["status"]
    if paid_on is not None:
        claim.paid_on = paid_on
        fields.append("paid_on")
    claim.save(update_fields=fields)
    event = ClaimEvent.objects.create(claim=claim, status=to, actor=actor, note=note)
    audit.record(
        actor=actor,
        action=f"claim.{to}",
        organisation=claim.organisation,
        target=claim,
        note_given=bool(note),  # the words stay on the claim's history, not in the audit log
        paid_on=paid_on.isoformat() if paid_on else None,
        **details,
    )
    if to in (ClaimStatus.PAID, ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN):
        for key in action_keys(claim):
            close_actions(key=key, by=actor)
    if to in notifications.SENTENCES:
        mail.send_on_commit(notifications.claim_step, event.pk)
    return event


@transaction.atomic
def approve_claim(
    claim: Claim, *, by: Membership, note: str = "", confirm_outside_agreement: bool = False
) -> ClaimEvent:
    """Approved for payment. An expense the accepted offer does not say it covers is paid
    only on the approver's explicit decision (``confirm_outside_agreement``)."""
    _require_manager(claim, by)
    outside = outside_agreement(claim)
    if outside and not confirm_outside_agreement:
        raise Conflict(
            "This claim is not in the agreed expenses. Decide whether to pay it, and confirm "
            "that you have decided to before approving it.",
            field="confirm_outside_agreement",
        )
    return _move(
        claim,
        ClaimStatus.APPROVED,
        actor=by.user,
        verb="approve",
        note=_note(note),
        outside_agreement=outside,
    )


@transaction.atomic
def reject_claim(claim: Claim, *, by: Membership, note: str) -> ClaimEvent:
    """Not approved, with a note saying why."""
    _require_manager(claim, by)
    text = _note(note, required=True)
    return _move(claim, ClaimStatus.REJECTED, actor=by.user, verb="reject", note=text)


@transaction.atomic
def record_payment(
    claim: Claim, *, by: Membership, paid_on: date | None, note: str = ""
) -> ClaimEvent:
    """The claim was paid on ``paid_on``: the day that counts for payment timeliness."""
    _require_manager(claim, by)
    if paid_on is None:
        raise InvalidInput("Enter the date the claim was paid.", field="paid_on")
    if paid_on > timezone.localdate():
        raise InvalidInput("The date paid cannot be in the future.", field="paid_on")
    if paid_on < queries.claimed_on(claim):
        raise InvalidInput(
            "The date paid cannot be before the claim was made "
            f"({date_format(queries.claimed_on(claim), 'j F Y')}).",
            field="paid_on",
        )
    return _move(
        claim,
        ClaimStatus.PAID,
        actor=by.user,
        verb="record a payment for",
        note=_note(note),
        paid_on=paid_on,
    )


@transaction.atomic
def withdraw_claim(claim: Claim, *, by: Membership) -> ClaimEvent:
    """The person takes back a claim that is still waiting for approval."""
    require_person(claim.person, by)
    return _move(claim, ClaimStatus.WITHDRAWN, actor=by.user, verb="withdraw")
