"""Travel paid in advance for sessions that will not happen because the person left the
work. Money already paid is the person's: it is never asked back. A request still
waiting for approval is withdrawn, saying why; one approved but not yet paid is put
before the coordinators to check with the person first, because they may already have
bought tickets they cannot get back (which are then paid as an expense).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

from powerwith.accounts.models import Organisation, User
from powerwith.inbox.models import ActionKind
from powerwith.inbox.services import raise_action
from powerwith.payments.models import Claim, ClaimKind, ClaimStatus
from powerwith.payments.queries import coordinators_of, managers_of
from powerwith.payments.services.steps import _move

LEFT_NOTE = "The session was cancelled because the person left the work."


def advances_for(session_ids: Iterable[int], person_id: int) -> list[Claim]:
    """The person's travel-in-advance requests and payments for these sessions."""
    return list(
        Claim.objects.filter(
            kind=ClaimKind.TRAVEL_ADVANCE,
            person_id=person_id,
            session_id__in=list(session_ids),
            status__in=(ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, ClaimStatus.PAID),
        ).select_related("session")
    )


def settle_advances(claims: Iterable[Claim], *, organisation: Organisation, by: User) -> None:
    """Inside the leaving transaction: withdraw what waits for approval, ask the
    coordinators to check what is approved, keep what is paid."""
    for claim in claims:
        if claim.status == ClaimStatus.SUBMITTED:
            _move(claim, ClaimStatus.WITHDRAWN, actor=by, verb="withdraw", note=LEFT_NOTE)
        elif claim.status == ClaimStatus.APPROVED:
            raise_action(
                organisation=organisation,
                assignees=coordinators_of(organisation) or managers_of(organisation),
                kind=ActionKind.TRAVEL_ADVANCE,
                key=f"travel-advance-cancelled:{claim.pk}",
                title=(
                    f"{claim.person.preferred_name} left the work: check with them before "
                    f"paying £{claim.amount} travel for a cancelled session"
                ),
                link=reverse("payments:claim", args=[claim.pk]),
                person=claim.person,
            )


def check_advances_for_cancelled_session(
    session_id: int, *, organisation: Organisation, when: str
) -> None:
    """Inside the cancelling transaction: travel money asked for or approved for a session
    the organisation cancelled is put before the coordinators, who check with the person
    (tickets may already be bought, and are then paid as an expense). Money paid stays
    theirs; nothing is withdrawn on their behalf."""
    for claim in Claim.objects.filter(
        kind=ClaimKind.TRAVEL_ADVANCE,
        session_id=session_id,
        status__in=(ClaimStatus.SUBMITTED, ClaimStatus.APPROVED),
    ).select_related("person"):
        raise_action(
            organisation=organisation,
            assignees=coordinators_of(organisation) or managers_of(organisation),
            kind=ActionKind.TRAVEL_ADVANCE,
            key=f"travel-advance-cancelled:{claim.pk}",
            title=(
                f"The session on {when} was cancelled: check with "
                f"{claim.person.preferred_name} about the £{claim.amount} travel asked for"
            ),
            link=reverse("payments:claim", args=[claim.pk]),
            person=claim.person,
        )
