"""What the benefit rules the person says apply to them say about an offer's earnings,
before they agree to it.

The rules differ, so the warning does too:

- **ESA permitted work**: under 16 hours of paid work a week, and no more than a weekly
  limit. The check says, for each week, which of the two the work would go over.
- **Universal Credit**: no limit on hours. Earnings above the person's monthly work
  allowance reduce Universal Credit by the taper (55p for each £1). The check gives the
  month's earnings and the month's figures; it cannot know which allowance, if any, the
  person has, so it names both and says some people have none.
- **Not on benefits**: no warning.
- **I'd rather not say**, or **another benefit or not sure**: a general word that pay
  can affect benefits, and where to get advice.

It never says what will happen to someone's benefits: only what the rules say and the
figures, and always where to get advice (the clarity checker's rule against speculation).

The figures are dated rows, picked by the date of the work; where a figure changes within
a week or a month, the lower one is used, so the check errs on the person's side. After
the last row, the last figures stay in force, and the words name the date they are from,
so the person can see how old they are. Sources, checked when each row was added:

- ESA permitted work (higher) limit: £183.50 a week from 8 April 2024 and £195.50 a week
  from 7 April 2025 (DWP benefit and pension rates 2024 to 2025 and 2025 to 2026; the
  Pathways to Work green paper, March 2025, paragraph 122, gives both). Under 16 hours a
  week since the 52-week limit was lifted in April 2017.
- Universal Credit work allowance a month: higher £673 and lower £404 from April 2024;
  higher £684 and lower £411 from April 2025 (DWP benefit and pension rates). Taper 55%
  since 24 November 2021.
- Rows for April 2026 on are to be added when their figures are checked against DWP's
  published rates (docs/benefits.md says how).

The result is for the person's eyes only: their own offer page, their own choice about
payment, and ``GET /api/v1/me/earnings-check`` for their own token.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone

from powerwith.core.choices import RewardBasis
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


@dataclass(frozen=True)
class PermittedWork:
    """ESA permitted work, from a date: under ``hours_under`` hours of paid work a week,
    and no more than ``weekly_limit`` pounds a week."""

    valid_from: dt.date
    weekly_limit: Decimal
    hours_under: int = 16


@dataclass(frozen=True)
class WorkAllowance:
    """Universal Credit, from a date: the monthly work allowances (higher without help
    with housing costs, lower with it) and the taper on earnings above them."""

    valid_from: dt.date
    higher: Decimal
    lower: Decimal
    taper: Decimal = Decimal("0.55")

    @property
    def pence_in_the_pound(self) -> int:
        return int(self.taper * 100)


PERMITTED_WORK: tuple[PermittedWork, ...] = (
    PermittedWork(dt.date(2024, 4, 8), Decimal("183.50")),
    PermittedWork(dt.date(2025, 4, 7), Decimal("195.50")),
)


WORK_ALLOWANCES: tuple[WorkAllowance, ...] = (
    WorkAllowance(dt.date(2024, 4, 8), higher=Decimal("673.00"), lower=Decimal("404.00")),
    WorkAllowance(dt.date(2025, 4, 7), higher=Decimal("684.00"), lower=Decimal("411.00")),
)


def _in_force[Rule: (PermittedWork, WorkAllowance)](
    rules: Sequence[Rule], day: dt.date
) -> Rule | None:
    current = [rule for rule in rules if rule.valid_from <= day]
    return max(current, key=lambda rule: rule.valid_from) if current else None


def permitted_work_for_week(
    week: dt.date, rules: Sequence[PermittedWork] = PERMITTED_WORK
) -> PermittedWork | None:
    """The permitted-work rule with the lowest limit in force on any day of the week
    that starts on ``week``."""
    found = [_in_force(rules, week + dt.timedelta(days=offset)) for offset in range(7)]
    in_force = [rule for rule in found if rule is not None]
    return min(in_force, key=lambda rule: rule.weekly_limit) if in_force else None


def work_allowance_for_month(
    month: dt.date, rules: Sequence[WorkAllowance] = WORK_ALLOWANCES
) -> WorkAllowance | None:
    """The work allowance with the lowest figures in force on any day of the month that
    starts on ``month``."""
    days = (_next_month(month) - month).days
    found = [_in_force(rules, month + dt.timedelta(days=offset)) for offset in range(days)]
    in_force = [rule for rule in found if rule is not None]
    return min(in_force, key=lambda rule: rule.lower) if in_force else None


def _next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _pounds(value: Decimal) -> Decimal:
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def _hours(minutes: int) -> Decimal:
    value = (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    # 20, not 20.00 or 2E+1; 15.98 stays as it is.
    return value.to_integral_value() if value == value.to_integral_value() else value.normalize()


@dataclass(frozen=True)
class PermittedWorkWeek:
    """A week of the offer's work against the permitted-work rule: everything paid that
    week, the offer included."""

    week: dt.date
    hours: Decimal
    pay: Decimal
    rule: PermittedWork
    typical: bool = False

    @property
    def too_many_hours(self) -> bool:
        return self.hours >= self.rule.hours_under

    @property
    def too_much_pay(self) -> bool:
        return self.pay > self.rule.weekly_limit

    @property
    def over(self) -> bool:
        return self.too_many_hours or self.too_much_pay


@dataclass(frozen=True)
class UniversalCreditMonth:
    """A calendar month of the offer's work against the work allowances in force."""

    month: dt.date
    pay: Decimal
    rule: WorkAllowance
    typical: bool = False

    @property
    def above_lower(self) -> bool:
        return self.pay > self.rule.lower

    @property
    def above_higher(self) -> bool:
        return self.pay > self.rule.higher


