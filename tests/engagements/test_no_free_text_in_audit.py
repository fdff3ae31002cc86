"""The reason staff give for cancelling stays with the booking, for the people it
concerns; the audit log says only that one was given (no free text in audit details)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from powerwith.accounts.models import AuditEvent
from powerwith.engagements.models import Attendance
from powerwith.engagements.services.booking import cancel_booking
from tests.conftest import logged_in
from tests.engagements.factories import booked

pytestmark = pytest.mark.django_db

REASON = "Alex told me she is back in hospital"


def test_a_cancelled_bookings_reason_is_not_copied_into_the_audit_log(
    riverside_coordinator, expert_at_riverside
) -> None:
    booking = booked(riverside_coordinator, expert_at_riverside)
    cancel_booking(booking, by=riverside_coordinator, reason=REASON)
    assert Attendance.objects.get(pk=booking.pk).cancel_reason == REASON
    event = AuditEvent.objects.get(action="session.booking_cancelled")
    assert event.details["reason_given"] is True
    assert REASON not in json.dumps(list(AuditEvent.objects.values_list("details", flat=True)))


def test_a_cancelled_sessions_reason_is_not_copied_into_the_audit_log(
    client: Client, riverside_coordinator, expert_at_riverside
) -> None:
    booking = booked(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user).post(
        f"/sessions/{booking.session_id}/cancel/", {"reason": REASON}
    )
    assert Attendance.objects.get(pk=booking.pk).cancel_reason == REASON
    assert AuditEvent.objects.filter(action="session.cancelled").exists()
    assert REASON not in json.dumps(list(AuditEvent.objects.values_list("details", flat=True)))
