"""The benefit rules' figures, as dated rows picked by the date of the work.

Where a figure changes within a week or a month, the lower one is used, so the check
errs on the person's side. After the last row, the last figures stay in force, and the
words name the date they are from, so the person can see how old they are. Sources,
checked when each row was added:

- ESA permitted work (higher) limit: £183.50 a week from 8 April 2024 and £195.50 a week
  from 7 April 2025 (DWP benefit and pension rates 2024 to 2025 and 2025 to 2026; the
  Pathways to Work green paper, March 2025, paragraph 122, gives both). Under 16 hours a
  week since the 52-week limit was lifted in April 2017.
- Universal Credit work allowance a month: higher £673 and lower £404 from April 2024;
  higher £684 and lower £411 from April 2025 (DWP benefit and pension rates). Taper 55%
  since 24 November 2021.
- Rows for April 2026 on are to be added when their figures are checked against DWP's
  published rates (docs/benefits.md says how).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal


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


def rule_on[Rule: (PermittedWork, WorkAllowance)](
    rules: Sequence[Rule], day: dt.date
) -> Rule | None:
    current = [rule for rule in rules if rule.valid_from <= day]
    return max(current, key=lambda rule: rule.valid_from) if current else None


def permitted_work_for_week(
    week: dt.date, rules: Sequence[PermittedWork] = PERMITTED_WORK
) -> PermittedWork | None:
    """The permitted-work rule with the lowest limit in force on any day of the week
    that starts on ``week``."""
    found = [rule_on(rules, week + dt.timedelta(days=offset)) for offset in range(7)]
    in_force = [rule for rule in found if rule is not None]
    return min(in_force, key=lambda rule: rule.weekly_limit) if in_force else None


def work_allowance_for_month(
    month: dt.date, rules: Sequence[WorkAllowance] = WORK_ALLOWANCES
) -> WorkAllowance | None:
    """The work allowance with the lowest figures in force on any day of the month that
    starts on ``month``."""
    days = (_next_month(month) - month).days
    found = [rule_on(rules, month + dt.timedelta(days=offset)) for offset in range(days)]
    in_force = [rule for rule in found if rule is not None]
    return min(in_force, key=lambda rule: rule.lower) if in_force else None


def _next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
