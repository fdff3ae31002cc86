"""What the check found about an offer, week by week or month by month, and the words
for it: the rules, the figures, and what the offer comes to; never what will happen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from powerwith.payments.benefits.rules import (
    PERMITTED_WORK,
    WORK_ALLOWANCES,
    PermittedWork,
    WorkAllowance,
    rule_on,
)
from powerwith.people.choices import Benefit


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


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _money(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def _esa_sentences(found: BenefitsCheck) -> list[str]:
    words = []
    rule = found.weeks[0].rule if found.weeks else rule_on(PERMITTED_WORK, timezone.localdate())
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
    rule = found.months[-1].rule if found.months else rule_on(WORK_ALLOWANCES, timezone.localdate())
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
