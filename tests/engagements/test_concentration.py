"""The concentration figure: the share of the last 12 months' paid hours held by the
busiest 10% of an organisation's experts by experience."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from powerwith.engagements.queries import Concentration, paid_hours_concentration
from powerwith.people.services import update_person
from tests.opportunities.factories import opportunity, person, worked

pytestmark = pytest.mark.django_db

NOW = datetime(2027, 3, 1, 12, tzinfo=UTC)


def test_with_no_paid_work_there_is_nothing_to_show(riverside, riverside_coordinator):
    person(riverside_coordinator, "Ada")
    found = paid_hours_concentration(riverside.pk, NOW)
    assert found.share is None
    assert found.total_minutes == 0
    assert found.sentence == (
        "No paid work has been recorded in the last 12 months, so there is no "
        "concentration to show yet."
    )


def test_the_busiest_tenth_of_the_register_and_their_share(riverside, riverside_coordinator):
    by = riverside_coordinator
    panel = opportunity(by, title="Panel")
    people = [person(by, f"Person {n}") for n in range(20)]
    # Twenty experts: the busiest 10% are two people, with 10 h and 6 h of 20 h in all.
    for who, minutes in zip(people, [600, 360, 120, 120, 60, 60, 60, 60, 60, 60], strict=False):
        worked(who, panel, minutes, now=NOW)
    found = paid_hours_concentration(riverside.pk, NOW)
    assert (found.experts_count, found.busiest_count) == (20, 2)
    assert found.total_minutes == 1560
    assert found.busiest_minutes == 960
    assert found.share == pytest.approx(960 / 1560)
    assert found.sentence == (
        "In the last 12 months the busiest 10% of the 20 experts by experience working with "
        "you (2 people) did 62% of the 26 hours of paid work; if it were shared out evenly "
        "they would have done 10%."
    )


def test_a_persons_hours_across_sessions_add_up(riverside, riverside_coordinator):
    by = riverside_coordinator
    panel = opportunity(by, title="Panel")
    people = [person(by, f"Person {n}") for n in range(10)]
    for days_ago in (10, 20, 30):
        worked(people[0], panel, 60, days_ago=days_ago, now=NOW)
    worked(people[1], panel, 120, now=NOW)
    found = paid_hours_concentration(riverside.pk, NOW)
    assert found.busiest_count == 1
    assert (found.busiest_minutes, found.total_minutes) == (180, 300)


def test_only_recent_paid_attended_work_here_counts(
    riverside, riverside_coordinator, hillview_coordinator
):
    by = riverside_coordinator
    ada = person(by, "Ada")
    worked(ada, opportunity(by, title="Paid"), 60, now=NOW)
    worked(ada, opportunity(by, title="Voluntary", reward_basis="voluntary"), 600, now=NOW)
    worked(ada, opportunity(by, title="Old"), 600, days_ago=366, now=NOW)
    worked(ada, opportunity(by, title="Absent"), 600, attended=False, now=NOW)
    worked(ada, opportunity(by, title="Future"), 600, days_ago=-1, now=NOW)
    other = person(hillview_coordinator, "Hillview person")
    worked(other, opportunity(hillview_coordinator, title="Hillview"), 600, now=NOW)
    assert paid_hours_concentration(riverside.pk, NOW).total_minutes == 60


def test_people_who_left_still_count_when_they_had_paid_work(riverside, riverside_coordinator):
    by = riverside_coordinator
    worker = person(by, "Worker")
    idle_and_left = person(by, "Left")
    person(by, "Active")
    worked(worker, opportunity(by, title="Panel"), 60, now=NOW)
    for who in (worker, idle_and_left):
        update_person(who, user=by.user, membership=by, changes={"status": "left"})
    assert paid_hours_concentration(riverside.pk, NOW).experts_count == 2


def test_the_even_share_is_what_the_busiest_would_hold_with_equal_hours():
    five = Concentration(experts_count=5, busiest_count=1, total_minutes=60, busiest_minutes=60)
    assert five.even_share == 0.2
    assert "(1 person) did 100% of the 1 hour of paid work" in five.sentence
    assert five.sentence.endswith("they would have done 20%.")
