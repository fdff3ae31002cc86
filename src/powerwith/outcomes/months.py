"""Months as the outcomes use them: the first day of the month, written ``YYYY-MM``."""

from __future__ import annotations

import re
from datetime import date

MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def start_of(day: date) -> date:
    return day.replace(day=1)


def parse(text: str) -> date | None:
    """``2026-03`` as 1 March 2026; None for anything that is not a real month."""
    found = MONTH.match(text.strip())
    if found is None:
        return None
    year, month = int(found[1]), int(found[2])
    if not 1 <= month <= 12 or year < 1900:
        return None
    return date(year, month, 1)


def iso(month: date) -> str:
    return f"{month:%Y-%m}"


def label(month: date) -> str:
    return f"{month:%B %Y}"


def short(month: date) -> str:
    return f"{month:%b %Y}"


def add(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def between(first: date, last: date) -> list[date]:
    """Every month from ``first`` to ``last``, both included."""
    months = []
    month = start_of(first)
    while month <= last:
        months.append(month)
        month = add(month, 1)
    return months
