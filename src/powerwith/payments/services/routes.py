"""The person's choice of how they are paid, and the organisation's employment-status
decision that decides which routes are open (``payments.routes``). Both are kept as
they were: a change is a new record from a day on."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from powerwith.accounts import audit
from powerwith.accounts.models import Membership
from powerwith.core.choices import Commitment
from powerwith.core.errors import Conflict, InvalidInput
from powerwith.core.permissions import Capability, require
from powerwith.payments.models import (
    EmploymentStatusDecision,
    PayRoute,
    PayRouteChoice,
    StatusOutcome,
)
from powerwith.payments.routes import QUESTIONS, routes_open_to
from powerwith.payments.services.claim_rules import require_person
from powerwith.people.models import Person

LONGEST_REVIEW = timedelta(days=3 * 366)
ROUTES = ", ".join(PayRoute.values)


@transaction.atomic
def choose_pay_route(
    *,
    person: Person,
    by: Membership,
    route: str,
    applies_from: date | None = None,
    charity: str = "",
) -> PayRouteChoice:
    """The person's own choice of how the organisation pays them, from ``applies_from``
    (today unless given; never before today, so what was paid stays as it was)."""
    require_person(person, by)
    if route not in PayRoute.values:
        raise InvalidInput(f"Choose how you would like to be paid: one of {ROUTES}.", field="route")
    today = timezone.localdate()
    day = applies_from or today
    if day < today:
        raise InvalidInput(
            "Choose today or a day to come: payments already made stay as they were.",
            field="applies_from",
        )
    if route not in routes_open_to(person, by.organisation_id, day):
        words = PayRoute(route).label.lower()
        raise Conflict(
            f"{by.organisation.name} has decided your work is paid another way, so "
            f"{words} is not open to you. Ask your contact person about their decision.",
            field="route",
        )
    name = (charity or "").strip()
    if route == PayRoute.CHARITY and not name:
        raise InvalidInput("Say which charity you would like your fee paid to.", field="charity")
    if len(name) > 200:
        raise InvalidInput("Keep the charity's name to 200 characters or fewer.", field="charity")
    choice = PayRouteChoice.objects.create(
        person=person,
        organisation=by.organisation,
        route=route,
        applies_from=day,
        charity=name if route == PayRoute.CHARITY else "",
        recorded_by=by.user,
    )
    audit.record(
        actor=by.user,
        action="pay_route.chosen",
        organisation=by.organisation,
        target=choice,
        route=route,
        applies_from=day.isoformat(),
    )
    return choice


@transaction.atomic
def record_employment_status(
    *,
    person: Person,
    by: Membership,
    commitment: str,
    answers: dict[str, Any],
    outcome: str,
    review_on: date | None,
    reasons: str = "",
) -> EmploymentStatusDecision:
    """The organisation's decision for the person and a kind of work, with an answer to
    each of the guidance's questions, and a day to review it within three years."""
    require(by, Capability.MANAGE_CLAIMS, "Only coordinators and admins record this decision.")
    if commitment not in Commitment.values:
        raise InvalidInput("Choose the kind of work the decision is for.", field="commitment")
    if outcome not in StatusOutcome.values:
        raise InvalidInput("Choose the outcome of the decision.", field="outcome")
    missing = [key for key in QUESTIONS if not isinstance(answers.get(key), bool)]
    if missing:
        raise InvalidInput(
            "Answer every question of the guidance, yes or no: " + QUESTIONS[missing[0]],
            field=missing[0],
        )
    today = timezone.localdate()
    if review_on is None or not today < review_on <= today + LONGEST_REVIEW:
        raise InvalidInput(
            "Enter a review date after today and within three years.", field="review_on"
        )
    text = (reasons or "").strip()
    if len(text) > 2000:
        raise InvalidInput("Keep the reasons to 2000 characters or fewer.", field="reasons")
    decision = EmploymentStatusDecision.objects.create(
        organisation=by.organisation,
        person=person,
        commitment=commitment,
        answers={key: answers[key] for key in QUESTIONS},
        outcome=outcome,
        reasons=text,
        decided_by=by.user,
        decided_on=today,
        review_on=review_on,
    )
    audit.record(
        actor=by.user,
        action="employment_status.decided",
        organisation=by.organisation,
        target=decision,
        commitment=commitment,
        outcome=outcome,
    )
    return decision
