"""Listing and making claims over the API: the person's own claim, or, with ``on_behalf``,
staff recording a claim the person made another way (``workflows.on_behalf``). Both
methods of ``/claims`` are served here, under payments' tag, path and operation ids
(docs/adr/011-layers-and-layout.md); the rest of the claims API is ``payments.api``."""

from __future__ import annotations

from typing import Any

from ninja import P, Router, Status
from ninja.params import QueryEx

from powerwith.core.errors import NotAllowed
from powerwith.core.http import Request, membership_of
from powerwith.offers.queries import get_offer_for
from powerwith.payments import queries, services
from powerwith.payments.api import PAGE_SIZE, ClaimIn, ClaimList, ClaimOut, claim_out
from powerwith.people.queries import get_person_for, person_id_for
from powerwith.workflows import on_behalf

router = Router(tags=["payments"])


@router.get("/claims", response=ClaimList, operation_id="powerwith_payments_api_list_claims")
def list_claims(
    request: Request, show: str = "", page: QueryEx[int, P(ge=1, le=1_000_000)] = 1
) -> dict[str, Any]:
    """25 a page, newest first. ``show`` filters: waiting, approved, overdue, paid."""
    membership = membership_of(request)
    claims = queries.filtered(queries.claims_of(membership), show, membership.organisation)
    start = (page - 1) * PAGE_SIZE
    return {
        "items": [claim_out(c) for c in claims[start : start + PAGE_SIZE]],
        "count": claims.count(),
    }


@router.post(
    "/claims", response={201: ClaimOut}, operation_id="powerwith_payments_api_create_claim"
)
def create_claim(request: Request, payload: ClaimIn) -> Status[dict[str, Any]]:
    """The person's own claim against their accepted offer: ``time`` (for a session they
    were booked into), ``expenses`` (with a ``category``: one the offer does not cover is
    refused), ``mileage`` (``miles``, ``passengers``, ``vehicle``, ``from``, ``to``: the
    amount is worked out from the dated HMRC rates) or ``travel_advance`` (before the
    session, where the offer pays it)."""
    membership = membership_of(request)
    offer = get_offer_for(membership, payload.offer_id)
    if payload.on_behalf is not None:
        claim = on_behalf.make_claim(
            offer,
            by=membership,
            word=payload.on_behalf.word(),
            kind=payload.kind,
            session_id=payload.session_id,
            minutes=payload.minutes,
            amount=payload.amount,
            description=payload.description,
            category=payload.category,
            reason=payload.reason,
        )
        return Status(201, claim_out(claim))
    own = person_id_for(membership)
    if own is None:
        raise NotAllowed("Each person makes their own claims: staff cannot claim for them.")
    person = get_person_for(membership, own)
    claim = services.submit_claim(
        person=person,
        offer=offer,
        kind=payload.kind,
        by=membership,
        session_id=payload.session_id,
        minutes=payload.minutes,
        amount=payload.amount,
        description=payload.description,
        category=payload.category,
        reason=payload.reason,
        miles=payload.miles,
        passengers=payload.passengers,
        vehicle=payload.vehicle,
        journey_from=payload.journey_from,
        journey_to=payload.journey_to,
        travelled_on=payload.travelled_on,
    )
    return Status(201, claim_out(claim))
