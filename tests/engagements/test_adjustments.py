"""Reasonable adjustments: asked for by the person (or recorded for them by staff),
confirmed by the contact person, and flagged when still unconfirmed close to the day."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from powerwith.core.errors import NotAllowed
from powerwith.engagements.models import Adjustment, AdjustmentStatus
from powerwith.engagements.reminders.sessions import sweep
from powerwith.engagements.services.adjustments import confirm_adjustment, request_adjustment
from powerwith.inbox.models import ActionKind, ActionNeeded
from tests.conftest import logged_in, make_expert
from tests.engagements.factories import booked

pytestmark = pytest.mark.django_db


def ask(booking, details="Papers in large print.", category="sensory", session=None):
    assert booking.person.user is not None
    return request_adjustment(
        person=booking.person,
        opportunity=booking.session.opportunity,
        by=booking.person.user,
        category=category,
        details=details,
        session=session,
    )


def test_the_request_form_is_filled_in_from_the_profile(
    client, riverside_coordinator, expert_at_riverside
):
    expert_at_riverside.adjustments = {"timing": "A ten minute break every hour."}
    expert_at_riverside.save()
    booking = booked(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    page = logged_in(client, expert_at_riverside.user).get(
        f"/my-sessions/{booking.session_id}/adjustments/"
    )
    assert page.status_code == 200
    assert "A ten minute break every hour." in page.text


def test_a_person_asks_and_their_contact_person_is_told_at_once(
    client, riverside_coordinator, riverside_contact, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    assert expert_at_riverside.user is not None
    response = logged_in(client, expert_at_riverside.user).post(
        f"/my-sessions/{booking.session_id}/adjustments/",
        {"scope": "all", "details_timing": "A break every hour.", "details_other": "A quiet room."},
    )
    assert response.status_code == 302
    asked = Adjustment.objects.order_by("pk")
    assert [(a.category, a.details) for a in asked] == [
        ("timing", "A break every hour."),
        ("", "A quiet room."),
    ]
    tasks = ActionNeeded.objects.filter(assignee=riverside_contact.user, kind=ActionKind.ADJUSTMENT)
    assert tasks.count() == 2


def test_an_empty_request_is_refused_and_writes_nothing(
    client, riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    response = logged_in(client, expert_at_riverside.user).post(
        f"/my-sessions/{booking.session_id}/adjustments/", {"scope": "all"}
    )
    assert response.status_code == 400
    assert "Say what would help" in response.text
    assert not Adjustment.objects.exists()


def test_staff_record_a_request_on_the_persons_behalf(
    client, riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    response = logged_in(client, riverside_coordinator.user).post(
        f"/sessions/{booking.session_id}/adjustments/new/",
        {
            "person": expert_at_riverside.pk,
            "category": "practical",
            "details": "A ramp.",
            "scope": "this",
        },
    )
    assert response.status_code == 302
    adjustment = Adjustment.objects.get()
    assert adjustment.session_id == booking.session_id
    assert adjustment.requested_by == riverside_coordinator.user


def test_the_contact_person_confirms_from_the_session_checklist(
    client, riverside_coordinator, riverside_contact, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    adjustment = ask(booking)
    logged_in(client, riverside_contact.user)
    page = client.get(f"/sessions/{booking.session_id}/")
    assert "Papers in large print." in page.text
    assert "Requested" in page.text
    client.post(f"/adjustments/{adjustment.pk}/confirm/", {"session_id": booking.session_id})
    adjustment.refresh_from_db()
    assert adjustment.status == AdjustmentStatus.CONFIRMED
    assert adjustment.confirmed_by == riverside_contact.user
    assert not ActionNeeded.objects.filter(key=f"adjustment:{adjustment.pk}", done_at=None)
    assert "Confirmed" in client.get(f"/sessions/{booking.session_id}/").text


def test_a_contact_person_of_other_work_cannot_confirm(
    riverside_coordinator, riverside_contact, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    adjustment = ask(booking)
    with pytest.raises(NotAllowed):
        confirm_adjustment(adjustment, by=riverside_contact)
    adjustment.refresh_from_db()
    assert adjustment.status == AdjustmentStatus.REQUESTED


def test_someone_without_an_offer_cannot_ask(riverside, riverside_coordinator, expert_at_riverside):
    booking = booked(riverside_coordinator, expert_at_riverside)
    other = make_expert("kim@people.example", "Kim", riverside)
    assert other.user is not None
    with pytest.raises(NotAllowed):
        request_adjustment(
            person=other,
            opportunity=booking.session.opportunity,
            by=other.user,
            details="Anything",
        )


def test_another_organisations_staff_cannot_confirm(
    client, riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    adjustment = ask(booked(riverside_coordinator, expert_at_riverside))
    response = logged_in(client, hillview_coordinator.user).post(
        f"/adjustments/{adjustment.pk}/confirm/"
    )
    assert response.status_code == 404
    adjustment.refresh_from_db()
    assert adjustment.status == AdjustmentStatus.REQUESTED


def test_an_unconfirmed_adjustment_is_flagged_three_days_ahead_once(
    riverside_coordinator, riverside_contact, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    ask(booking)
    starts = booking.session.starts_at
    assert sweep(starts - timedelta(days=4)) == 0
    flagged = sweep(starts - timedelta(days=2))
    assert flagged == 2  # the coordinator who made the opportunity, and the contact person
    key = f"adjustments-unconfirmed:{booking.session_id}"
    assignees = set(
        ActionNeeded.objects.filter(key=key, done_at=None).values_list("assignee", flat=True)
    )
    assert assignees == {riverside_coordinator.user_id, riverside_contact.user_id}
    assert sweep(starts - timedelta(days=1)) == 0


def test_a_confirmed_adjustment_is_not_flagged_and_confirming_clears_the_flag(
    riverside_coordinator, riverside_contact, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    adjustment = ask(booking)
    starts = booking.session.starts_at
    sweep(starts - timedelta(days=2))
    confirm_adjustment(adjustment, by=riverside_contact)
    key = f"adjustments-unconfirmed:{booking.session_id}"
    assert not ActionNeeded.objects.filter(key=key, done_at=None).exists()
    assert sweep(starts - timedelta(days=1)) == 0
    assert timezone.now() < starts
