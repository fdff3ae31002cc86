"""The offer's paid work, with the work already agreed, counted against the rules in
force: the hours and pay of each week, the pay of each calendar month."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone

from powerwith.core.choices import RewardBasis
from powerwith.payments.benefits.found import BenefitsCheck, PermittedWorkWeek, UniversalCreditMonth
from powerwith.payments.benefits.rules import (
    PERMITTED_WORK,
    WORK_ALLOWANCES,
    PermittedWork,
    WorkAllowance,
    permitted_work_for_week,
    work_allowance_for_month,
)
from powerwith.payments.earnings import (
    WEEKS_IN_A_YEAR,
    Work,
    other_work,
    week_of,
    weekly_earnings,
    work_in,
)
from powerwith.people.choices import Benefit
from powerwith.people.models import Person
from powerwith.people.queries.wellness import benefits_situation_of

PENNY = Decimal("0.01")


MONTHS_IN_A_YEAR = 12


def _pounds(value: Decimal) -> Decimal:
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def _hours(minutes: int) -> Decimal:
    value = (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    # 20, not 20.00 or 2E+1; 15.98 stays as it is.
    return value.to_integral_value() if value == value.to_integral_value() else value.normalize()


def _paid(content: dict[str, Any]) -> bool:
    reward = content.get("reward") or {}
    return reward.get("basis") not in (None, "", RewardBasis.VOLUNTARY) and (
        reward.get("amount") is not None
    )


def _typical_weekly_pay(content: dict[str, Any]) -> tuple[Decimal, Decimal] | None:
    """Hours and pay of a week of an offer of so many hours a week without dated
    sessions, paid by the hour."""
    reward = content.get("reward") or {}
    hours, amount = content.get("hours_per_week"), reward.get("amount")
    if content.get("sessions") or not hours or amount is None:
        return None
    if reward.get("basis") != RewardBasis.HOURLY:
        return None
    return Decimal(hours), _pounds(Decimal(hours) * Decimal(amount))


def permitted_work_weeks(
    offer: Sequence[Work],
    others: Iterable[Work],
    rules: Sequence[PermittedWork] = PERMITTED_WORK,
) -> list[PermittedWorkWeek]:
    """Each week with the offer's paid work: the hours and pay of all the paid work agreed
    that week, the offer included, against the rule in force that week."""
    paid = [item for item in [*offer, *others] if _earns(item)]
    sources = {item.source for item in offer}
    minutes: dict[dt.date, int] = defaultdict(int)
    for item in paid:
        minutes[item.week] += item.minutes
    earned = weekly_earnings(paid)
    found = []
    for week in sorted(earned):
        if not any(source in sources for source in earned[week]):
            continue
        rule = permitted_work_for_week(week, rules)
        if rule is None:
            continue
        pay = _pounds(sum(earned[week].values(), Decimal(0)))
        found.append(PermittedWorkWeek(week, _hours(minutes[week]), pay, rule))
    return found


def universal_credit_months(
    offer: Sequence[Work],
    others: Iterable[Work],
    rules: Sequence[WorkAllowance] = WORK_ALLOWANCES,
) -> list[UniversalCreditMonth]:
    """Each calendar month with the offer's paid work: the pay of all the work agreed
    that month, the offer included, against the allowances in force that month."""
    paid = [item for item in [*offer, *others] if _earns(item)]
    sources = {item.source for item in offer}
    by_month: dict[dt.date, list[Work]] = defaultdict(list)
    for item in paid:
        by_month[item.day.replace(day=1)].append(item)
    found = []
    for month in sorted(by_month):
        items = by_month[month]
        if not any(item.source in sources for item in items):
            continue
        rule = work_allowance_for_month(month, rules)
        if rule is None:
            continue
        # Weekly totals are not used here: a week can straddle two months.
        pay = _pounds(_earned_in(items))
        found.append(UniversalCreditMonth(month, pay, rule))
    return found


def _earns(item: Work) -> bool:
    return item.amount is not None and item.basis not in ("", RewardBasis.VOLUNTARY)


def _earned_in(items: list[Work]) -> Decimal:
    """What the work of one calendar month pays."""
    total = Decimal(0)
    days_paid: set[tuple[str, dt.date]] = set()
    salaried: set[str] = set()
    for item in items:
        assert item.amount is not None
        if item.basis == RewardBasis.HOURLY:
            total += item.amount * item.minutes / 60
        elif item.basis == RewardBasis.PER_SESSION:
            total += item.amount
        elif item.basis == RewardBasis.DAILY and (item.source, item.day) not in days_paid:
            days_paid.add((item.source, item.day))
            total += item.amount
        elif item.basis == RewardBasis.SALARIED and item.source not in salaried:
            # A salary is a twelfth a month, however many sessions the month has.
            salaried.add(item.source)
            total += item.amount / MONTHS_IN_A_YEAR
    return total


def check(
    benefit: str,
    content: dict[str, Any],
    offer: Sequence[Work],
    others: Iterable[Work],
    today: dt.date,
) -> BenefitsCheck:
    """What ``benefit``'s rules say about the offer ``content`` (its work ``offer``), with
    the work already agreed (``others``)."""
    paid = _paid(content)
    if not paid or benefit not in (Benefit.ESA, Benefit.UNIVERSAL_CREDIT):
        return BenefitsCheck(benefit=benefit, paid=paid)
    typical = _typical_weekly_pay(content)
    if benefit == Benefit.ESA:
        if typical is not None:
            rule = permitted_work_for_week(week_of(today))
            weeks = (
                []
                if rule is None
                else [PermittedWorkWeek(week_of(today), typical[0], typical[1], rule, typical=True)]
            )
        else:
            weeks = permitted_work_weeks(offer, others)
        return BenefitsCheck(benefit=benefit, paid=paid, weeks=weeks)
    if typical is not None:
        month = today.replace(day=1)
        allowance = work_allowance_for_month(month)
        monthly = _pounds(typical[1] * WEEKS_IN_A_YEAR / MONTHS_IN_A_YEAR)
        months = (
            []
            if allowance is None
            else [UniversalCreditMonth(month, monthly, allowance, typical=True)]
        )
    else:
        months = universal_credit_months(offer, others)
    return BenefitsCheck(benefit=benefit, paid=paid, months=months)


def benefit_of(person: Person) -> str:
    """The benefit whose rules the person said apply to them; "" when they would rather
    not say."""
    situation = benefits_situation_of(person)
    return str(situation.benefit) if situation is not None else ""


def check_offer(
    person: Person, *, offer_id: int, opportunity_id: int, content: dict[str, Any]
) -> BenefitsCheck:
    """What the person's own benefit rules say about this offer (``content`` is the
    version shown to them), with the other work they have agreed."""
    benefit = benefit_of(person)
    source = f"opportunity-{opportunity_id}"
    offered = work_in(content, source)
    others: list[Work] = []
    if _paid(content) and benefit in (Benefit.ESA, Benefit.UNIVERSAL_CREDIT):
        others = [
            item
            for item in other_work(person, leaving_out_offer_id=offer_id)
            if item.source != source
        ]
    return check(benefit, content, offered, others, timezone.localdate())
