"""Offers of work over the API: make, read, change, send, accept, decline, withdraw, and
questions. Thin: parse, find through queries.py, call a service, answer.

The send gate answers 409 with ``detail`` in words and the codes a client can act on:
``missing`` (the elements the offer leaves out), ``blocking`` (the findings no
acknowledgement lets through: speculation, promises, vague amounts and times, each with
the ``field`` it is in and a link to it) and ``warnings`` (the clarity warnings).
"""

from __future__ import annotations

from typing import Any

from django.db.models import prefetch_related_objects
from ninja import P, Router, Status
from ninja.params import QueryEx

from powerwith.accounts.models import Membership
from powerwith.core.http import Request, membership_of
from powerwith.core.permissions import Capability, can
from powerwith.core.request_body import optional_body, optional_body_openapi
from powerwith.offers import checks as offer_checks
from powerwith.offers import content, queries, services
from powerwith.offers.api.schemas import (
    OfferIn,
    OfferOut,
    OfferPage,
    RefusedOut,
    SendIn,
    TermsIn,
)
from powerwith.offers.models import Offer, OfferAction, OfferEvent, OfferStatus, OfferVersion
from powerwith.opportunities.queries import get_opportunity_for
from powerwith.people.models import ActedFor
from powerwith.people.queries import get_person_for

router = Router(tags=["offers"])

PAGE_SIZE = 25
QUESTIONS_AND_ANSWERS = frozenset({OfferAction.QUESTION, OfferAction.ANSWER})


def question_out(event: OfferEvent) -> dict[str, Any]:
    return {
        "id": event.pk,
        "kind": event.action,
        "text": event.text,
        "version": event.version.number if event.version else None,
        "created_at": event.created_at.isoformat(),
    }


# What building an offer reads, fetched for a whole page at once (a list makes as many
# queries for 25 offers as for one): its versions, its events with their versions, and
# for staff, who read it as it would be sent now, the sessions and the person's sharing.
READS = ("versions", "events__version")
STAFF_READS = (*READS, "opportunity__sessions", "person__links")


def _latest(offer: Offer) -> OfferVersion | None:
    """The version last sent (``queries.latest_version``), from the prefetch."""
    if offer.version == 0:
        return None
    return next((v for v in offer.versions.all() if v.number == offer.version), None)


def _agreed_number(offer: Offer) -> int | None:
    """The number of the version accepted (the agreement), from the prefetch."""
    return next((v.number for v in offer.versions.all() if v.pk == offer.accepted_version_id), None)


def _questions(offer: Offer) -> list[OfferEvent]:
    """The questions and answers in the order they came (``queries.questions_of``)."""
    return [e for e in offer.events.all() if e.action in QUESTIONS_AND_ANSWERS]


def _outs(membership: Membership, offers: list[Offer]) -> list[dict[str, Any]]:
    """Staff read each offer as it would be sent now, with what it lacks and the clarity
    findings; the person reads the version sent to them."""
    staff = can(membership, Capability.WORK_AS_STAFF)
    prefetch_related_objects(offers, *(STAFF_READS if staff else READS))
    recorded = queries.acted_for_events([e.pk for o in offers for e in o.events.all()])
    outs = [_one(offer, staff, recorded) for offer in offers]
    # What higher parts add for the reader (how the person would be paid: pay_route), for
    # the whole list at once.
    readings = [(offer, out["content"]) for offer, out in zip(offers, outs, strict=True)]
    added = content.additions(readings)
    return [{**out, **more} for out, more in zip(outs, added, strict=True)]


def offer_out(membership: Membership, offer: Offer) -> dict[str, Any]:
    return _outs(membership, [offer])[0]


def _acted_for_out(event: OfferEvent, acted: ActedFor) -> dict[str, Any]:
    return {
        "action": event.action,
        "method": acted.method,
        "note": acted.note,
        "recorded_by": str(acted.recorded_by),
        "recorded_at": acted.recorded_at.isoformat(),
        # The person's supporter, when they answered through their own login.
        "supporter": acted.supporter.name if acted.supporter else None,
    }


