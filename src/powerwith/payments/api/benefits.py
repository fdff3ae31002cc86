"""The person's own benefit rules over the API: which apply (``/me/benefits``, the same
service as the page) and what they say about one of their offers
(``/me/earnings-check``, the same check and words as the offer page).

Both are the person's own: a staff token is refused, and an offer of another
organisation than the token's, or another person's, is a 404.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import Http404
from ninja import P, Router, Schema
from ninja.params import QueryEx

from powerwith.core.errors import NotAllowed
from powerwith.core.http import Request, membership_of
from powerwith.offers.queries import get_own_offer, latest_version
from powerwith.payments.benefits import BenefitsCheck, check_offer
from powerwith.people.models import Person
from powerwith.people.queries import get_person_for, person_id_for
from powerwith.people.queries.wellness import benefits_situation_of
from powerwith.people.services.benefits import choose_benefit

router = Router(tags=["payments"])

# Larger ids are refused before any query: no row has one.
ID_MAX = 2**63 - 1


class BenefitsOut(Schema):
    # "" when the person would rather not say: then nothing else is kept.
    benefit: str
    shared: bool
    chosen_at: dt.datetime | None


class BenefitsIn(Schema):
    benefit: Literal["", "not_on_benefits", "esa", "universal_credit", "other"]
    shared: bool = False


class PermittedWorkWeekOut(Schema):
    week: dt.date
    hours: str
    pay: str
    hours_under: int
    weekly_limit: str
    limit_from: dt.date
    too_many_hours: bool
    too_much_pay: bool
    typical: bool


class UniversalCreditMonthOut(Schema):
    month: dt.date
    pay: str
    higher_work_allowance: str
    lower_work_allowance: str
    taper: str
    allowance_from: dt.date
    above_lower: bool
    above_higher: bool
    typical: bool


class EarningsCheckOut(Schema):
    offer_id: int
    benefit: str
    # Whether the offer page shows anything (paid work, unless not on benefits).
    shown: bool
    warns: bool
    sentences: list[str]
    permitted_work_weeks: list[PermittedWorkWeekOut]
    universal_credit_months: list[UniversalCreditMonthOut]


def _own_person(request: Request) -> Person:
    membership = membership_of(request)
    own = person_id_for(membership)
    if own is None:
        raise NotAllowed("Which benefit rules apply is the person's own to say.")
    return get_person_for(membership, own)


def _benefits_out(person: Person) -> dict[str, Any]:
    situation = benefits_situation_of(person)
    if situation is None:
        return {"benefit": "", "shared": False, "chosen_at": None}
    return {
        "benefit": str(situation.benefit),
        "shared": situation.shared,
        "chosen_at": situation.chosen_at,
    }


@router.get("/me/benefits", response=BenefitsOut)
def my_benefits(request: Request) -> dict[str, Any]:
    return _benefits_out(_own_person(request))


@router.put("/me/benefits", response=BenefitsOut)
def set_my_benefits(request: Request, body: BenefitsIn) -> dict[str, Any]:
    """``benefit: ""`` is I'd rather not say: it deletes what the person said before."""
    person = _own_person(request)
    user = membership_of(request).user
    choose_benefit(person, user=user, benefit=body.benefit, shared=body.shared)
    return _benefits_out(person)


def _check_out(offer_id: int, found: BenefitsCheck) -> dict[str, Any]:
    return {
        "offer_id": offer_id,
        "benefit": found.benefit,
        "shown": found.shown,
        "warns": found.warns,
        "sentences": found.sentences,
        "permitted_work_weeks": [
            {
                "week": week.week,
                "hours": str(week.hours),
                "pay": f"{week.pay:.2f}",
                "hours_under": week.rule.hours_under,
                "weekly_limit": f"{week.rule.weekly_limit:.2f}",
                "limit_from": week.rule.valid_from,
                "too_many_hours": week.too_many_hours,
                "too_much_pay": week.too_much_pay,
                "typical": week.typical,
            }
            for week in found.weeks
        ],
        "universal_credit_months": [
            {
                "month": month.month,
                "pay": f"{month.pay:.2f}",
                "higher_work_allowance": f"{month.rule.higher:.2f}",
                "lower_work_allowance": f"{month.rule.lower:.2f}",
                "taper": f"{month.rule.taper:.2f}",
                "allowance_from": month.rule.valid_from,
                "above_lower": month.above_lower,
                "above_higher": month.above_higher,
                "typical": month.typical,
            }
            for month in found.months
        ],
    }


@router.get("/me/earnings-check", response=EarningsCheckOut)
def earnings_check(request: Request, offer_id: QueryEx[int, P(ge=1, le=ID_MAX)]) -> dict[str, Any]:
    """What the benefit rules the person said apply to them say about one of their own
    offers, as its latest version stands: the same words as the offer page."""
    membership = membership_of(request)
    person = _own_person(request)
    offer = get_own_offer(membership.user, offer_id)
    version = latest_version(offer)
    if offer.organisation_id != membership.organisation_id or version is None:
        raise Http404("No such offer.")
    found = check_offer(
        person,
        offer_id=offer.pk,
        opportunity_id=offer.opportunity_id,
        content=dict(version.content),
    )
    return _check_out(offer.pk, found)
