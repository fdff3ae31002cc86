"""Wellbeing completion: of the wellbeing checks due by now, how many were done. One
definition for the dashboard (page, report, CSV and API) and for each opportunity's
scorecard (the W check "Wellbeing checks before, at the end and follow-up done"), which is
the same figure restricted to that opportunity's bookings.

Every booking that stood (``queries.standing_bookings``), in work that plans wellbeing
checks, has three: before the session (due from the start of its day), at its end, and
the follow-up the organisation's follow-up days after the end (``due_times``). A check is
due once that time has come. One that was never scheduled (the booking was made before
checks were switched on, or recorded after the session) is still due at the time it
would have had, and is not done: the person was owed it. On the dashboard the bookings
are those in sessions that start in the period.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from powerwith.core.figures import Period, Share
from powerwith.engagements.models import CheckKind, WellbeingCheck
from powerwith.engagements.queries import standing_bookings

# (person, session, kind) -> (when it is due, when it was done or None)
type CheckKey = tuple[int, int, str]
type CheckTimes = tuple[datetime, datetime | None]
type Checks = Mapping[CheckKey, CheckTimes]


@dataclass(frozen=True)
class BookedSession:
    person_id: int
    session_id: int
    starts_at: datetime
    ends_at: datetime


def due_times(starts_at: datetime, ends_at: datetime, follow_up_days: int) -> dict[str, datetime]:
    """When each wellbeing check of a session falls due: the start of the session's day
    (local time), the session's end, and the follow-up ``follow_up_days`` after the end."""
    start_of_day = timezone.make_aware(
        datetime.combine(timezone.localtime(starts_at).date(), time(0, 0))
    )
    return {
        CheckKind.BEFORE: start_of_day,
        CheckKind.END: ends_at,
        CheckKind.FOLLOW_UP: ends_at + timedelta(days=follow_up_days),
    }


def wellbeing_completion(
    bookings: Iterable[BookedSession], checks: Checks, follow_up_days: int, now: datetime
) -> Share:
    """Checks done of the checks due by ``now`` for these standing bookings."""
    due = done = 0
    for booking in bookings:
        times = due_times(booking.starts_at, booking.ends_at, follow_up_days)
        for kind, would_be_due in times.items():
            due_at, done_at = checks.get(
                (booking.person_id, booking.session_id, kind), (would_be_due, None)
            )
            if due_at <= now:
                due += 1
                done += done_at is not None
    return Share(done, due)


def checks_of(
    found: Iterable[WellbeingCheck],
) -> dict[tuple[int, int, str], tuple[datetime, datetime | None]]:
    """The ``Checks`` of wellbeing checks read with their ``attendance``."""
    return {
        (c.attendance.person_id, c.attendance.session_id, c.kind): (c.due_at, c.completed_at)
        for c in found
    }


def organisation_wellbeing(
    organisation_id: int, period: Period, now: datetime, follow_up_days: int
) -> Share:
    """The dashboard's figure: the standing bookings in sessions of the period, of work
    that plans wellbeing checks."""
    bookings = standing_bookings(organisation_id, period).filter(
        session__opportunity__wellbeing_checks=True
    )
    sessions = [
        BookedSession(person_id, session_id, starts_at, starts_at + timedelta(minutes=minutes))
        for person_id, session_id, starts_at, minutes in bookings.values_list(
            "person_id", "session_id", "session__starts_at", "session__minutes"
        )
    ]
    checks = {
        (person_id, session_id, kind): (due_at, done_at)
        for person_id, session_id, kind, due_at, done_at in WellbeingCheck.objects.filter(
            attendance__in=bookings
        ).values_list(
            "attendance__person_id", "attendance__session_id", "kind", "due_at", "completed_at"
        )
    }
    return wellbeing_completion(sessions, checks, follow_up_days, now)
