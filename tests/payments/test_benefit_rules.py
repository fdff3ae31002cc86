"""The benefit rules an offer is checked against: ESA permitted work (under 16 hours a
week and a dated weekly limit), Universal Credit (no hours limit; a dated monthly work
allowance and the 55% taper), and no warning for someone not on benefits. Each rule at
its edges and across the dates its figures change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from powerwith.payments import benefits
from powerwith.payments.benefits import (
    PERMITTED_WORK,
    WORK_ALLOWANCES,
    BenefitsCheck,
    PermittedWork,
    WorkAllowance,
    check,
    permitted_work_weeks,
    universal_credit_months,
)
from powerwith.payments.earnings import Work


def permitted_work_for_week(
    week: dt.date, rules: tuple[PermittedWork, ...] = PERMITTED_WORK
) -> PermittedWork:
    found = benefits.permitted_work_for_week(week, rules)
    assert found is not None
    return found


def work_allowance_for_month(month: dt.date) -> WorkAllowance:
    found = benefits.work_allowance_for_month(month)
    assert found is not None
    return found


LONDON = ZoneInfo("Europe/London")
MONDAY = dt.date(2027, 1, 11)
# The permitted-work limit and the work allowances both changed on Monday 7 April 2025.
CHANGE = dt.date(2025, 4, 7)
PAID = {"reward": {"basis": "hourly", "amount": "25.00"}, "sessions": [{}]}


def work(
    day: dt.date,
    *,
    minutes: int = 60,
    basis: str = "hourly",
    amount: str | None = "25.00",
    source: str = "offer",
) -> Work:
    return Work(
        source=source,
        starts_at=dt.datetime(day.year, day.month, day.day, 10, tzinfo=LONDON),
        minutes=minutes,
        basis=basis,
        amount=Decimal(amount) if amount is not None else None,
    )


def esa(
    *items: Work, others: tuple[Work, ...] = (), content: dict[str, Any] | None = None
) -> BenefitsCheck:
    return check("esa", content or PAID, list(items), list(others), MONDAY)


def uc(
    *items: Work, others: tuple[Work, ...] = (), content: dict[str, Any] | None = None
) -> BenefitsCheck:
    return check("universal_credit", content or PAID, list(items), list(others), MONDAY)


# ESA permitted work: hours


def test_esa_work_just_under_sixteen_hours_a_week_is_within_permitted_work():
    (week,) = esa(work(MONDAY, minutes=16 * 60 - 1, amount="0.10")).weeks
    assert not week.too_many_hours
    assert not week.over


def test_esa_work_of_exactly_sixteen_hours_a_week_is_not_under_sixteen_hours():
    found = esa(work(MONDAY, minutes=16 * 60, amount="0.10"))
    (week,) = found.weeks_over
    assert week.too_many_hours
    assert not week.too_much_pay
    assert found.warns
    assert "The week of 11 January 2027: 16 hours of paid work, which is not under 16 hours." in (
        found.sentences
    )


def test_esa_hours_of_other_agreed_paid_work_in_the_week_count():
    found = esa(
        work(MONDAY, minutes=10 * 60, amount="1.00"),
        others=(work(MONDAY + dt.timedelta(days=2), minutes=6 * 60, source="other"),),
    )
    assert [week.hours for week in found.weeks_over] == [Decimal(16)]


def test_esa_hours_of_voluntary_work_do_not_count_as_paid_work():
    found = esa(
        work(MONDAY, minutes=10 * 60, amount="1.00"),
        others=(work(MONDAY, minutes=8 * 60, basis="voluntary", amount=None, source="v"),),
    )
    assert not found.warns


# ESA permitted work: pay


def test_esa_pay_exactly_at_the_weekly_limit_is_within_it():
    # 1 hour at £195.50: the limit from 7 April 2025.
    assert not esa(work(MONDAY, amount="195.50")).warns


def test_esa_pay_a_penny_over_the_weekly_limit_is_over_it():
    found = esa(work(MONDAY, amount="195.51"))
    (week,) = found.weeks_over
    assert week.too_much_pay
    assert not week.too_many_hours
    assert "£195.51 of pay, which is more than £195.50" in " ".join(found.sentences)


def test_esa_says_both_when_hours_and_pay_are_over():
    found = esa(work(MONDAY, minutes=20 * 60, amount="25.00"))
    (line,) = [words for words in found.sentences if words.startswith("The week of")]
    assert line == (
        "The week of 11 January 2027: 20 hours of paid work, which is not under 16 hours "
        "and £500.00 of pay, which is more than £195.50."
    )


def test_esa_the_limit_is_picked_by_the_date_of_the_work_across_a_change():
    before = CHANGE - dt.timedelta(days=7)
    assert permitted_work_for_week(before).weekly_limit == Decimal("183.50")
    assert permitted_work_for_week(CHANGE).weekly_limit == Decimal("195.50")
    # £190 is over the old limit and within the new one.
    found = esa(work(before, amount="190.00"), work(CHANGE, amount="190.00"))
    assert [week.week for week in found.weeks_over] == [before]
    assert found.weeks_over[0].rule.weekly_limit == Decimal("183.50")


def test_esa_a_week_in_which_the_limit_changes_uses_the_lower_limit():
    rules = (
        PERMITTED_WORK[0],
        PermittedWork(MONDAY + dt.timedelta(days=3), Decimal("100.00")),
    )
    assert permitted_work_for_week(MONDAY, rules).weekly_limit == Decimal("100.00")
    assert permitted_work_weeks([work(MONDAY, amount="150.00")], [], rules)[0].too_much_pay


def test_esa_work_dated_before_the_first_figure_held_is_not_checked_against_a_later_one():
    found = esa(work(dt.date(2020, 1, 6), amount="500.00"))
    assert found.weeks == []
    assert not found.warns


def test_esa_hours_a_week_without_dated_sessions_are_checked_as_a_typical_week():
    content = {"sessions": [], "hours_per_week": "16", "reward": PAID["reward"]}
    found = esa(content=content)
    (week,) = found.weeks_over
    assert week.typical
    assert week.too_many_hours
    assert week.too_much_pay
    assert any(words.startswith("A week of this work: 16 hours") for words in found.sentences)


# Universal Credit


def test_uc_has_no_hours_limit():
    found = uc(work(MONDAY, minutes=40 * 60, amount="0.25"))  # £10 for 40 hours
    assert not found.warns
    assert found.sentences[0] == "Universal Credit has no limit on the hours you work."


def test_uc_a_month_exactly_at_the_lower_work_allowance_is_not_above_it():
    (month,) = uc(work(MONDAY, amount="411.00")).months
    assert not month.above_lower


def test_uc_a_month_a_penny_above_the_lower_work_allowance_is_above_it():
    found = uc(work(MONDAY, amount="411.01"))
    (month,) = found.months
    assert month.above_lower
    assert not month.above_higher
    assert found.warns


def test_uc_a_month_above_the_higher_work_allowance():
    (month,) = uc(work(MONDAY, amount="684.01")).months
    assert month.above_higher


def test_uc_counts_the_calendar_month_of_the_work_with_other_agreed_work():
    found = uc(
        work(MONDAY, amount="300.00"),
        others=(
            work(dt.date(2027, 1, 29), amount="200.00", source="other"),
            work(dt.date(2027, 2, 1), amount="900.00", source="other"),
        ),
    )
    assert [(m.month, m.pay) for m in found.months] == [(dt.date(2027, 1, 1), Decimal("500.00"))]


def test_uc_words_give_the_months_pay_the_allowances_and_the_taper():
    found = uc(work(MONDAY, amount="500.00"))
    assert found.sentences == [
        "Universal Credit has no limit on the hours you work.",
        "In January 2027, your paid work would come to £500.00, this offer included.",
        "If your Universal Credit includes a work allowance, earnings above it reduce your "
        "Universal Credit by 55p for each £1. The work allowance from 7 April 2025 is £684.00 "
        "a month, or £411.00 a month if your Universal Credit helps with housing costs. Some "
        "people have no work allowance.",
        "Universal Credit counts your pay after tax and National Insurance, over your own "
        "monthly assessment period, so a benefits adviser can tell you what it means for you.",
    ]


def test_uc_the_work_allowance_is_picked_by_the_date_of_the_work_across_a_change():
    assert work_allowance_for_month(dt.date(2025, 3, 1)).lower == Decimal("404.00")
    assert work_allowance_for_month(dt.date(2025, 5, 1)).lower == Decimal("411.00")
    # April 2025 has both: the lower figures count for the whole month.
    assert work_allowance_for_month(dt.date(2025, 4, 1)).lower == Decimal("404.00")
    months = universal_credit_months(
        [work(dt.date(2025, 3, 10), amount="408.00"), work(dt.date(2025, 5, 12), amount="408.00")],
        [],
    )
    assert [m.above_lower for m in months] == [True, False]


def test_uc_the_taper_is_fifty_five_pence_in_the_pound():
    assert {rule.pence_in_the_pound for rule in WORK_ALLOWANCES} == {55}


def test_uc_hours_a_week_are_checked_as_a_typical_month():
    content = {"sessions": [], "hours_per_week": "6", "reward": PAID["reward"]}
    (month,) = uc(content=content).months
    # £150 a week × 52 ÷ 12
    assert (month.pay, month.typical) == (Decimal("650.00"), True)


# Not on benefits, rather not say, other, unpaid work


def test_not_on_benefits_never_warns_and_says_nothing():
    found = check("not_on_benefits", PAID, [work(MONDAY, minutes=40 * 60)], [], MONDAY)
    assert not found.shown
    assert found.sentences == []


@pytest.mark.parametrize("benefit", ["", "other"])
def test_rather_not_say_and_not_sure_get_general_words_and_no_figures(benefit):
    found = check(benefit, PAID, [work(MONDAY, minutes=40 * 60)], [], MONDAY)
    assert found.shown
    assert not found.warns
    assert found.weeks == []
    assert found.months == []
    (words,) = found.sentences
    assert "A benefits adviser can tell you" in words


@pytest.mark.parametrize("benefit", ["", "esa", "universal_credit", "other"])
def test_voluntary_work_is_never_checked(benefit):
    content = {"reward": {"basis": "voluntary", "amount": None}, "sessions": [{}]}
    found = check(benefit, content, [work(MONDAY, basis="voluntary", amount=None)], [], MONDAY)
    assert not found.shown


@pytest.mark.parametrize("benefit", ["", "esa", "universal_credit", "other"])
def test_no_words_ever_say_what_will_happen_to_someones_benefits(benefit):
    big = [work(MONDAY, minutes=30 * 60, amount="90.00")]
    words = " ".join(check(benefit, PAID, big, [], MONDAY).sentences).lower()
    for speculation in ("you will lose", "will stop", "will end", "you will be", "lose your"):
        assert speculation not in words


def test_uc_a_salary_counts_a_twelfth_a_month_however_many_sessions():
    sessions = [
        work(MONDAY + dt.timedelta(days=7 * n), basis="salaried", amount="12000") for n in range(3)
    ]
    (month,) = uc(*sessions).months
    assert month.pay == Decimal("1000.00")
