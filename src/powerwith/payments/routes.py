"""How each person is paid: the route they choose, and the organisation's
employment-status decision that decides which routes are open.

- The **route** on a day is the newest choice the person made with the organisation that
  applies from that day or before; with none, bank transfer as a fee.
- The **decision** for a piece of work is the organisation's newest decision for the
  person and the work's kind (its commitment), made on or before the day. The NIHR/HRA
  guidance on paying public contributors asks its questions (``QUESTIONS``); the outcome
  opens routes (``OPEN_ROUTES``): public involvement is paid as a fee, in vouchers or to
  a charity; self-employed work against an invoice; employment through payroll. Anyone
  may choose a charity or no payment. With no decision, the involvement routes are open.
- A **claim's route** is the person's route on the day, if the decision for the work
  opens it; otherwise the route the decision expects (payroll, invoice or a fee), so
  nobody is paid a way the organisation decided against.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.utils import timezone

from powerwith.core.choices import RewardBasis
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.payments.models import (
    EmploymentStatusDecision,
    PayRoute,
    PayRouteChoice,
    StatusOutcome,
)
from powerwith.people.models import Person

# The questions the NIHR/HRA employment-status guidance asks of involvement work, each
# answered yes or no (with a note) when the organisation decides.
QUESTIONS: dict[str, str] = {
    "control": "Does the organisation decide what the person does, how, when and where?",
    "obligation": "Must the organisation offer work, and the person accept it, regularly?",
    "substitution": "Could the person send someone else to do the work in their place?",
    "own_business": "Does the person run their own business, invoicing for this work?",
    "equipment_and_risk": "Does the person provide their own equipment and bear financial risk?",
    "part_of_organisation": "Is the person part of the organisation, like its staff (a badge, "
    "an email address, line management)?",
}

OPEN_ROUTES: dict[str, tuple[str, ...]] = {
    StatusOutcome.INVOLVEMENT: (
        PayRoute.BANK_TRANSFER,
        PayRoute.VOUCHERS,
        PayRoute.CHARITY,
        PayRoute.NO_PAYMENT,
    ),
    StatusOutcome.SELF_EMPLOYED: (PayRoute.INVOICE, PayRoute.CHARITY, PayRoute.NO_PAYMENT),
    StatusOutcome.EMPLOYED: (PayRoute.PAYROLL, PayRoute.CHARITY, PayRoute.NO_PAYMENT),
}
# The route a claim goes by when the person's choice is not open under the decision.
EXPECTED: dict[str, str] = {
    StatusOutcome.INVOLVEMENT: PayRoute.BANK_TRANSFER,
    StatusOutcome.SELF_EMPLOYED: PayRoute.INVOICE,
    StatusOutcome.EMPLOYED: PayRoute.PAYROLL,
}

# What each route means for the person, in plain words: on the offer and their pages.
WORDS: dict[str, str] = {
    PayRoute.BANK_TRANSFER: (
        "You are paid a fee into your bank account. Nothing is taken off: you are "
        "responsible for telling HMRC, and the Jobcentre if you get benefits."
    ),
    PayRoute.PAYROLL: (
        "You are paid through our payroll. Tax and National Insurance will be taken off "
        "before you are paid, and you get a payslip."
    ),
    PayRoute.INVOICE: (
        "You send us an invoice as a self-employed person and we pay it. Nothing is taken "
        "off: you tell HMRC through Self Assessment if you earn over £1,000 in a tax year."
    ),
    PayRoute.VOUCHERS: (
        "You are given vouchers instead of money. They may still count as income for tax "
        "and benefits."
    ),
    PayRoute.CHARITY: (
        "We pay your fee to the charity you chose instead of to you. You are not paid it."
    ),
    PayRoute.NO_PAYMENT: (
        "You chose not to be paid. Your time is recorded and recognised just the same, "
        "and your expenses are still paid back."
    ),
}

# The same, in easy read (sentences of 15 words at most, no passive verbs), for the
# easy-read offer and the audio spoken from it.
EASY_WORDS: dict[str, list[str]] = {
    PayRoute.BANK_TRANSFER: [
        "They pay money for your time into your bank account.",
        "They do not take any tax off.",
        "You may need to tell HMRC about this money.",
        "If you get benefits, tell the Jobcentre too.",
    ],
    PayRoute.PAYROLL: [
        "They pay you through their payroll, like their staff.",
        "They take off tax and National Insurance before they pay you.",
        "They give you a payslip.",
    ],
    PayRoute.INVOICE: [
        "You send them a bill for your work, called an invoice.",
        "Then they pay you. They do not take any tax off.",
        "You tell HMRC if you earn over £1,000 in a tax year.",
    ],
    PayRoute.VOUCHERS: [
        "They give you vouchers, not money.",
        "Vouchers can still count as money you earn, for tax and benefits.",
    ],
    PayRoute.CHARITY: [
        "They give the money for your time to the charity you chose.",
        "You do not get this money yourself.",
    ],
    PayRoute.NO_PAYMENT: [
        "You chose not to take money for your time.",
        "They still count and thank you for your time.",
        "They still pay back your expenses.",
    ],
}


def route_choice_on(person: Person, organisation_id: int, day: date) -> PayRouteChoice | None:
    return (
        PayRouteChoice.objects.filter(
            person=person, organisation_id=organisation_id, applies_from__lte=day
        )
        .order_by("-applies_from", "-created_at", "-id")
        .first()
    )


def route_on(person: Person, organisation_id: int, day: date) -> str:
    """The route the person chose that applies on ``day``; a fee by bank transfer if none."""
    choice = route_choice_on(person, organisation_id, day)
    return choice.route if choice is not None else PayRoute.BANK_TRANSFER


def decision_for(
    person: Person, organisation_id: int, commitment: str, day: date
) -> EmploymentStatusDecision | None:
    return (
        EmploymentStatusDecision.objects.filter(
            person=person,
            organisation_id=organisation_id,
            commitment=commitment,
            decided_on__lte=day,
        )
        .order_by("-decided_on", "-created_at", "-id")
        .first()
    )


def open_routes(decision: EmploymentStatusDecision | None) -> tuple[str, ...]:
    outcome = decision.outcome if decision is not None else StatusOutcome.INVOLVEMENT
    return OPEN_ROUTES[outcome]


def routes_open_to(person: Person, organisation_id: int, day: date) -> set[str]:
    """The routes open to the person under any of the organisation's newest decisions
    for each kind of work (the involvement routes where none is decided)."""
    newest: dict[str, EmploymentStatusDecision] = {}
    for decision in EmploymentStatusDecision.objects.filter(
        person=person, organisation_id=organisation_id, decided_on__lte=day
    ).order_by("decided_on", "created_at", "id"):
        newest[decision.commitment] = decision
    if not newest:
        return set(open_routes(None))
    return {route for decision in newest.values() for route in open_routes(decision)}


def _route_given(chosen: str, decision: EmploymentStatusDecision | None) -> str:
    """The person's chosen route, if the decision for the work opens it; otherwise the
    route the decision expects."""
    if chosen in open_routes(decision):
        return chosen
    outcome = decision.outcome if decision is not None else StatusOutcome.INVOLVEMENT
    return EXPECTED[outcome]


def route_for_work(person: Person, offer: Offer, day: date) -> str:
    """The route a claim for the offer's work goes by on ``day``."""
    chosen = route_on(person, offer.organisation_id, day)
    decision = decision_for(person, offer.organisation_id, offer.opportunity.commitment, day)
    return _route_given(chosen, decision)


