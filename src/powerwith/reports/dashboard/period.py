"""The period a dashboard covers: whole calendar months, ``from`` to ``to`` inclusive,
in the organisation's local time (Europe/London). The default is the last 12 months,
this month included (``powerwith.core.figures.last_twelve_months``, which every page that
says "the last 12 months" uses)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from django import forms

from powerwith.core.errors import InvalidInput
from powerwith.core.figures import Period, last_twelve_months, months_back

__all__ = ["Period", "PeriodForm", "last_twelve_months", "parse_month", "period_from"]

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
LONGEST_MONTHS = 60


def parse_month(text: str, field: str) -> date:
    found = MONTH.match(text.strip())
    if found is None or not 1 <= int(found.group(2)) <= 12 or int(found.group(1)) < 2000:
        raise InvalidInput(
            f"Enter the {'first' if field == 'from' else 'last'} month as a year and month, "
            "like 2026-01",
            field=field,
        )
    return date(int(found.group(1)), int(found.group(2)), 1)


def period_from(first: str | None, last: str | None, now: datetime | None = None) -> Period:
    """The period asked for; either end left out takes its default. Raises
    ``InvalidInput`` (with the field) on a month that is not YYYY-MM, a ``to`` before
    ``from``, or a period longer than five years."""
    default = last_twelve_months(now)
    start = parse_month(first, "from") if first else None
    end = parse_month(last, "to") if last else None
    if start is None and end is not None:
        start = months_back(end, 11)
    period = Period(start or default.first, end or default.last)
    if period.last < period.first:
        raise InvalidInput(
            "The last month must be the same as or after the first month", field="to"
        )
    if len(period.months) > LONGEST_MONTHS:
        raise InvalidInput("Choose a period of five years or less", field="to")
    return period


class PeriodForm(forms.Form):
    """The dashboard's GET form: ``from`` and ``to`` as YYYY-MM."""

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        super().__init__(data)
        self.fields["from"] = forms.CharField(
            label="From month", help_text="For example, 2026-01", required=False, max_length=7
        )
        self.fields["to"] = forms.CharField(
            label="To month", help_text="For example, 2026-12", required=False, max_length=7
        )
        self.period: Period | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        try:
            self.period = period_from(str(data.get("from") or ""), str(data.get("to") or ""))
        except InvalidInput as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return data
