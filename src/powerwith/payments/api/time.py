"""Time claimed from recorded attendance over the API, as on the person's claims page:
the "Time to claim" list, and claiming for the sessions the person confirms in one step.

An expert's token sees and claims for their own sessions with the token's organisation;
a session of anyone else, or of another organisation, is a 404. Staff do not claim for
people here.
"""

from __future__ import annotations

from typing import Annotated, Any

from django.utils import timezone
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from powerwith.accounts.models import Membership
from powerwith.core.errors import NotAllowed
from powerwith.core.http import Request, membership_of
from powerwith.payments import queries, services
from powerwith.payments.api import ID_MAX, ClaimOut, claim_out
from powerwith.payments.services.attendance import MOST_AT_ONCE
from powerwith.payments.time_to_claim import time_to_claim, total
from powerwith.people.models import Person
from powerwith.people.queries import get_person_for, person_id_for

router = Router(tags=["payments"])


class TimeToClaimOut(Schema):
    session_id: int
    offer_id: int
    opportunity_id: int
    title: str
    starts_at: str
    minutes: int
    basis: str
    rate: str
    amount: str


class TimeToClaimList(Schema):
    items: list[TimeToClaimOut]
    count: int
    total: str


class TimeFromAttendanceIn(Schema):
    model_config = ConfigDict(extra="forbid")

    session_ids: list[Annotated[int, Field(ge=1, le=ID_MAX)]] = Field(
        min_length=1, max_length=MOST_AT_ONCE
    )


class ClaimsMade(Schema):
    items: list[ClaimOut]
    count: int


def _own_person(membership: Membership) -> Person:
    own = person_id_for(membership)
    if own is None:
        raise NotAllowed("Each person claims for their own time: staff cannot claim for them.")
    return get_person_for(membership, own)


@router.get("/me/claimable-time", response=TimeToClaimList)
def claimable_time(request: Request) -> dict[str, Any]:
    """The sessions the person's attendance is recorded at with this organisation, not
    claimed for yet, each with what its time comes to (oldest first)."""
    membership = membership_of(request)
    _own_person(membership)
    rows = time_to_claim(membership.user, timezone.now(), membership.organisation_id)
    return {
        "items": [
            {
                "session_id": row.session.pk,
                "offer_id": row.offer.pk,
                "opportunity_id": row.offer.opportunity_id,
                "title": row.session.opportunity.title,
                "starts_at": row.session.starts_at.isoformat(),
                "minutes": row.minutes,
                "basis": row.fee.basis,
                "rate": f"{row.rate:.2f}",
                "amount": f"{row.amount:.2f}",
            }
            for row in rows
        ],
        "count": len(rows),
        "total": f"{total(rows):.2f}",
    }


@router.post("/claims/time-from-attendance", response={201: ClaimsMade})
def claim_time_from_attendance(
    request: Request, payload: TimeFromAttendanceIn
) -> Status[dict[str, Any]]:
    """A time claim for each session in ``session_ids`` (from ``/me/claimable-time``), all
    or none: one already claimed, or not on the list, refuses the lot with the reason."""
    membership = membership_of(request)
    person = _own_person(membership)
    queries.require_own_sessions(membership, payload.session_ids)
    claims = services.claim_time_from_attendance(
        person=person, by=membership, session_ids=payload.session_ids
    )
    return Status(201, {"items": [claim_out(c) for c in claims], "count": len(claims)})
