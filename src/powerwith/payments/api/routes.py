"""How each person is paid, over the API: the person reads and changes their own route
(``/me/pay-route``); coordinators and admins read and record the organisation's
employment-status decision for a person and a kind of work. Another organisation's
person is a 404."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from powerwith.accounts.models import Membership
from powerwith.core.errors import NotAllowed
from powerwith.core.http import Request, membership_of
from powerwith.payments import queries, services
from powerwith.payments.models import EmploymentStatusDecision, PayRouteChoice
from powerwith.payments.routes import QUESTIONS, WORDS, route_on, routes_open_to
from powerwith.people.models import Person
from powerwith.people.queries import get_person_for, person_id_for

router = Router(tags=["payments"])


class RouteIn(Schema):
    model_config = ConfigDict(extra="forbid")

    route: str = Field(max_length=20)
    applies_from: date | None = None
    charity: str = Field(default="", max_length=200)


class RouteChoiceOut(Schema):
    route: str
    applies_from: str
    charity: str


class RouteOut(Schema):
    route: str
    words: str
    open_routes: list[str]
    history: list[RouteChoiceOut]


class DecisionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    commitment: str = Field(max_length=30)
    answers: dict[str, bool]
    outcome: str = Field(max_length=20)
    review_on: date
    reasons: str = Field(default="", max_length=2000)


class DecisionOut(Schema):
    id: int
    person_id: int
    commitment: str
    answers: dict[str, bool]
    outcome: str
    reasons: str
    decided_by: int
    decided_on: str
    review_on: str


class DecisionList(Schema):
    questions: dict[str, str]
    items: list[DecisionOut]


def _own(membership: Membership) -> Person:
    own = person_id_for(membership)
    if own is None:
        raise NotAllowed("How a person is paid is theirs to choose: staff cannot choose it.")
    return get_person_for(membership, own)


def _choice_out(choice: PayRouteChoice) -> dict[str, Any]:
    return {
        "route": choice.route,
        "applies_from": choice.applies_from.isoformat(),
        "charity": choice.charity,
    }


def _route_out(person: Person, membership: Membership) -> dict[str, Any]:
    today = timezone.localdate()
    route = route_on(person, membership.organisation_id, today)
    return {
        "route": route,
        "words": WORDS[route],
        "open_routes": sorted(routes_open_to(person, membership.organisation_id, today)),
        "history": [_choice_out(c) for c in queries.route_choices_of(person, membership)],
    }


def decision_out(decision: EmploymentStatusDecision) -> dict[str, Any]:
    return {
        "id": decision.pk,
        "person_id": decision.person_id,
        "commitment": decision.commitment,
        "answers": decision.answers,
        "outcome": decision.outcome,
        "reasons": decision.reasons,
        "decided_by": decision.decided_by_id,
        "decided_on": decision.decided_on.isoformat(),
        "review_on": decision.review_on.isoformat(),
    }


@router.get("/me/pay-route", response=RouteOut)
def my_pay_route(request: Request) -> dict[str, Any]:
    """The route the person is paid by today, what it means, and the routes open to them."""
    membership = membership_of(request)
    return _route_out(_own(membership), membership)


@router.put("/me/pay-route", response=RouteOut)
def choose_my_pay_route(request: Request, payload: RouteIn) -> dict[str, Any]:
    """A new choice from ``applies_from`` (today unless given)."""
    membership = membership_of(request)
    person = _own(membership)
    services.choose_pay_route(
        person=person,
        by=membership,
        route=payload.route,
        applies_from=payload.applies_from,
        charity=payload.charity,
    )
    return _route_out(person, membership)


@router.get("/people/{person_id}/employment-status", response=DecisionList)
def list_decisions(request: Request, person_id: int) -> dict[str, Any]:
    membership = membership_of(request)
    person = get_person_for(membership, person_id)
    return {
        "questions": QUESTIONS,
        "items": [decision_out(d) for d in queries.decisions_of(person, membership)],
    }


@router.post("/people/{person_id}/employment-status", response={201: DecisionOut})
def record_decision(
    request: Request, person_id: int, payload: DecisionIn
) -> Status[dict[str, Any]]:
    """The organisation's decision for the person and a kind of work (``commitment``),
    with a yes or no to each of the guidance's ``questions``."""
    membership = membership_of(request)
    person = get_person_for(membership, person_id)
    decision = services.record_employment_status(
        person=person,
        by=membership,
        commitment=payload.commitment,
        answers=payload.answers,
        outcome=payload.outcome,
        review_on=payload.review_on,
        reasons=payload.reasons,
    )
    return Status(201, decision_out(decision))
