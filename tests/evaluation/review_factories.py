"""Things that come up for review, made through the services: a consent given on a chosen
day, a Wellness Action Plan with a review date, an opportunity with a review date."""

from __future__ import annotations

import datetime as dt
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import time_machine

from powerwith.accounts.models import Membership, Organisation
from powerwith.consent import services as consent
from powerwith.opportunities.models import Opportunity
from powerwith.people.models import Person, WellnessActionPlan
from powerwith.people.services.wellness import choose_readers, save_plan
from tests.engagements.factories import expert_membership
from tests.offers.factories import complete_opportunity

LONDON = ZoneInfo("Europe/London")
# A Wednesday at noon, well away from the clocks changing.
NOW = datetime(2027, 3, 10, 12, 0, tzinfo=LONDON)
TODAY = NOW.date()


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
