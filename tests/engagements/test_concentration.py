"""The concentration of work: the share of the last 12 months' paid hours held by the
busiest 10% of the experts by experience working with the organisation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from powerwith.engagements.concentration import (
    busiest_of,
    concentration_of,
    paid_hours_concentration,
    recent_paid_work,
)
from powerwith.people.services import update_person
from tests.opportunities.factories import opportunity, person, worked

pytestmark = pytest.mark.django_db

NOW = datetime(2027, 3, 1, 12, tzinfo=UTC)


def test_with_no_paid_work_there_is_nothing_to_show(riverside, riverside_coordinator):
    person(riverside_coordinator, "Ada")
    found = recent_paid_work(riverside.pk, NOW)
    assert found.concentration.share is None
    assert found.concentration.total == 0
    assert found.sentence == (
        "In the last 12 months (April 2026 to March 2027) no paid work was recorded, so "
        "there is no concentration to show yet."
    )


def test_the_busiest_tenth_of_the_register_and_their_share(riverside, riverside_coordinator):
    by = riverside_coordinator
    panel = opportunity(by, title="Panel")
    people = [person(by, f"Person {n}") for n in range(20)]
    # Twenty experts: the busiest 10% are two people, with 10 h and 6 h of 26 h in all.
    for who, minutes in zip(people, [600, 360, 120, 120, 60, 60, 60, 60, 60, 60], strict=False):
        worked(who, panel, minutes, now=NOW)
    found = paid_hours_concentration(riverside.pk, NOW)
    assert (found.experts, found.busiest_people, found.people) == (20, 2, 10)
    assert found.total == 1560
    assert found.busiest_total == 960
    assert found.share == pytest.approx(960 / 1560)
    # 600 + 360 = 960 is more than half of 1560.
    assert found.people_for_most == 2
    assert recent_paid_work(riverside.pk, NOW).sentence == (
        "In the last 12 months (April 2026 to March 2027) the busiest 10% of the 20 experts "
        "by experience working with you (2 people) did 61.5% of the 26 hours of paid work; "
        "if it were shared out evenly they would have done 10%. 10 people did any paid "
        "work; 2 of them did more than half of it between them."
    )


def test_a_persons_hours_across_sessions_add_up(riverside, riverside_coordinator):
    by = riverside_coordinator
    panel = opportunity(by, title="Panel")
    people = [person(by, f"Person {n}") for n in range(10)]
    for days_ago in (10, 20, 30):
        worked(people[0], panel, 60, days_ago=days_ago, now=NOW)
    worked(people[1], panel, 120, now=NOW)
    found = paid_hours_concentration(riverside.pk, NOW)
    assert found.busiest_people == 1
    assert (found.busiest_total, found.total) == (180, 300)


def test_only_paid_attended_work_here_in_the_last_twelve_calendar_months_counts(
    riverside, riverside_coordinator, hillview_coordinator
):
    by = riverside_coordinator
    ada = person(by, "Ada")
    worked(ada, opportunity(by, title="Paid"), 60, now=NOW)
    worked(ada, opportunity(by, title="Voluntary", reward_basis="voluntary"), 600, now=NOW)
    # 1 April 2026 is the first day counted; 31 March 2026 is in the thirteenth month.
    worked(ada, opportunity(by, title="First day"), 30, days_ago=334, now=NOW)
    worked(ada, opportunity(by, title="Old"), 600, days_ago=336, now=NOW)
    worked(ada, opportunity(by, title="Absent"), 600, attended=False, now=NOW)
    worked(ada, opportunity(by, title="Future"), 600, days_ago=-1, now=NOW)
    other = person(hillview_coordinator, "Hillview person")
    worked(other, opportunity(hillview_coordinator, title="Hillview"), 600, now=NOW)
    assert paid_hours_concentration(riverside.pk, NOW).total == 90


def test_people_who_left_still_count_when_they_had_paid_work(riverside, riverside_coordinator):
    by = riverside_coordinator
    worker = person(by, "Worker")
    idle_and_left = person(by, "Left")
    person(by, "Active")
    worked(worker, opportunity(by, title="Panel"), 60, now=NOW)
    for who in (worker, idle_and_left):
        update_person(who, user=by.user, membership=by, changes={"status": "left"})
    assert paid_hours_concentration(riverside.pk, NOW).experts == 2


def test_the_even_share_is_what_the_busiest_would_hold_with_equal_hours():
    five = concentration_of({1: 60}, experts=5)
    assert five.even_share == 0.2
    assert (five.busiest_people, five.busiest_total, five.people_for_most) == (1, 60, 1)


def test_the_busiest_are_the_ones_counted_ties_by_person():
    amounts = {7: 60, 3: 60, 9: 120, 4: 0}
    assert busiest_of(amounts, experts=20) == {9, 3}
    assert concentration_of(amounts, experts=20).busiest_total == 180
    # Never fewer experts than the people who did some of the work.
    assert concentration_of(amounts, experts=0).experts == 3
