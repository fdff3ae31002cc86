"""The reason staff give for cancelling stays with the booking, and a claim's note with the
claim, for the people they concern; the audit log says only that one was given (no free
text in audit details)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from powerwith.accounts.models import AuditEvent
from powerwith.engagements.models import Attendance
from powerwith.engagements.services.booking import cancel_booking
from powerwith.payments.models import ClaimEvent
from powerwith.payments.services import reject_claim
from tests.conftest import logged_in
from tests.engagements.factories import booked
from tests.payments.factories import time_claim, worked

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


def test_a_claims_note_stays_on_its_history_and_not_in_the_audit_log(
    riverside_coordinator, expert_at_riverside
) -> None:
    """Why a claim was not approved is for the person and the approvers, on the claim."""
    claim = time_claim(worked(riverside_coordinator, expert_at_riverside))
    reject_claim(claim, by=riverside_coordinator, note=REASON)
    assert ClaimEvent.objects.filter(claim=claim, note=REASON).exists()
    assert AuditEvent.objects.filter(action__startswith="claim.").exists()
    assert REASON not in json.dumps(list(AuditEvent.objects.values_list("details", flat=True)))
