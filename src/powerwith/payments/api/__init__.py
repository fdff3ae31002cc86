"""Claims over the API; payment timeliness and the person's choice about payment are in
``api_choices``.

Thin: parse, find through queries.py, call the same services as the pages. An expert's
token sees and makes their own claims in the token's organisation; a coordinator's or
admin's sees the organisation's. Another organisation's claim is a 404. Receipts are
uploaded through the pages only. Listing and making claims (``GET``/``POST /claims``) is
``workflows.api.claims``: staff may record a claim for the person.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone
from ninja import Field, Router, Schema
from pydantic import ConfigDict

from powerwith.accounts.models import Membership
from powerwith.core.http import Request, membership_of
from powerwith.core.request_body import optional_body, optional_body_openapi
from powerwith.payments import queries, services
from powerwith.payments.fees import agreed_expenses, outside_agreement
from powerwith.payments.mileage import plain
from powerwith.payments.models import Claim, ExpenseCategory
from powerwith.people.schemas import OnBehalfIn

router = Router(tags=["payments"])

PAGE_SIZE = 25
# The largest id a database row can have; a larger one is refused before any query.
ID_MAX = 2**63 - 1


class ClaimIn(Schema):
    model_config = ConfigDict(extra="forbid")

    offer_id: int = Field(ge=1, le=ID_MAX)
    kind: str = Field(max_length=20)
    session_id: int | None = Field(default=None, ge=1, le=ID_MAX)
    minutes: int | None = Field(default=None, ge=0, le=100_000)
    amount: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    description: str = Field(default="", max_length=500)
    # Why a time claim is for longer than the time booked (needed then).
    reason: str = Field(default="", max_length=500)
    # What expenses were for; without it, "other", which the approver decides on.
    category: str = Field(default=ExpenseCategory.OTHER.value, max_length=20)
    # Staff recording a claim the person made another way (powerwith.workflows.on_behalf).
    on_behalf: OnBehalfIn | None = None
    # Mileage: the journey; the amount is worked out from the dated HMRC rates.
    miles: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    passengers: int | None = Field(default=None, ge=-1000, le=1000)
    vehicle: str = Field(default="", max_length=20)
    journey_from: str = Field(default="", max_length=200, alias="from")
    journey_to: str = Field(default="", max_length=200, alias="to")
    # The day of the journey: the session's day, or today, unless given.
    travelled_on: date | None = None


class NoteIn(Schema):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(default="", max_length=500)


class ApproveIn(NoteIn):
    # Needed to approve an expense outside the agreed expenses: the approver's decision.
    confirm_outside_agreement: bool = False


class PaymentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    paid_on: date
    note: str = Field(default="", max_length=500)


class EventOut(Schema):
    status: str
    actor_id: int
    note: str
    created_at: str


class ClaimOut(Schema):
    id: int
    organisation_id: int
    person_id: int
    offer_id: int
    opportunity_id: int
    session_id: int | None
    kind: str
    category: str
    # An expense the accepted offer does not say it covers: the approver decides, with
    # what the offer covers beside it.
    outside_agreement: bool
    agreed_expenses: dict[str, bool]
    minutes: int | None
    amount: str
    description: str
    has_receipt: bool
    # How it is paid: the person's route on the day they claimed, if open for the work.
    route: str
    # Mileage: the journey the amount was worked out from (null for other claims).
    miles: str | None
    passengers: int | None
    vehicle: str
    journey_from: str
    journey_to: str
    travelled_on: str | None
    status: str
    claimed_on: str
    paid_on: str | None
    days_to_pay: int | None
    overdue: bool
    events: list[EventOut]


class ClaimList(Schema):
    items: list[ClaimOut]
    count: int


def claim_out(claim: Claim) -> dict[str, Any]:
    expenses = agreed_expenses(claim.offer)
    return {
        "id": claim.pk,
        "organisation_id": claim.organisation_id,
        "person_id": claim.person_id,
        "offer_id": claim.offer_id,
        "opportunity_id": claim.offer.opportunity_id,
        "session_id": claim.session_id,
        "kind": claim.kind,
        "category": claim.category,
        "outside_agreement": outside_agreement(claim, expenses),
        "agreed_expenses": expenses.listed,
        "minutes": claim.minutes,
        "amount": f"{claim.amount:.2f}",
        "description": claim.description,
        "has_receipt": bool(claim.receipt),
        "route": claim.route,
        "miles": plain(claim.miles) if claim.miles is not None else None,
        "passengers": claim.passengers,
        "vehicle": claim.vehicle,
        "journey_from": claim.journey_from,
        "journey_to": claim.journey_to,
        "travelled_on": claim.travelled_on.isoformat() if claim.travelled_on else None,
        "status": claim.status,
        "claimed_on": queries.claimed_on(claim).isoformat(),
        "paid_on": claim.paid_on.isoformat() if claim.paid_on else None,
        "days_to_pay": queries.days_to_pay(claim),
        "overdue": queries.is_overdue(claim, timezone.now()),
        "events": [
            {
                "status": e.status,
                "actor_id": e.actor_id,
                "note": e.note,
                "created_at": e.created_at.isoformat(),
            }
            for e in queries.events_of(claim)
        ],
    }


def _claim(request: Request, claim_id: int) -> tuple[Membership, Claim]:
    membership = membership_of(request)
    return membership, queries.get_claim_for(membership, claim_id)


@router.get("/claims/{claim_id}", response=ClaimOut)
def get_claim(request: Request, claim_id: int) -> dict[str, Any]:
    return claim_out(_claim(request, claim_id)[1])


@router.post(
    "/claims/{claim_id}/approve",
    response=ClaimOut,
    openapi_extra=optional_body_openapi(ApproveIn),
)
def approve_claim(request: Request, claim_id: int) -> dict[str, Any]:
    """With an optional ``note``; an expense outside the agreed expenses (``outside_agreement``)
    needs ``confirm_outside_agreement: true``, the approver's decision to pay it."""
    body = optional_body(request, ApproveIn)
    membership, claim = _claim(request, claim_id)
    services.approve_claim(
        claim,
        by=membership,
        note=body.note,
        confirm_outside_agreement=body.confirm_outside_agreement,
    )
    return claim_out(claim)


@router.post("/claims/{claim_id}/reject", response=ClaimOut)
def reject_claim(request: Request, claim_id: int, payload: NoteIn) -> dict[str, Any]:
    """With a ``note`` saying why."""
    membership, claim = _claim(request, claim_id)
    services.reject_claim(claim, by=membership, note=payload.note)
    return claim_out(claim)


@router.post("/claims/{claim_id}/pay", response=ClaimOut)
def pay_claim(request: Request, claim_id: int, payload: PaymentIn) -> dict[str, Any]:
    """Record the payment of an approved claim and the day it was paid."""
    membership, claim = _claim(request, claim_id)
    services.record_payment(claim, by=membership, paid_on=payload.paid_on, note=payload.note)
    return claim_out(claim)


@router.post("/claims/{claim_id}/withdraw", response=ClaimOut)
def withdraw_claim(request: Request, claim_id: int) -> dict[str, Any]:
    membership, claim = _claim(request, claim_id)
    services.withdraw_claim(claim, by=membership)
    return claim_out(claim)
