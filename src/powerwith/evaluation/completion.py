"""When a person's part in a piece of work is finished, so that they are asked how it went.

Decided once here, for the feedback pages, the reminder sweep and the scorecard:

A person's engagement is **complete** when they have an accepted offer for the
opportunity and either

- the opportunity is marked completed (or reviewed), or
- they attended at least one of its sessions that has ended, and none of their live
  bookings is for a session that has not ended yet.

So someone who has done their part is asked straight away, even while the project runs
on with others, and someone who never came to a session is asked once the work is over.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from powerwith.opportunities.models import OpportunityStatus

FINISHED_STATUSES = frozenset({OpportunityStatus.COMPLETED, OpportunityStatus.REVIEWED})


@dataclass(frozen=True)
class Booking:
    """What the rule needs to know of one booking."""

    person_id: int
    attended: bool
    booked: bool  # not cancelled, and its session not cancelled
    ends_at: datetime


def completed_people(
    status: str, accepted_person_ids: Iterable[int], bookings: Iterable[Booking], now: datetime
) -> set[int]:
    """The people (among those with an accepted offer) whose engagement is complete."""
    accepted = set(accepted_person_ids)
    if status in FINISHED_STATUSES:
        return accepted
    attended_ended: set[int] = set()
    still_to_come: set[int] = set()
    for booking in bookings:
        if booking.attended and booking.ends_at <= now:
            attended_ended.add(booking.person_id)
        if booking.booked and booking.ends_at > now:
            still_to_come.add(booking.person_id)
    return accepted & (attended_ended - still_to_come)
