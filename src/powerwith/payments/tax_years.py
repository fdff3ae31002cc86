"""The UK tax year, the one definition of it every figure about pay uses: from 6 April to
5 April the year after, named by the year it starts in ("2026" is 6 April 2026 to
5 April 2027)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format

# The first tax year anything can be claimed or paid in: HMRC's approved mileage rates
# as they stand date from it, and nothing in powerwith is older.
FIRST = 2011


@dataclass(frozen=True)
class TaxYear:
    year: int

    @property
    def starts(self) -> date:
        return date(self.year, 4, 6)

    @property
    def ends(self) -> date:
        """The last day in the year (5 April)."""
        return date(self.year + 1, 4, 5)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.starts <= day <= self.ends

    @property
    def words(self) -> str:
        return f"{date_format(self.starts, 'j F Y')} to {date_format(self.ends, 'j F Y')}"

    @property
    def short(self) -> str:
        return f"{self.year} to {self.year + 1}"


def tax_year_of(day: date) -> TaxYear:
    return TaxYear(day.year if day >= date(day.year, 4, 6) else day.year - 1)
