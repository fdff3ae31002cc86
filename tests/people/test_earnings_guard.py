"""The benefits-aware guard: weekly earnings worked out from an offer's sessions, with
the work already agreed, against the person's own dated limits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from powerwith.accounts.models import AuditEvent
from powerwith.payments.earnings import (
    Limit,
    Work,
    breaches,
    limit_for_week,
    typical_week,
    weekly_earnings,
)
from powerwith.people.models import EarningsLimit, Person
from powerwith.people.services.benefits import add_earnings_limit
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import accepted_offer, booked
from tests.offers.factories import sent_offer
from tests.people.steps import signed_in

WARNING = "over the weekly earnings limit you recorded"
LONDON = ZoneInfo("Europe/London")
MONDAY = dt.date(2027, 1, 11)


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)


def work(
    source: str, day: dt.date, *, basis: str, amount: str | None, minutes: int = 180, hour: int = 10
) -> Work:
    return Work(
        source=source,
        starts_at=at(day, hour),
        minutes=minutes,
        basis=basis,
        amount=Decimal(amount) if amount is not None else None,
    )


def limits(*pairs: tuple[str, dt.date]) -> list[Limit]:
    return [Limit(weekly_amount=Decimal(amount), valid_from=day) for amount, day in pairs]


def test_hourly_work_earns_minutes_times_the_hourly_rate():
    weeks = weekly_earnings([work("a", MONDAY, basis="hourly", amount="25.00", minutes=90)])
    assert weeks == {MONDAY: {"a": Decimal("37.5")}}


def test_per_session_work_earns_the_amount_for_each_session():
    sessions = [
        work("a", MONDAY, basis="per_session", amount="40.00"),
        work("a", MONDAY, basis="per_session", amount="40.00", hour=15),
    ]
    assert weekly_earnings(sessions)[MONDAY]["a"] == Decimal("80.00")


def test_daily_work_earns_one_days_pay_however_many_sessions_that_day():
    sessions = [
        work("a", MONDAY, basis="daily", amount="120.00"),
        work("a", MONDAY, basis="daily", amount="120.00", hour=14),
        work("a", MONDAY + dt.timedelta(days=1), basis="daily", amount="120.00"),
    ]
    assert weekly_earnings(sessions)[MONDAY]["a"] == Decimal("240.00")


def test_voluntary_work_earns_nothing_and_never_warns():
    offer = [work("a", MONDAY, basis="voluntary", amount=None, minutes=600)]
    assert weekly_earnings(offer) == {}
    assert breaches(offer, [], limits(("10.00", MONDAY))) == []


def test_no_recorded_limit_means_no_warning():
    offer = [work("a", MONDAY, basis="hourly", amount="500.00")]
    assert breaches(offer, [], []) == []


def test_an_offer_within_the_limit_is_not_flagged():
    offer = [work("a", MONDAY, basis="hourly", amount="25.00")]  # £75
    assert breaches(offer, [], limits(("75.00", MONDAY))) == []


def test_other_agreed_work_in_the_same_week_counts_towards_the_limit():
    offer = [work("a", MONDAY, basis="hourly", amount="25.00")]  # £75
    other = [work("b", MONDAY + dt.timedelta(days=3), basis="per_session", amount="60.00")]
    (week,) = breaches(offer, other, limits(("100.00", MONDAY)))
    assert week.week == MONDAY
    assert week.total == Decimal("135.00")
    assert week.from_offer == Decimal("75.00")
    assert week.over_by == Decimal("35.00")


def test_a_week_over_the_limit_only_from_other_work_is_not_blamed_on_the_offer():
    offer = [work("a", MONDAY, basis="hourly", amount="10.00")]
    other = [work("b", MONDAY + dt.timedelta(days=7), basis="per_session", amount="500.00")]
    assert breaches(offer, other, limits(("100.00", MONDAY))) == []


def test_each_week_is_checked_against_the_limit_in_force_that_week():
    older = MONDAY - dt.timedelta(days=30)
    later = MONDAY + dt.timedelta(days=7)
    rules = limits(("200.00", older), ("50.00", later))
    offer = [
        work("a", MONDAY, basis="per_session", amount="100.00"),
        work("a", later, basis="per_session", amount="100.00"),
    ]
    found = breaches(offer, [], rules)
    assert [week.week for week in found] == [later]
    assert found[0].limit == Decimal("50.00")


def test_a_week_in_which_the_limit_changes_uses_the_lower_limit():
    wednesday = MONDAY + dt.timedelta(days=2)
    rules = limits(("200.00", MONDAY - dt.timedelta(days=30)), ("50.00", wednesday))
    assert limit_for_week(rules, MONDAY) == Decimal("50.00")
    offer = [work("a", MONDAY, basis="per_session", amount="100.00")]
    assert [week.limit for week in breaches(offer, [], rules)] == [Decimal("50.00")]


def test_a_limit_starting_later_in_the_week_still_applies_to_that_week():
    friday = MONDAY + dt.timedelta(days=4)
    assert limit_for_week(limits(("80.00", friday)), MONDAY) == Decimal("80.00")
    assert limit_for_week(limits(("80.00", friday)), MONDAY - dt.timedelta(days=7)) is None


@pytest.mark.parametrize(
    ("day", "hour", "week"),
    [
        (MONDAY + dt.timedelta(days=6), 23, MONDAY),  # Sunday late evening, London time
        (MONDAY + dt.timedelta(days=7), 0, MONDAY + dt.timedelta(days=7)),  # just after midnight
    ],
)
def test_weeks_run_monday_to_sunday_in_local_time(day, hour, week):
    item = work("a", day, basis="per_session", amount="10.00", hour=hour)
    assert item.week == week
    # The same moment in UTC still falls in the London week.
    utc = Work("a", item.starts_at.astimezone(dt.UTC), 60, "per_session", Decimal("10.00"))
    assert utc.week == week


def test_hours_a_week_without_dated_sessions_are_checked_as_a_typical_week():
    content = {
        "sessions": [],
        "hours_per_week": "8.0",
        "reward": {"basis": "hourly", "amount": "25.00"},
    }
    found = typical_week(content, limits(("150.00", MONDAY)), MONDAY)
    assert found is not None
    assert (found.total, found.limit, found.typical) == (Decimal("200.00"), Decimal("150.00"), True)
    assert typical_week(content, limits(("200.00", MONDAY)), MONDAY) is None


def test_a_lower_limit_from_a_later_date_counts_for_hours_a_week():
    content = {
        "sessions": [],
        "hours_per_week": "4",
        "reward": {"basis": "hourly", "amount": "25.00"},
    }
    later = MONDAY + dt.timedelta(days=60)
    found = typical_week(content, limits(("500.00", MONDAY), ("80.00", later)), MONDAY)
    assert found is not None
    assert found.limit == Decimal("80.00")


def test_a_salary_is_spread_over_fifty_two_weeks():
    weeks = weekly_earnings([work("a", MONDAY, basis="salaried", amount="5200.00")])
    assert weeks[MONDAY]["a"] == Decimal("100")


# The guard on the person's own pages. The factories' sessions are 3 hours, at £25 an
# hour (£75), 60 days ahead at 10am, so two offers' sessions fall on the same day.

PAST = dt.date(2020, 1, 1)


@pytest.fixture
def limit_of():
    def record(person: Person, amount: str, valid_from: dt.date = PAST) -> None:
        assert person.user is not None
        add_earnings_limit(
            person, user=person.user, weekly_amount=Decimal(amount), valid_from=valid_from
        )

    return record


@pytest.mark.django_db
def test_the_person_is_warned_before_accepting_an_offer_over_their_limit(
    client: Client, riverside_coordinator, expert_at_riverside, limit_of
):
    limit_of(expert_at_riverside, "50.00")
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    signed_in(client, expert_at_riverside)
    page = client.get(f"/my-offers/{offer.pk}/").content.decode()
    assert WARNING in page
    assert "£75.00 in all" in page
    assert "Your limit is £50.00" in page


@pytest.mark.django_db
def test_no_warning_within_the_limit(
    client: Client, riverside_coordinator, expert_at_riverside, limit_of
):
    limit_of(expert_at_riverside, "100.00")
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    signed_in(client, expert_at_riverside)
    assert WARNING not in client.get(f"/my-offers/{offer.pk}/").content.decode()


@pytest.mark.django_db
def test_work_already_accepted_in_the_same_week_counts(
    client: Client, riverside_coordinator, expert_at_riverside, limit_of
):
    limit_of(expert_at_riverside, "100.00")
    accepted_offer(riverside_coordinator, expert_at_riverside)
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    signed_in(client, expert_at_riverside)
    page = client.get(f"/my-offers/{offer.pk}/").content.decode()
    assert WARNING in page
    assert "£150.00 in all, £75.00 of it from this offer" in page


@pytest.mark.django_db
def test_sessions_booked_at_another_organisation_count(
    client: Client, riverside_coordinator, hillview_coordinator, expert_at_both, limit_of
):
    limit_of(expert_at_both, "100.00")
    booked(hillview_coordinator, expert_at_both)
    offer = sent_offer(riverside_coordinator, expert_at_both)
    signed_in(client, expert_at_both)
    assert WARNING in client.get(f"/my-offers/{offer.pk}/").content.decode()


@pytest.mark.django_db
def test_voluntary_work_never_warns(
    client: Client, riverside_coordinator, expert_at_riverside, limit_of
):
    limit_of(expert_at_riverside, "0.00")
    offer = sent_offer(
        riverside_coordinator, expert_at_riverside, reward_basis="voluntary", reward_amount=None
    )
    signed_in(client, expert_at_riverside)
    assert WARNING not in client.get(f"/my-offers/{offer.pk}/").content.decode()


@pytest.mark.django_db
def test_staff_never_see_the_warning_or_the_limit(
    client: Client, riverside_coordinator, expert_at_riverside, limit_of
):
    limit_of(expert_at_riverside, "50.00")
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    page = client.get(f"/offers/{offer.pk}/").content.decode()
    assert client.get(f"/offers/{offer.pk}/").status_code == 200
    assert WARNING not in page
    assert "50.00" not in page
    assert client.get(f"/my-offers/{offer.pk}/").status_code == 404
    answer = api_client_for(riverside_coordinator).get(f"/api/v1/offers/{offer.pk}")
    assert "limit" not in answer.content.decode()
    assert client.get("/my-earnings-limit/").status_code == 404


@pytest.mark.django_db
def test_the_person_records_limits_and_keeps_their_history(client: Client, expert_at_riverside):
    signed_in(client, expert_at_riverside)
    for amount, year in (("150.00", "2025"), ("195.50", "2026")):
        response = client.post(
            "/my-earnings-limit/",
            {
                "weekly_amount": amount,
                "valid_from_0": "6",
                "valid_from_1": "4",
                "valid_from_2": year,
                "note": "Permitted work",
            },
        )
        assert response.status_code == 302
    rows = EarningsLimit.objects.filter(person=expert_at_riverside).order_by("valid_from")
    assert [(str(r.weekly_amount), r.valid_from.year) for r in rows] == [
        ("150.00", 2025),
        ("195.50", 2026),
    ]
    page = client.get("/my-earnings-limit/").content.decode()
    assert "£150.00" in page
    assert "£195.50" in page
    assert "In force now" in page


@pytest.mark.parametrize(
    ("amount", "day", "message"),
    [
        ("-5", "6", "cannot be less than 0"),
        ("lots", "6", "Enter the weekly amount in pounds"),
        ("", "6", "Enter the weekly limit in pounds."),
        ("100", "", "must include a day"),
        ("100.555", "6", "pounds and pence"),
    ],
)
@pytest.mark.django_db
def test_a_bad_limit_is_refused_and_nothing_is_saved(
    client: Client, expert_at_riverside, amount, day, message
):
    signed_in(client, expert_at_riverside)
    response = client.post(
        "/my-earnings-limit/",
        {"weekly_amount": amount, "valid_from_0": day, "valid_from_1": "4", "valid_from_2": "2026"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message in page
    assert not EarningsLimit.objects.filter(person=expert_at_riverside).exists()


@pytest.mark.django_db
def test_a_limit_needs_its_date(client: Client, expert_at_riverside):
    signed_in(client, expert_at_riverside)
    response = client.post("/my-earnings-limit/", {"weekly_amount": "100"})
    assert "Enter the date this limit applies from." in response.content.decode()
    assert not EarningsLimit.objects.filter(person=expert_at_riverside).exists()


@pytest.mark.django_db
def test_the_audit_log_does_not_record_the_amount(expert_at_riverside, limit_of):
    limit_of(expert_at_riverside, "123.45")
    event = AuditEvent.objects.get(action="earnings_limit.added")
    assert "123.45" not in str(event.details)
