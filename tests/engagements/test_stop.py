"""The power to stop, take time out or ask for support: recorded, the contact person told,
no reason asked, and pay for the booked time untouched."""

from __future__ import annotations

import pytest
from django.core import mail

from powerwith.core.errors import InvalidInput, NotAllowed
from powerwith.engagements.models import Attendance, StopEvent, StopKind
from powerwith.engagements.queries import paid_attendance
from powerwith.engagements.services.stop import stop_or_time_out
from powerwith.inbox.models import ActionKind, ActionNeeded
from tests.conftest import api_client_for, logged_in, make_expert
from tests.engagements.factories import booked, expert_membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(riverside_coordinator, riverside_contact, expert_at_riverside):
    return booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)


def me(booking):
    return expert_membership(booking.person, booking.session.opportunity.organisation_id)


def test_the_person_takes_time_out_and_the_contact_person_is_told(
    booking, riverside_contact, django_capture_on_commit_callbacks
):
    session = booking.session
    with django_capture_on_commit_callbacks(execute=True):
        event = stop_or_time_out(
            person=booking.person,
            session=session,
            opportunity=session.opportunity,
            kind=StopKind.TIME_OUT,
            by=me(booking),
        )
    assert (event.kind, event.session, event.recorded_by) == (
        StopKind.TIME_OUT,
        session,
        booking.person.user,
    )
    task = ActionNeeded.objects.get()
    assert (task.assignee, task.kind, task.key) == (
        riverside_contact.user,
        ActionKind.STOPPED,
        f"stop:{event.pk}",
    )
    assert mail.outbox[0].to == ["contact@riverside.example"]
    assert "Alex is taking time out" in mail.outbox[0].subject
    assert "not affected" in mail.outbox[0].body


def test_stopping_never_changes_the_booking_or_its_paid_minutes(booking, riverside_coordinator):
    session = booking.session
    Attendance.objects.filter(pk=booking.pk).update(attended=True)
    before = Attendance.objects.filter(pk=booking.pk).values().get()
    minutes_before = session.minutes
    for kind in StopKind.values:
        stop_or_time_out(
            person=booking.person,
            session=session,
            opportunity=session.opportunity,
            kind=kind,
            by=me(booking),
        )
    assert Attendance.objects.filter(pk=booking.pk).values().get() == before
    session.refresh_from_db()
    assert session.minutes == minutes_before
    # Once the session has happened it still counts in full as paid work attended.
    organisation_id = session.opportunity.organisation_id
    counted = paid_attendance(organisation_id, session.ends_at).filter(pk=booking.pk)
    assert counted.get().session.minutes == minutes_before


def test_staff_can_record_it_for_the_person(booking, riverside_coordinator):
    session = booking.session
    event = stop_or_time_out(
        person=booking.person,
        session=session,
        opportunity=session.opportunity,
        kind=StopKind.STOP,
        by=riverside_coordinator,
    )
    assert event.recorded_by == riverside_coordinator.user


def test_an_unknown_kind_is_refused_and_nothing_is_written(booking):
    session = booking.session
    with pytest.raises(InvalidInput):
        stop_or_time_out(
            person=booking.person,
            session=session,
            opportunity=session.opportunity,
            kind="reason",
            by=me(booking),
        )
    assert not StopEvent.objects.exists()
    assert not ActionNeeded.objects.exists()


def test_no_one_records_it_for_someone_else_or_across_organisations(
    riverside, booking, riverside_auditor, hillview_coordinator
):
    session = booking.session
    other = make_expert("jo@people.example", "Jo", riverside)
    for by in (expert_membership(other, riverside.pk), riverside_auditor, hillview_coordinator):
        with pytest.raises(NotAllowed):
            stop_or_time_out(
                person=booking.person,
                session=session,
                opportunity=session.opportunity,
                kind=StopKind.STOP,
                by=by,
            )
    assert not StopEvent.objects.exists()