def _one(offer: Offer, staff: bool, recorded: dict[int, ActedFor]) -> dict[str, Any]:
    latest = _latest(offer)
    if staff:
        now = content.build(offer)
        shown = now if latest is None or offer.status == OfferStatus.DRAFT else latest.content
        missing = content.missing(now)
        clarity = offer_checks.clarity_findings(now, offer_id=offer.pk)
    else:
        assert latest is not None  # a person only reaches offers sent to them
        shown, missing, clarity = latest.content, [], []
    return {
        "id": offer.pk,
        "status": offer.status,
        "version": offer.version,
        "missing": missing,
        "clarity": clarity,
        "person_id": offer.person_id,
        "opportunity_id": offer.opportunity_id,
        "terms": dict(offer.terms) if staff else None,
        "content": shown,
        "content_hash": latest.content_hash if latest else None,
        # The agreement: the version accepted, which stands while a changed one waits.
        "accepted_version": _agreed_number(offer),
        "questions": [question_out(e) for e in _questions(offer)],
        # Answers staff recorded on the person's word: how the person told them, and who.
        "recorded_for_person": [
            _acted_for_out(e, recorded[e.pk]) for e in offer.events.all() if e.pk in recorded
        ],
    }


def offer_for(request: Request, offer_id: int) -> tuple[Membership, Offer]:
    membership = membership_of(request)
    return membership, queries.get_offer_for(membership, offer_id)


@router.post("/opportunities/{opportunity_id}/offers", response={201: OfferOut})
def create_offer(request: Request, opportunity_id: int, payload: OfferIn) -> Status[dict[str, Any]]:
    membership = membership_of(request)
    opportunity = get_opportunity_for(membership, opportunity_id)
    queries.require_manager(membership)
    person = get_person_for(membership, payload.person_id)
    offer = services.create_offer(by=membership, opportunity=opportunity, person=person)
    return Status(201, offer_out(membership, offer))


@router.get("/offers", response=OfferPage)
def list_offers(request: Request, page: QueryEx[int, P(ge=1, le=1_000_000)] = 1) -> dict[str, Any]:
    """25 a page, newest first: the organisation's offers for staff; for an expert, the
    ones sent to them here. A page past the end answers no items and the count."""
    membership = membership_of(request)
    if not can(membership, Capability.WORK_AS_STAFF):
        offers = queries.offers_for_person(membership.user).filter(
            organisation_id=membership.organisation_id
        )
    else:
        offers = queries.offers_of(membership)
    start = (page - 1) * PAGE_SIZE
    return {
        "items": _outs(membership, list(offers[start : start + PAGE_SIZE])),
        "count": offers.count(),
    }


@router.get("/offers/{offer_id}", response=OfferOut)
def get_offer(request: Request, offer_id: int) -> dict[str, Any]:
    return offer_out(*offer_for(request, offer_id))


@router.patch("/offers/{offer_id}", response=OfferOut)
def change_terms(request: Request, offer_id: int, payload: TermsIn) -> dict[str, Any]:
    membership, offer = offer_for(request, offer_id)
    terms = {name: value or "" for name, value in payload.model_dump(exclude_unset=True).items()}
    services.change_terms(offer, by=membership, terms=terms)
    return offer_out(membership, offer)


@router.post(
    "/offers/{offer_id}/send",
    response={200: OfferOut, 409: RefusedOut},
    openapi_extra=optional_body_openapi(SendIn),
)
def send_offer(request: Request, offer_id: int) -> Status[dict[str, Any]]:
    """409 with ``missing`` and ``blocking`` while the offer leaves out anything it must
    state or says anything speculative, promised or vague (acknowledged or not); then 409
    with ``warnings`` until the warnings about style are acknowledged."""
    acknowledge = optional_body(request, SendIn).acknowledge_warnings
    membership, offer = offer_for(request, offer_id)
    try:
        services.send_offer(offer, by=membership, acknowledge_warnings=acknowledge)
    except services.SendRefused as refused:
        return Status(
            409,
            {
                "detail": refused.message,
                "missing": refused.missing,
                "blocking": refused.blocking,
                "warnings": refused.warnings,
                "blocked": refused.unsafe,
            },
        )
    return Status(200, offer_out(membership, offer))


@router.post("/offers/{offer_id}/withdraw", response=OfferOut)
def withdraw_offer(request: Request, offer_id: int) -> dict[str, Any]:
    membership, offer = offer_for(request, offer_id)
    services.withdraw_offer(offer, by=membership)
    return offer_out(membership, offer)
