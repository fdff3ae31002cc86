"""Staff recording, on the person's word, a wellbeing check, time out, and a request for
an adjustment, over the API: the same rules as for answering an offer."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from powerwith.engagements.models import Adjustment, CheckKind, StopEvent
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.people.models import ActedFor
from tests.conftest import api_client_for, make_member
from tests.engagements.factories import booked
from tests.workflows.factories import booked_on_their_word, no_login

pytestmark = pytest.mark.django_db

JSON = "application/json"
BY_PHONE = {"method": "phone", "note": "She rang the office."}


def post(membership, path, body):
    return api_client_for(membership).post(f"/api/v1{path}", body, content_type=JSON)


@pytest.fixture
def booking(riverside_coordinator, riverside_contact):
    riverside_coordinator.user.full_name = "Hannah Clarke"
    riverside_coordinator.user.save()
    person = no_login(riverside_coordinator)
    return booked_on_their_word(riverside_coordinator, person, contact=riverside_contact.user)


def on_the_day(booking):
    return time_machine.travel(booking.session.starts_at - timedelta(hours=2), tick=False)


def test_a_wellbeing_check_answered_on_the_phone_is_recorded_with_how(
    booking, riverside_coordinator
):
    check = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
    with on_the_day(booking):
        response = post(
            riverside_coordinator,
            f"/wellbeing-checks/{check.pk}",
            {"feeling": 4, "on_behalf": BY_PHONE},
        )
    assert response.status_code == 200
    assert response.json()["feeling"] == 4
    acted = ActedFor.objects.get(subject="wellbeing_check")
    assert (acted.subject_id, acted.method, acted.note) == (check.pk, "phone", BY_PHONE["note"])
    told = ActionNeeded.objects.get(kind=ActionKind.TELL_PERSON, key=f"tell:{acted.pk}")
    assert "You told Hannah Clarke on the phone that you answered your wellbeing check" in (
        told.title
    )


def test_time_out_told_in_person_is_recorded(booking, riverside_coordinator):
    response = post(
        riverside_coordinator,
        "/stop",
        {
            "opportunity_id": booking.session.opportunity_id,
            "person_id": booking.person_id,
            "kind": "time_out",
            "on_behalf": {"method": "in_person"},
        },
    )
    assert response.status_code == 201
    event = StopEvent.objects.get()
    acted = ActedFor.objects.get(subject="stop_event")
    assert (acted.subject_id, acted.method) == (event.pk, "in_person")
    assert "you want to take time out" in acted.words


def test_an_adjustment_asked_for_by_letter_is_recorded(booking, riverside_coordinator):
    response = post(
        riverside_coordinator,
        f"/sessions/{booking.session_id}/adjustments",
        {
            "person_id": booking.person_id,
            "details": "A ground-floor room, please.",
            "on_behalf": {"method": "letter"},
        },
    )
    assert response.status_code == 201
    adjustment = Adjustment.objects.get(pk=response.json()["id"])
    acted = ActedFor.objects.get(subject="adjustment")
    assert (acted.subject_id, acted.method) == (adjustment.pk, "letter")


def test_staff_cannot_record_these_for_a_person_with_a_login_who_has_not_allowed_it(
    riverside_coordinator, riverside_contact, expert_at_riverside
):
    attendance = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    check = attendance.wellbeing_checks.get(kind=CheckKind.BEFORE)
    with on_the_day(attendance):
        answer = post(
            riverside_coordinator,
            f"/wellbeing-checks/{check.pk}",
            {"feeling": 4, "on_behalf": BY_PHONE},
        )
    stop = post(
        riverside_coordinator,
        "/stop",
        {
            "opportunity_id": attendance.session.opportunity_id,
            "person_id": attendance.person_id,
            "kind": "stop",
            "on_behalf": BY_PHONE,
        },
    )
    adjustment = post(
        riverside_coordinator,
        f"/sessions/{attendance.session_id}/adjustments",
        {"person_id": attendance.person_id, "details": "Large print", "on_behalf": BY_PHONE},
    )
    for response in (answer, stop, adjustment):
        assert response.status_code == 403
        assert "has a login of their own" in response.json()["detail"]
    check.refresh_from_db()
    assert not check.is_done
    assert not StopEvent.objects.exists()
    assert not ActedFor.objects.exists()


def test_another_organisation_cannot_record_them(booking, hillview_coordinator):
    check = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
    with on_the_day(booking):
        response = post(
            hillview_coordinator,
            f"/wellbeing-checks/{check.pk}",
            {"feeling": 4, "on_behalf": BY_PHONE},
        )
    assert response.status_code == 404
    assert not ActedFor.objects.filter(subject="wellbeing_check").exists()


def test_a_contact_person_of_other_work_cannot_record_them(riverside, booking):
    other = make_member(riverside, "other-contact@riverside.example", "contact")
    response = post(
        other,
        "/stop",
        {
            "opportunity_id": booking.session.opportunity_id,
            "person_id": booking.person_id,
            "kind": "stop",
            "on_behalf": BY_PHONE,
        },
    )
    assert response.status_code == 404
    assert not StopEvent.objects.exists()
