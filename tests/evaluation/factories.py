"""Data for the evaluation tests: a person whose part in the work is finished (booked
through the services, attended, and the opportunity marked completed); readiness
self-assessments made through the real service; and things that come up for review —
a consent given on a chosen day, a Wellness Action Plan with a review date, an
opportunity with a review date."""

from __future__ import annotations

import datetime as dt
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django.utils import timezone

from powerwith.accounts.models import Membership, Organisation
from powerwith.consent import services as consent
from powerwith.evaluation.models.readiness import ReadinessAssessment
from powerwith.evaluation.readiness import BARRIER, FACTORS, NOT_A_BARRIER, PARTLY_IN_PLACE
from powerwith.evaluation.services.readiness import complete_assessment
from powerwith.offers.models import Offer
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person, WellnessActionPlan
from powerwith.people.services.wellness import choose_readers, save_plan
from tests.engagements.factories import expert_membership
from tests.offers.factories import complete_opportunity
from tests.reports.factories import attending

LONDON = ZoneInfo("Europe/London")
# A Wednesday at noon, well away from the clocks changing.
NOW = datetime(2027, 3, 10, 12, 0, tzinfo=LONDON)
TODAY = NOW.date()


def finished(by: Membership, person: Person, **terms: Any) -> Offer:
    attendance = attending(by, person, **terms)
    opportunity = attendance.session.opportunity
    opportunity.status = "completed"
    opportunity.save()
    return Offer.objects.get(opportunity=opportunity, person=person)


ALL_AGREE = {
    "respected": "5",
    "safe": "4",
    "valued": "5",
    "listened_to": "4",
    "influence": "3",
    "pay": "5",
    "communication": "4",
    "work_again": "5",
}


def middling() -> dict[str, str]:
    """No big barriers and every enabler and grow factor partly in place."""
    return {f.code: NOT_A_BARRIER if f.group == BARRIER else PARTLY_IN_PLACE for f in FACTORS}


def in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def assessment(by: Membership, review_in_days: int = 180, **ratings: Any) -> ReadinessAssessment:
    """``ratings`` override the middling answers, by factor code with dots as ``__``."""
    chosen = middling()
    chosen.update({code.replace("__", "."): value for code, value in ratings.items()})
    return complete_assessment(by=by, ratings=chosen, review_date=in_days(review_in_days))


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def consent_given(
    person: Person, organisation: Organisation, scope: str, on: datetime
) -> Membership:
    """The person gives a consent themself, on the day ``on``."""
    actor = expert_membership(person, organisation.pk)
    with time_machine.travel(on, tick=False):
        consent.grant_consent(person=person, scope=scope, actor=actor)
    return actor


def plan_with_review(person: Person, review: dt.date, *readers: Membership) -> WellnessActionPlan:
    assert person.user is not None
    with time_machine.travel(NOW, tick=False):
        plan = save_plan(
            person,
            user=person.user,
            sections={"keeps_me_well": "A walk at lunchtime."},
            review_date=review,
        )
    if readers:
        choose_readers(person, user=person.user, reader_ids=[m.user_id for m in readers])
    return plan


def opportunity_for_review(
    by: Membership, title: str, review: dt.date, **terms: Any
) -> Opportunity:
    return complete_opportunity(by, title=title, review_date=review, **terms)
