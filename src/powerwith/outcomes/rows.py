"""Checking rows of figures as typed (a CSV file or an API request), every row and every
cell, so a person sees every problem at once, in plain words, before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from powerwith.core.errors import DomainError
from powerwith.outcomes import months
from powerwith.outcomes.models import Service
from powerwith.outcomes.services import Entry, check_figure
from powerwith.people.schedule import INTERVENTION_LABELS

WHOLE_NUMBER = re.compile(r"^\d+$")
BY_LABEL = {label.lower(): code for code, label in INTERVENTION_LABELS.items()}


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be recorded: its number, the values as typed, what is wrong."""

    row: int
    values: dict[str, str]
    messages: list[str]


@dataclass
class RowCheck:
    entries: list[Entry] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def problem_count(self) -> int:
        return sum(len(problem.messages) for problem in self.problems)


def intervention_code(text: str) -> str | None:
    """A type of restrictive intervention, by its code or its label, in any case."""
    cleaned = " ".join(text.split()).lower()
    if cleaned in INTERVENTION_LABELS:
        return cleaned
    return BY_LABEL.get(cleaned)


def check_rows(
    rows: Iterable[tuple[int, Mapping[str, str]]],
    *,
    services: Mapping[str, Service],
    today: date,
    fixed_service: Service | None = None,
) -> RowCheck:
    """Check numbered rows of ``service``, ``month``, ``intervention`` and ``count``.

    ``services`` maps lower-case names to the organisation's services; with
    ``fixed_service`` every row is for that service and has no service column."""
    found = RowCheck()
    first_seen: dict[tuple[int, date, str], int] = {}
    for number, values in rows:
        messages, entry = _check_row(values, services, today, fixed_service)
        if entry is not None:
            key = (entry.service.pk, entry.month, entry.intervention)
            if key in first_seen:
                messages.append(
                    f"This row repeats row {first_seen[key]}: the same service, month and "
                    "type of intervention may appear only once in a file."
                )
            else:
                first_seen[key] = number
        if messages:
            found.problems.append(RowProblem(number, dict(values), messages))
        elif entry is not None:
            found.entries.append(entry)
    return found


def _check_row(
    values: Mapping[str, str],
    services: Mapping[str, Service],
    today: date,
    fixed_service: Service | None,
) -> tuple[list[str], Entry | None]:
    messages: list[str] = []
    service = fixed_service
    if fixed_service is None:
        name = " ".join(values.get("service", "").split())
        service = services.get(name.lower())
        if not name:
            messages.append("The service is missing.")
        elif service is None:
            messages.append(
                f"There is no service called '{name}'. Add it on the outcomes page first, "
                "or check the spelling."
            )
    month_text = values.get("month", "").strip()
    month = months.parse(month_text)
    if not month_text:
        messages.append("The month is missing. Write it as YYYY-MM, like 2026-03.")
    elif month is None:
        messages.append(f"'{month_text}' is not a real month. Write it as YYYY-MM, like 2026-03.")
    elif month > months.start_of(today):
        messages.append(
            f"{months.label(month)} is in the future. Record a month once it has begun."
        )
    intervention_text = values.get("intervention", "").strip()
    intervention = intervention_code(intervention_text)
    if not intervention_text:
        messages.append("The type of intervention is missing.")
    elif intervention is None:
        messages.append(
            f"'{intervention_text}' is not a type of restrictive intervention we know. "
            f"Use one of the codes: {', '.join(INTERVENTION_LABELS)}."
        )
    count_text = values.get("count", "").strip()
    if not count_text:
        messages.append("The count is missing. Write 0 if there were none.")
    elif not WHOLE_NUMBER.match(count_text):
        messages.append(f"'{count_text}' is not a whole number of 0 or more, like 0, 3 or 12.")
    if messages or service is None or month is None or intervention is None:
        return messages, None
    count = int(count_text)
    try:
        check_figure(month, intervention, count, today)
    except DomainError as error:
        return [error.message], None
    return [], Entry(service=service, month=month, intervention=intervention, count=count)
