"""The rules of safe to work, declared once: what state a check is in on a day, whether a
check meets what the work requires, and why a person is blocked, in plain words.

A check ``expires_on`` a date: from that day on it no longer counts (``expired``). Within
``EXPIRING_DAYS`` before it, it still counts but is ``expiring``. A check without an
expiry date stays ``valid``. A required check with no record is ``missing``. Missing and
expired checks block: the person is shown with the reason, and cannot be sent an offer or
booked until the check is renewed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.utils.formats import date_format

from powerwith.safe_to_work.models import CheckKind, DbsLevel

EXPIRING_DAYS = 30
LEVELS = [level.value for level in DbsLevel]
LEVEL_LABELS = dict(DbsLevel.choices)


class State(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"
    EXPIRED = "expired"
    MISSING = "missing"


BLOCKING = frozenset({State.EXPIRED, State.MISSING})


@dataclass(frozen=True)
class Requirement:
    kind: str
    level: str = ""
    name: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return key_of(self.kind, self.name)

    def as_item(self) -> dict[str, str]:
        return {"kind": self.kind, "level": self.level, "name": self.name}

    @property
    def label(self) -> str:
        return label_of(self.kind, self.level, self.name)


@dataclass(frozen=True)
class Held:
    """The latest record of one check a person holds."""

    record_id: int
    kind: str
    level: str
    name: str
    done_on: date | None
    expires_on: date | None

    @property
    def key(self) -> tuple[str, str]:
        return key_of(self.kind, self.name)


def key_of(kind: str, name: str) -> tuple[str, str]:
    """What makes two records the same check: its kind, and for training its name (a
    person holds one DBS check and one induction at a time, and many trainings)."""
    return (kind, " ".join(name.split()).casefold() if kind == CheckKind.TRAINING else "")


def label_of(kind: str, level: str = "", name: str = "") -> str:
    if kind == CheckKind.DBS:
        return f"{LEVEL_LABELS[level].lower()} DBS check" if level in LEVEL_LABELS else "DBS check"
    if kind == CheckKind.TRAINING:
        return name or "training"
    return "induction"


def _day(day: date) -> str:
    return date_format(day, "j F Y")


def state_on(expires_on: date | None, today: date) -> State:
    if expires_on is None:
        return State.VALID
    if expires_on <= today:
        return State.EXPIRED
    if expires_on <= today + timedelta(days=EXPIRING_DAYS):
        return State.EXPIRING
    return State.VALID


def requirements_from(items: Iterable[Mapping[str, str]]) -> list[Requirement]:
    return [
        Requirement(kind=item["kind"], level=item.get("level") or "", name=item.get("name") or "")
        for item in items
    ]


def _meets_level(held: str, required: str) -> bool:
    if not required:
        return True
    return held in LEVELS and LEVELS.index(held) >= LEVELS.index(required)


def reason_blocked(requirement: Requirement, held: Held | None, today: date) -> str | None:
    """Why this check stops the person doing the work today, or None when it does not."""
    what = requirement.label
    if held is None:
        return (
            f"No {what} recorded"
            if requirement.kind != CheckKind.TRAINING
            else (f"No record of the training “{requirement.name}”")
        )
    if requirement.kind == CheckKind.DBS and not _meets_level(held.level, requirement.level):
        return (
            f"The DBS check recorded is {LEVEL_LABELS.get(held.level, 'of no level').lower()}; "
            f"this work needs {'an' if what[0] in 'aeiou' else 'a'} {what}"
        )
    if held.expires_on is not None and state_on(held.expires_on, today) == State.EXPIRED:
        if requirement.kind == CheckKind.TRAINING:
            return f"The training “{requirement.name}” expired on {_day(held.expires_on)}"
        noun = "DBS check" if requirement.kind == CheckKind.DBS else "Induction"
        return f"{noun} expired on {_day(held.expires_on)}"
    return None


def blocked(
    requirements: Iterable[Requirement], held: Mapping[tuple[str, str], Held], today: date
) -> list[str]:
    """Every reason, in the order the requirements are listed."""
    reasons = []
    for requirement in requirements:
        reason = reason_blocked(requirement, held.get(requirement.key), today)
        if reason is not None:
            reasons.append(reason)
    return reasons