def _words(route: str) -> dict[str, Any]:
    return {
        "route": route,
        "label": PayRoute(route).label,
        "words": WORDS[route],
        "easy_read": EASY_WORDS[route],
    }


def offer_pay_routes(
    readings: Sequence[tuple[Offer, dict[str, Any]]],
) -> list[dict[str, Any] | None]:
    """For each offer of paid work, how the person would be paid for its work today and
    what that means for them in plain words: the one source of these words on the
    person's offer page, in the offer's API and in every rendering of the offer
    (``offers.content`` adds them for the reader). None for voluntary work. Read for a
    list of offers at once, in three queries however many there are."""
    day = timezone.localdate()
    people = {offer.person_id for offer, _ in readings}
    organisations = {offer.organisation_id for offer, _ in readings}
    commitments = dict(
        Opportunity.objects.filter(
            pk__in={offer.opportunity_id for offer, _ in readings}
        ).values_list("pk", "commitment")
    )
    # The newest of each, as route_on and decision_for find them: the last in this order.
    chosen: dict[tuple[int, int], str] = {}
    for choice in PayRouteChoice.objects.filter(
        person_id__in=people, organisation_id__in=organisations, applies_from__lte=day
    ).order_by("applies_from", "created_at", "id"):
        chosen[(choice.person_id, choice.organisation_id)] = choice.route
    decisions: dict[tuple[int, int, str], EmploymentStatusDecision] = {}
    for decision in EmploymentStatusDecision.objects.filter(
        person_id__in=people, organisation_id__in=organisations, decided_on__lte=day
    ).order_by("decided_on", "created_at", "id"):
        decisions[(decision.person_id, decision.organisation_id, decision.commitment)] = decision
    found: list[dict[str, Any] | None] = []
    for offer, content in readings:
        basis = (content.get("reward") or {}).get("basis")
        if basis in (None, "", RewardBasis.VOLUNTARY):
            found.append(None)
            continue
        whose = (offer.person_id, offer.organisation_id)
        decided = decisions.get((*whose, commitments[offer.opportunity_id]))
        route = _route_given(chosen.get(whose, PayRoute.BANK_TRANSFER), decided)
        found.append(_words(route))
    return found


def offer_pay_route(offer: Offer, content: dict[str, Any]) -> dict[str, Any] | None:
    """How the person would be paid for this offer's work today (``offer_pay_routes``)."""
    return offer_pay_routes([(offer, content)])[0]
