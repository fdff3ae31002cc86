"""The lists an opportunity holds: its required experience and its sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import dateformat, timezone

from powerwith.core.errors import InvalidInput
from powerwith.core.times import clock
from powerwith.people.schedule import check_codes

MAX_REQUIREMENTS = 20
MAX_SESSIONS = 100
MAX_SESSION_MINUTES = 1440
FURTHEST_AHEAD = dt.timedelta(days=5 * 365)


@dataclass(frozen=True)
class RequirementInput:
    code: str
    setting: str = ""
    intervention: str = ""
    essential: bool = False


@dataclass(frozen=True)
class SessionInput:
    starts_at: dt.datetime
    minutes: int


class RowError(InvalidInput):
    """A refusal about one row of a list, so that a page can show it on that row."""

    def __init__(self, noun: str, number: int, reason: str, *, part: str) -> None:
        super().__init__(f"{noun} {number}: {reason}", field=f"sessions.{number - 1}.{part}")
        self.number = number
        self.reason = reason
        self.part = part


def clean_requirements(requirements: Iterable[RequirementInput]) -> list[RequirementInput]:
    """Check each requirement's codes against the Schedule of Experience."""
    cleaned: list[RequirementInput] = []
    for number, requirement in enumerate(requirements, start=1):
        check_codes(
            requirement.code,
            requirement.setting,
            requirement.intervention,
            label=f"Required experience {number}",
            field="required_experience",
        )
        # The same requirement twice would count twice in the ranking.
        if requirement not in cleaned:
            cleaned.append(requirement)
    if len(cleaned) > MAX_REQUIREMENTS:
        raise InvalidInput(
            f"An opportunity can name at most {MAX_REQUIREMENTS} required experiences.",
            field="required_experience",
        )
    return cleaned


def _on_the_minute(moment: dt.datetime) -> dt.datetime:
    return moment.replace(second=0, microsecond=0)


def when(moment: dt.datetime) -> str:
    local = moment.astimezone(ZoneInfo(settings.TIME_ZONE))
    return f"{dateformat.format(local, 'j F Y')} at {clock(local)}"


def clean_sessions(
    sessions: Iterable[SessionInput], *, existing: Iterable[dt.datetime], now: dt.datetime
) -> list[SessionInput]:
    """Sessions to keep or add. A session already held keeps its date even once it has
    passed; a new one must start from now on. Times are kept to the minute."""
    held = {_on_the_minute(start) for start in existing}
    zone = ZoneInfo(settings.TIME_ZONE)
    cleaned: list[SessionInput] = []
    seen: dict[dt.datetime, int] = {}
    for number, session in enumerate(sessions, start=1):
        starts = session.starts_at
        if not isinstance(starts, dt.datetime):
            raise RowError("Session", number, "Give the date and start time.", part="starts_at")
        if timezone.is_naive(starts):
            starts = timezone.make_aware(starts, zone)
        starts = _on_the_minute(starts)
        minutes = session.minutes
        if (
            isinstance(minutes, bool)
            or not isinstance(minutes, int)
            or not 1 <= minutes <= MAX_SESSION_MINUTES
        ):
            raise RowError(
                "Session",
                number,
                f"The length must be from 1 to {MAX_SESSION_MINUTES} minutes (24 hours).",
                part="minutes",
            )
        if starts not in held and starts < now:
            # A date near the start of the calendar has no local time to name it by.
            named = when(starts) if starts.year > 1 else f"{starts.date():%-d %B %Y}"
            raise RowError(
                "Session",
                number,
                f"{named} is in the past. A new session needs a date and time from now on.",
                part="starts_at",
            )
        if starts > now + FURTHEST_AHEAD:
            raise RowError(
                "Session",
                number,
                f"{starts.date():%-d %B %Y} is more than {FURTHEST_AHEAD.days // 365} years "
                "ahead. Check the year.",
                part="starts_at",
            )
        if starts in seen:
            raise RowError(
                "Session",
                number,
                f"It starts at the same time as session {seen[starts]}.",
                part="starts_at",
            )
        seen[starts] = number
        cleaned.append(SessionInput(starts, minutes))
    if len(cleaned) > MAX_SESSIONS:
        raise InvalidInput(
            f"An opportunity can have at most {MAX_SESSIONS} sessions.", field="sessions"
        )
    return cleaned
