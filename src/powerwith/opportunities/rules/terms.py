"""Each of an opportunity's terms on its own: lengths, known codes, numbers in range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from powerwith.core.choices import (
    EXPENSES,
    OUTPUT_USES,
    Commitment,
    CoWorkingLevel,
    Focus,
    GoalType,
    LocationMode,
    Outcome,
    RewardBasis,
)
from powerwith.core.errors import InvalidInput
from powerwith.core.forms.text import has_line_break
from powerwith.opportunities.models import OpportunityStatus

MAX_HOURS_PER_WEEK = Decimal(48)  # the working-time limit
MAX_PAID_WITHIN_DAYS = 365
# Beyond any amount or number of hours a rule below could accept; refused before it is
# even written out in a message.
TOO_LARGE = Decimal(10**9)

TEXT_FIELDS = {
    "title": 200,
    "purpose": 4000,
    "success_measures": 4000,
    "input_expected": 4000,
    "location_address": 300,
    "location_details": 300,
    "ground_rules": 4000,
}
ONE_LINE = frozenset({"title"})
CHOICE_FIELDS: dict[str, list[str]] = {
    "goal_type": GoalType.values,
    "commitment": Commitment.values,
    "level": CoWorkingLevel.values,
    "location_mode": LocationMode.values,
    "reward_basis": RewardBasis.values,
    "status": OpportunityStatus.values,
}
LIST_FIELDS: dict[str, list[str]] = {"focus": Focus.values, "outcomes": Outcome.values}
FLAG_FIELDS: dict[str, list[str]] = {"expenses": list(EXPENSES), "output_use": list(OUTPUT_USES)}
OTHER_TERMS = (
    "hours_per_week",
    "reward_amount",
    "paid_within_days",
    "contact_user_id",
    "backup_contact_user_id",
    "wellbeing_checks",
    "review_date",
)
TERM_NAMES = (*TEXT_FIELDS, *CHOICE_FIELDS, *LIST_FIELDS, *FLAG_FIELDS, *OTHER_TERMS)
NAMES = {
    "goal_type": "goal type",
    "location_mode": "location mode",
    "reward_basis": "reward basis",
    "output_use": "output use",
    "contact_user_id": "contact person",
    "backup_contact_user_id": "backup contact",
}


def valid(values: Iterable[str]) -> str:
    return ", ".join(values)


def name(field: str) -> str:
    return NAMES.get(field, field.replace("_", " "))


def _text(field: str, value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if field in ONE_LINE and has_line_break(text):
        # A title names the work in calendars, e-mail subjects and file names, where a
        # line break would end the line it is written on.
        raise InvalidInput(f"The {name(field)} must be one line, without line breaks.", field=field)
    if len(text) > TEXT_FIELDS[field]:
        raise InvalidInput(
            f"The {name(field)} must be {TEXT_FIELDS[field]} characters or fewer.", field=field
        )
    return text


def _choice(field: str, value: Any) -> str:
    text = "" if value is None else str(value)
    if text and text not in CHOICE_FIELDS[field]:
        raise InvalidInput(
            f"Unknown {name(field)} '{text}'. Use one of: {valid(CHOICE_FIELDS[field])}.",
            field=field,
        )
    return text


def _codes(field: str, value: Any) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Iterable | None):
        raise InvalidInput(f"Give the {name(field)} as a list of codes.", field=field)
    codes = list(dict.fromkeys(value or []))
    unknown = [str(code) for code in codes if code not in LIST_FIELDS[field]]
    if unknown:
        raise InvalidInput(
            f"Unknown {name(field)}: {valid(unknown)}. Use any of: {valid(LIST_FIELDS[field])}.",
            field=field,
        )
    return codes


def _flags(field: str, value: Any) -> dict[str, bool]:
    flags = dict(value or {})
    unknown = [str(key) for key in flags if key not in FLAG_FIELDS[field]]
    if unknown:
        raise InvalidInput(
            f"Unknown {name(field)}: {valid(unknown)}. Use any of: {valid(FLAG_FIELDS[field])}.",
            field=field,
        )
    if any(not isinstance(flag, bool) for flag in flags.values()):
        raise InvalidInput(f"Each {name(field)} must be true or false.", field=field)
    if field == "expenses" and flags.get("travel_in_advance") and not flags.get("travel"):
        raise InvalidInput(
            "Travel can only be paid in advance when travel is covered: tick travel too.",
            field=field,
        )
    # Every key is kept, so "not covered" is said as plainly as "covered".
    return {key: bool(flags.get(key)) for key in FLAG_FIELDS[field]} if flags else {}


def number(field: str, value: Any, example: str) -> Decimal | None:
    if value is None or value == "":
        return None
    refusal = InvalidInput(f"Enter the {name(field)} as a number, like {example}.", field=field)
    if isinstance(value, bool):
        raise refusal
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation:
        raise refusal from None
    if not number.is_finite():
        raise refusal
    if abs(number) > TOO_LARGE:
        raise InvalidInput(f"The {name(field)} is far too large. Check the number.", field=field)
    return number


def _whole(field: str, value: Any, low: int, high: int, words: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidInput(words, field=field)
    return value


def _user_id(field: str, value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"Give the {name(field)} as a user id.", field=field)
    return value


def _hours(value: Any) -> Decimal | None:
    hours = number("hours_per_week", value, "7.5")
    if hours is None:
        return None
    if not 0 < hours <= MAX_HOURS_PER_WEEK:
        raise InvalidInput(
            f"Hours per week must be more than 0 and at most {MAX_HOURS_PER_WEEK}, the "
            "working-time limit.",
            field="hours_per_week",
        )
    if hours != hours.quantize(Decimal("0.1")):
        raise InvalidInput(
            "Give hours per week to one decimal place, like 7.5.", field="hours_per_week"
        )
    return hours


def _date(field: str, value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidInput(f"Give the {name(field)} as a date.", field=field)
    return value


def _flag(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(f"The {name(field)} must be true or false.", field=field)
    return value


def clean_terms(data: Mapping[str, Any]) -> dict[str, Any]:
    """Check each term on its own: lengths, known codes, numbers in range. The rules that
    join terms together (an amount and its basis, a status and the one before) are below."""
    cleaned: dict[str, Any] = {}
    for field, value in data.items():
        if field in TEXT_FIELDS:
            cleaned[field] = _text(field, value)
        elif field in CHOICE_FIELDS:
            cleaned[field] = _choice(field, value)
        elif field in LIST_FIELDS:
            cleaned[field] = _codes(field, value)
        elif field in FLAG_FIELDS:
            cleaned[field] = _flags(field, value)
        elif field == "hours_per_week":
            cleaned[field] = _hours(value)
        elif field == "reward_amount":
            cleaned[field] = number(field, value, "25.00")
        elif field == "paid_within_days":
            cleaned[field] = _whole(
                field,
                value,
                0,
                MAX_PAID_WITHIN_DAYS,
                f"Say within how many days people are paid: a whole number from 0 (on the "
                f"day) to {MAX_PAID_WITHIN_DAYS}.",
            )
        elif field in ("contact_user_id", "backup_contact_user_id"):
            cleaned[field] = _user_id(field, value)
        elif field == "wellbeing_checks":
            cleaned[field] = _flag(field, value)
        elif field == "review_date":
            cleaned[field] = _date(field, value)
        else:
            raise InvalidInput(f"Unknown field: {field}.", field=field)
    if "title" in cleaned and not cleaned["title"]:
        raise InvalidInput("Enter a title for the opportunity.", field="title")
    return cleaned


def money(amount: Decimal) -> str:
    return f"£{amount:,.2f}"
