"""Every-page values for sessions, bookings, adjustments and the calendar feed."""

from __future__ import annotations

from typing import Any

from powerwith.engagements.services.adjustments import request_adjustment
from tests.browser.page_values import PartCast
from tests.engagements.factories import booked

NOT_PAGES = {
    "engagements:calendar_feed": "an iCalendar feed for calendar apps, not HTML",
}


def values(cast: PartCast) -> dict[str, Any]:
    booking = booked(cast.coordinator, cast.expert)
    assert cast.expert.user is not None
    adjustment = request_adjustment(
        person=cast.expert,
        opportunity=booking.session.opportunity,
        by=cast.expert.user,
        category="timing",
        details="A ten minute break every hour.",
    )
    return {
        "session_id": booking.session_id,
        "booking_id": booking.pk,
        "adjustment_id": adjustment.pk,
        "feed_token": "not-a-page",
    }
