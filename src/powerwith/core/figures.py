"""What every figure shown in more than one place is built from: the months it covers
and the share it reports.

"The last 12 months", wherever a page or the API says it, is ``last_twelve_months``:
this month and the eleven before it, whole calendar months in the organisation's local
time (Europe/London), counted up to now. It is also the dashboard's default period, so a
figure on the dashboard and the same figure elsewhere are worked out over the same
records. Each figure's own definition lives with the one function that works it out (see
``docs/adr/008-one-definition-per-figure.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone


def month_after(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def months_back(day: date, months: int) -> date:
    """The first day of the month ``months`` months before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Share:
    part: int
    whole: int

    @property
    def percent(self) -> float | None:
        """To one decimal place; None when there is nothing to share (0 of 0)."""
        return round(100 * self.part / self.whole, 1) if self.whole else None


@dataclass(frozen=True)
class Period:
    first: date  # the first day of the first month
    last: date  # the first day of the last month

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.first, time.min))

    @property
    def end(self) -> datetime:
        """The first moment after the period."""
        return timezone.make_aware(datetime.combine(month_after(self.last), time.min))

    def until(self, now: datetime) -> datetime:
        """The end of what has happened in the period by ``now``."""
        return min(self.end, now)

    @property
    def months(self) -> list[date]:
        found, month = [], self.first
        while month <= self.last:
            found.append(month)
            month = month_after(month)
        return found

    @property
    def words(self) -> str:
        return f"{self.first:%B %Y} to {self.last:%B %Y}"

    @property
    def query(self) -> str:
        return f"from={self.first:%Y-%m}&to={self.last:%Y-%m}"


def last_twelve_months(now: datetime | None = None) -> Period:
    this_month = timezone.localdate(now or timezone.now()).replace(day=1)
    return Period(months_back(this_month, 11), this_month)
