"""Consent coverage: of the people booked on sessions that have started, how many had
consent to take part in place before every one of those sessions. One definition for the
dashboard (page, report, CSV and API) and for each opportunity's scorecard (the O check
"Take part consent before every session"), which is the same figure restricted to that
opportunity's bookings.

A booking counts when it stood (``engagements.queries.standing_bookings``) and its
session started by now; on the dashboard, in a session that started in the period.
Consent is in place by the booking rule (``take_part_given``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from powerwith.consent.models import Action, ConsentEvent
from powerwith.consent.queries import months_before
from powerwith.core.figures import Period, Share
from powerwith.engagements.queries import standing_bookings

# One person's take part events: (opportunity id, or None for all the work; action; when).
type Event = tuple[int | None, str, datetime]


def take_part_given(events: Sequence[Event], when: datetime, reconfirm_months: int) -> bool:
    """Was *take part* given (for this opportunity, or for all the organisation's work)
    at ``when``? ``events`` are one person's for this opportunity and for all work, oldest
    first. The same rule as booking: the opportunity's own consent decides when there is
    one; a grant older than the organisation's reconfirm period has lapsed."""
    before = [e for e in events if e[2] < when]
    own = [e for e in before if e[0] is not None]
    deciding = own or before
    if not deciding:
        return False
    _, action, at = deciding[-1]
    return action != Action.WITHDRAW and at >= months_before(when, reconfirm_months)


@dataclass(frozen=True)
class BookedStart:
    """A booking that stood: who, for which opportunity, and when its session starts."""

    person_id: int
    opportunity_id: int
    starts_at: datetime


def consent_coverage(
    bookings: Iterable[BookedStart],
    events: Mapping[int, Sequence[Event]],
    reconfirm_months: int,
    now: datetime,
) -> Share:
    """People with consent before each of their sessions started by ``now``, of the
    people booked on them. ``events`` are each person's, oldest first; those for another
    opportunity are left out here."""
    started = [b for b in bookings if b.starts_at <= now]
    people = {b.person_id for b in started}
    uncovered = {
        b.person_id
        for b in started
        if not take_part_given(
            [e for e in events.get(b.person_id, ()) if e[0] in (None, b.opportunity_id)],
            b.starts_at,
            reconfirm_months,
        )
    }
    return Share(len(people - uncovered), len(people))


def organisation_consent_coverage(
    organisation_id: int, period: Period, now: datetime, reconfirm_months: int
) -> Share:
    """The dashboard's figure: the bookings in sessions that started in the period."""
    bookings = [
        BookedStart(*row)
        for row in standing_bookings(organisation_id, period)
        .filter(session__starts_at__lte=now)
        .values_list("person_id", "session__opportunity_id", "session__starts_at")
    ]
    events: dict[int, list[Event]] = defaultdict(list)
    for person_id, opportunity_id, action, at in (
        ConsentEvent.objects.filter(
            organisation_id=organisation_id,
            person_id__in=sorted({b.person_id for b in bookings}),
            scope="take_part",
            output_id__isnull=True,
        )
        .order_by("id")
        .values_list("person_id", "opportunity_id", "action", "created_at")
    ):
        events[person_id].append((opportunity_id, action, at))
    return consent_coverage(bookings, events, reconfirm_months, now)
