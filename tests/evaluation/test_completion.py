"""When a person's part in the work counts as finished, so that they are asked how it went."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from powerwith.evaluation.completion import Booking, completed_people

NOW = datetime(2027, 3, 1, 12, tzinfo=UTC)
PAST = NOW - timedelta(days=3)
AHEAD = NOW + timedelta(days=3)


def test_everyone_accepted_is_finished_when_the_opportunity_is_completed():
    assert completed_people("completed", [1, 2], [], NOW) == {1, 2}
    assert completed_people("reviewed", [1], [], NOW) == {1}


def test_a_person_who_attended_an_ended_session_and_has_nothing_ahead_is_finished():
    bookings = [Booking(1, attended=True, booked=True, ends_at=PAST)]
    assert completed_people("in_progress", [1], bookings, NOW) == {1}


def test_a_person_with_a_session_still_to_come_is_not_finished():
    bookings = [
        Booking(1, attended=True, booked=True, ends_at=PAST),
        Booking(1, attended=False, booked=True, ends_at=AHEAD),
    ]
    assert completed_people("in_progress", [1], bookings, NOW) == set()


def test_a_cancelled_booking_ahead_does_not_hold_it_open():
    bookings = [
        Booking(1, attended=True, booked=True, ends_at=PAST),
        Booking(1, attended=False, booked=False, ends_at=AHEAD),
    ]
    assert completed_people("in_progress", [1], bookings, NOW) == {1}


def test_someone_who_never_attended_waits_for_the_work_to_finish():
    bookings = [Booking(1, attended=False, booked=True, ends_at=PAST)]
    assert completed_people("in_progress", [1], bookings, NOW) == set()


def test_without_an_accepted_offer_nobody_is_asked():
    bookings = [Booking(2, attended=True, booked=True, ends_at=PAST)]
    assert completed_people("completed", [1], bookings, NOW) == {1}
    assert completed_people("in_progress", [1], bookings, NOW) == set()