def test_the_stop_page_offers_three_choices_and_asks_no_reason(client, booking):
    logged_in(client, booking.person.user)
    page = client.get(f"/my-sessions/{booking.session_id}/stop/")
    html = page.content.decode()
    assert page.status_code == 200
    for words in ("Take time out", "Stop", "Ask for support", "do not have to give a reason"):
        assert words in html
    assert "<textarea" not in html


def test_pressing_take_time_out_records_it_and_says_pay_is_not_affected(client, booking):
    logged_in(client, booking.person.user)
    page = client.post(
        f"/my-sessions/{booking.session_id}/stop/", {"kind": "time_out"}, follow=True
    )
    assert page.status_code == 200
    assert "pay for the booked time is not affected" in page.content.decode()
    assert StopEvent.objects.get().kind == StopKind.TIME_OUT


def test_an_unknown_choice_on_the_stop_page_is_explained_and_records_nothing(client, booking):
    logged_in(client, booking.person.user)
    page = client.post(f"/my-sessions/{booking.session_id}/stop/", {"kind": "nap"})
    assert page.status_code == 400
    html = page.content.decode()
    assert "govuk-error-summary" in html
    assert "<title>Error:" in html
    assert not StopEvent.objects.exists()


def test_the_stop_page_of_a_session_the_person_is_not_booked_into_is_not_found(
    client, riverside, booking
):
    other = make_expert("jo@people.example", "Jo", riverside)
    assert other.user is not None
    logged_in(client, other.user)
    assert client.get(f"/my-sessions/{booking.session_id}/stop/").status_code == 404
    assert (
        client.post(f"/my-sessions/{booking.session_id}/stop/", {"kind": "stop"}).status_code == 404
    )
    assert not StopEvent.objects.exists()


def test_staff_record_a_stop_from_the_session(client, booking, riverside_contact):
    logged_in(client, riverside_contact.user)
    client.post(
        f"/sessions/{booking.session_id}/record-stop/",
        {"person_id": booking.person_id, "kind": "support", "next": "/action-needed/"},
    )
    assert StopEvent.objects.get().recorded_by == riverside_contact.user


def test_staff_of_another_organisation_cannot_record_one(client, booking, hillview_coordinator):
    logged_in(client, hillview_coordinator.user)
    response = client.post(
        f"/sessions/{booking.session_id}/record-stop/",
        {"person_id": booking.person_id, "kind": "support"},
    )
    assert response.status_code == 404
    assert not StopEvent.objects.exists()


def test_the_api_records_a_stop_for_the_person_themself(booking):
    session = booking.session
    response = api_client_for(me(booking)).post(
        "/api/v1/stop",
        {"opportunity_id": session.opportunity_id, "session_id": session.pk, "kind": "stop"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "stop"
    assert StopEvent.objects.get().person == booking.person


def test_the_api_refuses_bad_input_and_other_organisations(booking, hillview_coordinator):
    session = booking.session
    expert = api_client_for(me(booking))
    bad = expert.post(
        "/api/v1/stop",
        {"opportunity_id": session.opportunity_id, "kind": "because"},
        content_type="application/json",
    )
    assert bad.status_code == 422
    elsewhere = api_client_for(hillview_coordinator).post(
        "/api/v1/stop",
        {
            "opportunity_id": session.opportunity_id,
            "kind": "stop",
            "person_id": booking.person_id,
        },
        content_type="application/json",
    )
    assert elsewhere.status_code == 404
    assert not StopEvent.objects.exists()


def test_staff_record_a_stop_over_the_api_for_a_booked_person(booking, riverside_contact):
    session = booking.session
    response = api_client_for(riverside_contact).post(
        "/api/v1/stop",
        {
            "opportunity_id": session.opportunity_id,
            "kind": "time_out",
            "person_id": booking.person_id,
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert StopEvent.objects.get().recorded_by == riverside_contact.user
