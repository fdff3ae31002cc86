"""Sessions over the API: the booking gate answers 422 with its reasons and writes
nothing; another organisation's session is 404; an expert sees only their own."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from powerwith.engagements.models import Attendance, BookingStatus, Session
from tests.conftest import api_client_for, make_expert
from tests.engagements.factories import accepted_offer, booked, consents, expert_membership

pytestmark = pytest.mark.django_db


def first_session(offer) -> Session:
    return Session.objects.filter(opportunity=offer.opportunity).earliest("starts_at")


def test_the_opportunitys_sessions_are_listed(riverside_coordinator, expert_at_riverside):
    booking = booked(riverside_coordinator, expert_at_riverside)
    api = api_client_for(riverside_coordinator)
    answer = api.get(f"/api/v1/opportunities/{booking.session.opportunity_id}/sessions")
    assert answer.status_code == 200
    body = answer.json()
    assert body["count"] == 1
    assert body["items"][0]["bookings"][0]["person_id"] == expert_at_riverside.pk


def test_booking_answers_422_with_the_reasons_and_writes_nothing(
    riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    session = first_session(offer)
    answer = api_client_for(riverside_coordinator).post(
        f"/api/v1/sessions/{session.pk}/bookings",
        {"person_id": expert_at_riverside.pk},
        content_type="application/json",
    )
    assert answer.status_code == 422
    assert answer.json()["reasons"] == [
        "Alex has not given consent to take part in this opportunity."
    ]
    assert not Attendance.objects.exists()


def test_booking_books_and_cancelling_cancels(riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    session = first_session(offer)
    api = api_client_for(riverside_coordinator)
    answer = api.post(
        f"/api/v1/sessions/{session.pk}/bookings",
        {"person_id": expert_at_riverside.pk},
        content_type="application/json",
    )
    assert answer.status_code == 201
    assert answer.json()["status"] == "booked"
    answer = api.post(f"/api/v1/sessions/{session.pk}/bookings/{expert_at_riverside.pk}/cancel")
    assert answer.status_code == 200
    assert answer.json()["status"] == "cancelled"
    assert Attendance.objects.get().status == BookingStatus.CANCELLED


def test_bad_input_is_a_4xx_not_a_500(riverside_coordinator, expert_at_riverside):
    booking = booked(riverside_coordinator, expert_at_riverside)
    api = api_client_for(riverside_coordinator)
    answer = api.post(
        f"/api/v1/sessions/{booking.session_id}/bookings",
        {"person": "x"},
        content_type="application/json",
    )
    assert answer.status_code == 422
    answer = api.post(
        f"/api/v1/sessions/{booking.session_id}/attendance",
        {"person_id": expert_at_riverside.pk, "attended": True},
        content_type="application/json",
    )
    assert answer.status_code == 409  # the session has not started


def test_attendance_is_recorded_after_the_start(riverside_coordinator, expert_at_riverside):
    booking = booked(riverside_coordinator, expert_at_riverside)
    Session.objects.filter(pk=booking.session_id).update(
        starts_at=timezone.now() - timedelta(minutes=5)
    )
    answer = api_client_for(riverside_coordinator).post(
        f"/api/v1/sessions/{booking.session_id}/attendance",
        {"person_id": expert_at_riverside.pk, "attended": True},
        content_type="application/json",
    )
    assert answer.status_code == 200
    assert answer.json()["attended"] is True


def test_another_organisations_session_is_404(
    riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    api = api_client_for(hillview_coordinator)
    assert api.get(f"/api/v1/sessions/{booking.session_id}").status_code == 404
    assert (
        api.get(f"/api/v1/opportunities/{booking.session.opportunity_id}/sessions").status_code
        == 404
    )
    answer = api.post(
        f"/api/v1/sessions/{booking.session_id}/bookings/{expert_at_riverside.pk}/cancel"
    )
    assert answer.status_code == 404
    assert Attendance.objects.get().is_booked


def test_an_expert_sees_only_their_own_sessions_and_booking(
    riverside, riverside_coordinator, expert_at_riverside
):
    mine = booked(riverside_coordinator, expert_at_riverside)
    kim = make_expert("kim@people.example", "Kim", riverside)
    theirs = booked(riverside_coordinator, kim)
    api = api_client_for(expert_membership(expert_at_riverside, riverside.pk))
    answer = api.get(f"/api/v1/sessions/{mine.session_id}")
    assert answer.status_code == 200
    assert [b["person_id"] for b in answer.json()["bookings"]] == [expert_at_riverside.pk]
    assert api.get(f"/api/v1/sessions/{theirs.session_id}").status_code == 404
    answer = api.post(
        f"/api/v1/sessions/{mine.session_id}/bookings",
        {"person_id": expert_at_riverside.pk},
        content_type="application/json",
    )
    assert answer.status_code == 403


def test_adjustments_are_requested_and_confirmed(
    riverside, riverside_coordinator, riverside_contact, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    own = api_client_for(expert_membership(expert_at_riverside, riverside.pk))
    answer = own.post(
        f"/api/v1/sessions/{booking.session_id}/adjustments",
        {"category": "timing", "details": "A break every hour."},
        content_type="application/json",
    )
    assert answer.status_code == 201
    adjustment_id = answer.json()["id"]
    assert answer.json()["status"] == "requested"
    contact = api_client_for(riverside_contact)
    listed = contact.get(f"/api/v1/sessions/{booking.session_id}/adjustments").json()
    assert [a["id"] for a in listed["items"]] == [adjustment_id]
    answer = contact.post(f"/api/v1/adjustments/{adjustment_id}/confirm")
    assert answer.status_code == 200
    assert answer.json()["status"] == "confirmed"


def test_an_unknown_adjustment_category_is_refused(
    riverside, riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    answer = api_client_for(riverside_coordinator).post(
        f"/api/v1/sessions/{booking.session_id}/adjustments",
        {"person_id": expert_at_riverside.pk, "category": "magic", "details": "x"},
        content_type="application/json",
    )
    assert answer.status_code == 422