@dataclass(frozen=True)
class BenefitsCheck:
    """What the person's benefit rules say about one offer. ``benefit`` is "" when the
    person would rather not say."""

    benefit: str
    paid: bool
    weeks: list[PermittedWorkWeek] = field(default_factory=list)
    months: list[UniversalCreditMonth] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        """Whether the offer page says anything: for paid work, unless the person said
        they are not on benefits."""
        return self.paid and self.benefit != Benefit.NOT_ON_BENEFITS

    @property
    def weeks_over(self) -> list[PermittedWorkWeek]:
        return [week for week in self.weeks if week.over]

    @property
    def warns(self) -> bool:
        """Whether the rules are crossed: a permitted-work week over either line, or a
        month above a work allowance."""
        if self.benefit == Benefit.ESA:
            return bool(self.weeks_over)
        if self.benefit == Benefit.UNIVERSAL_CREDIT:
            return any(month.above_lower for month in self.months)
        return False

    @property
    def sentences(self) -> list[str]:
        return sentences(self)


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


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _money(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def _esa_sentences(found: BenefitsCheck) -> list[str]:
    words = []
    rule = found.weeks[0].rule if found.weeks else _in_force(PERMITTED_WORK, timezone.localdate())
    if rule is not None:
        words.append(
            "Permitted work rules for Employment and Support Allowance (ESA): paid work of "
            f"under {rule.hours_under} hours a week, and pay of no more than "
            f"{_money(rule.weekly_limit)} a week (the limit from {_date(rule.valid_from)})."
        )
    for week in found.weeks_over:
        when = "A week of this work" if week.typical else f"The week of {_date(week.week)}"
        crossed = []
        if week.too_many_hours:
            crossed.append(
                f"{week.hours} hours of paid work, which is not under {week.rule.hours_under} hours"
            )
        if week.too_much_pay:
            crossed.append(
                f"{_money(week.pay)} of pay, which is more than {_money(week.rule.weekly_limit)}"
            )
        words.append(f"{when}: {' and '.join(crossed)}.")
    if found.weeks and not found.weeks_over:
        words.append("Each week of this work, with the work you have agreed, is within both.")
    elif found.weeks_over:
        words.append(
            "These figures count this offer with the other paid work you have agreed. "
            "Talk to a benefits adviser or your work coach before you accept: you can also "
            "ask for fewer hours or less pay."
        )
    return words


def _uc_sentences(found: BenefitsCheck) -> list[str]:
    words = ["Universal Credit has no limit on the hours you work."]
    for month in found.months:
        when = "A month of this work" if month.typical else f"In {month.month:%B %Y}"
        about = "about " if month.typical else ""
        words.append(
            f"{when}, your paid work would come to {about}{_money(month.pay)}, this offer included."
        )
    rule = (
        found.months[-1].rule if found.months else _in_force(WORK_ALLOWANCES, timezone.localdate())
    )
    if rule is not None:
        words.append(
            f"If your Universal Credit includes a work allowance, earnings above it reduce "
            f"your Universal Credit by {rule.pence_in_the_pound}p for each £1. The work "
            f"allowance from {_date(rule.valid_from)} is {_money(rule.higher)} a month, or "
            f"{_money(rule.lower)} a month if your Universal Credit helps with housing costs. "
            "Some people have no work allowance."
        )
    if found.warns:
        words.append(
            "Universal Credit counts your pay after tax and National Insurance, over your "
            "own monthly assessment period, so a benefits adviser can tell you what it "
            "means for you."
        )
    return words


def sentences(found: BenefitsCheck) -> list[str]:
    """The check in plain words: the rules, the figures, and what this offer comes to."""
    if not found.shown:
        return []
    if found.benefit == Benefit.ESA:
        return _esa_sentences(found)
    if found.benefit == Benefit.UNIVERSAL_CREDIT:
        return _uc_sentences(found)
    return [
        "Being paid can affect some benefits, and the rules differ from one benefit to "
        "another. A benefits adviser can tell you what this offer would mean for you."
    ]


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
