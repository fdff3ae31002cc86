"""Booking someone sends them an invitation with a calendar file; cancelling sends a
cancellation that takes the event out of their calendar."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from powerwith.engagements.services.booking import cancel_booking
from powerwith.engagements.services.sessions import cancel_session, change_session
from tests.engagements.factories import booked

pytestmark = pytest.mark.django_db


def calendar_of(message) -> Calendar:
    (_name, data, content_type) = next(a for a in message.attachments if a[0].endswith(".ics"))
    assert content_type.startswith("text/calendar")
    return Calendar.from_ical(data)


def test_a_booking_sends_an_invitation_with_a_calendar_file(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = booked(riverside_coordinator, expert_at_riverside)
    invitations = [m for m in mail.outbox if m.subject.startswith("You are booked")]
    assert len(invitations) == 1
    message = invitations[0]
    assert message.to == ["alex@people.example"]
    assert "Riverside House, 1 Mill Lane, Leeds" in message.body
    assert "stop, take time out or ask for support" in message.body
    calendar = calendar_of(message)
    assert calendar["method"] == "PUBLISH"
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == booking.session.starts_at
    assert event.decoded("dtend") == booking.session.ends_at
    assert str(event["location"]) == "Riverside House, 1 Mill Lane, Leeds"


def test_no_invitation_goes_before_the_booking_commits(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        booked(riverside_coordinator, expert_at_riverside)
    assert not [m for m in mail.outbox if m.subject.startswith("You are booked")]
    assert callbacks


def test_a_cancelled_booking_sends_a_cancellation(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_booking(booking, by=riverside_coordinator, reason="The group is full")
    (message,) = [m for m in mail.outbox if m.subject.startswith("Cancelled")]
    assert "The group is full" in message.body
    calendar = calendar_of(message)
    assert calendar["method"] == "CANCEL"
    (event,) = calendar.walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
    assert str(event["uid"]) == f"session-{booking.session_id}@powerwith"


def test_a_cancelled_session_tells_everyone_booked(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    with django_capture_on_commit_callbacks(execute=True):
        cancel_session(booking.session, by=riverside_coordinator, reason="Snow")
    (message,) = [m for m in mail.outbox if m.subject.startswith("Cancelled")]
    assert calendar_of(message)["method"] == "CANCEL"


def test_a_new_time_sends_an_update_and_moves_the_checks(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    session = booking.session
    later = session.starts_at + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        change_session(
            session,
            by=riverside_coordinator,
            starts_at=later,
            minutes=session.minutes,
            place="Room 2",
            recorded=False,
        )
    (message,) = [m for m in mail.outbox if m.subject.startswith("A session has changed")]
    assert "Room 2" in message.body
    (event,) = calendar_of(message).walk("VEVENT")
    assert event.decoded("dtstart") == later
    end_check = booking.wellbeing_checks.get(kind="end")
    assert end_check.due_at == later + timedelta(minutes=session.minutes)
    assert end_check.due_at > timezone.now()
