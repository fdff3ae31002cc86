"""The staff's session pages and the person's own: the booking gate from a page, changes
to a session, attendance, and who may see what."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from powerwith.accounts.models import AuditEvent
from powerwith.core.errors import Conflict
from powerwith.engagements.models import Attendance, BookingStatus, Session
from powerwith.engagements.services.sessions import add_session
from powerwith.opportunities.rules import SessionInput
from powerwith.workflows.changing_work import set_sessions
from tests.conftest import date_fields, logged_in, make_expert
from tests.engagements.factories import accepted_offer, booked, consents
from tests.offers.factories import sent_offer

pytestmark = pytest.mark.django_db


def first_session(offer) -> Session:
    return Session.objects.filter(opportunity=offer.opportunity).earliest("starts_at")


def test_the_session_page_lists_who_can_be_booked_and_why_not(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    session = first_session(offer)
    page = logged_in(client, riverside_coordinator.user).get(f"/sessions/{session.pk}/")
    assert page.status_code == 200
    assert "Alex has not given consent to take part in this opportunity." in page.text
    consents(expert_at_riverside, offer, "take_part")
    page = client.get(f"/sessions/{session.pk}/")
    assert 'Book<span class="govuk-visually-hidden"> Alex' in page.text


def test_booking_from_the_page_books_the_person(
    client, riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    session = first_session(offer)
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(client, riverside_coordinator.user).post(
            f"/sessions/{session.pk}/bookings/", {"person_id": expert_at_riverside.pk}
        )
    assert response.status_code == 302
    assert Attendance.objects.get(session=session).is_booked


def test_booking_without_consent_says_why_and_writes_nothing(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    session = first_session(offer)
    response = logged_in(client, riverside_coordinator.user).post(
        f"/sessions/{session.pk}/bookings/", {"person_id": expert_at_riverside.pk}
    )
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "has not given consent to take part" in response.text
    assert not Attendance.objects.exists()


def test_booking_without_an_accepted_offer_says_why_and_writes_nothing(
    client, riverside_coordinator, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    response = logged_in(client, riverside_coordinator.user).post(
        f"/sessions/{first_session(offer).pk}/bookings/", {"person_id": expert_at_riverside.pk}
    )
    assert "has not accepted an offer of work" in response.text
    assert not Attendance.objects.exists()


def test_a_recorded_session_needs_be_recorded_consent_from_the_page(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    session = first_session(offer)
    session.recorded = True
    session.save()
    response = logged_in(client, riverside_coordinator.user).post(
        f"/sessions/{session.pk}/bookings/", {"person_id": expert_at_riverside.pk}
    )
    assert "has not given consent to be recorded" in response.text
    assert not Attendance.objects.exists()


def test_a_session_cannot_be_made_recorded_while_someone_booked_has_not_consented(
    client, riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    session = booking.session
    local = timezone.localtime(session.starts_at)
    response = logged_in(client, riverside_coordinator.user).post(
        f"/sessions/{session.pk}/change/",
        {
            **date_fields("day", local.date()),
            "time": local.strftime("%H:%M"),
            "minutes": session.minutes,
            "place": "",
            "recorded": "on",
        },
    )
    assert response.status_code == 400
    assert "Alex has not given consent to be recorded" in response.text
    session.refresh_from_db()
    assert not session.recorded


def test_a_coordinator_adds_a_session_and_changes_its_place(
    client, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    day = (timezone.localtime() + timedelta(days=20)).date()
    logged_in(client, riverside_coordinator.user)
    response = client.post(
        f"/opportunities/{offer.opportunity_id}/sessions/new/",
        {**date_fields("day", day), "time": "14:30", "minutes": "90", "place": "Room 4"},
    )
    assert response.status_code == 302
    session = Session.objects.get(opportunity=offer.opportunity, place="Room 4")
    assert timezone.localtime(session.starts_at).hour == 14
    assert session.where == "Room 4"
    assert AuditEvent.objects.filter(action="session.added").exists()
    page = client.get(f"/opportunities/{offer.opportunity_id}/sessions/")
    assert "Room 4" in page.text


def test_a_session_in_the_past_is_refused(client, riverside_coordinator, expert_at_riverside):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    day = (timezone.localtime() - timedelta(days=2)).date()
    response = logged_in(client, riverside_coordinator.user).post(
        f"/opportunities/{offer.opportunity_id}/sessions/new/",
        {**date_fields("day", day), "time": "10:00", "minutes": "60"},
    )
    assert response.status_code == 400
    assert "A session must start in the future." in response.text
    assert Session.objects.filter(opportunity=offer.opportunity).count() == 1


def test_cancelling_a_session_cancels_its_bookings(
    client, riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    with django_capture_on_commit_callbacks(execute=True):
        logged_in(client, riverside_coordinator.user).post(
            f"/sessions/{booking.session_id}/cancel/", {"reason": "The room flooded"}
        )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.cancel_reason == "The room flooded"
    assert Session.objects.get(pk=booking.session_id).cancelled_at is not None


def test_attendance_is_recorded_once_the_session_has_started(
    client, riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    logged_in(client, riverside_coordinator.user)
    url = f"/sessions/{booking.session_id}/bookings/{booking.pk}/attendance/"
    response = client.post(url, {"attended": "yes"})
    assert "Attendance can be recorded once the session has started." in response.text
    booking.refresh_from_db()
    assert not booking.attended
    Session.objects.filter(pk=booking.session_id).update(
        starts_at=timezone.now() - timedelta(hours=1)
    )
    assert client.post(url, {"attended": "yes"}).status_code == 302
    booking.refresh_from_db()
    assert booking.attended


def test_another_organisations_session_is_not_found(
    client, riverside_coordinator, hillview_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    logged_in(client, hillview_coordinator.user)
    assert client.get(f"/sessions/{booking.session_id}/").status_code == 404
    assert (
        client.get(f"/opportunities/{booking.session.opportunity_id}/sessions/").status_code == 404
    )
    response = client.post(f"/sessions/{booking.session_id}/bookings/{booking.pk}/cancel/")
    assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.is_booked


def test_a_contact_person_reads_only_the_sessions_they_are_contact_for(
    client, riverside_coordinator, riverside_contact, expert_at_riverside
):
    theirs = booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    other = accepted_offer(
        riverside_coordinator,
        make_expert("kim@people.example", "Kim", riverside_coordinator.organisation),
    )
    logged_in(client, riverside_contact.user)
    page = client.get(f"/sessions/{theirs.session_id}/")
    assert page.status_code == 200
    assert "Cancel booking" not in page.text
    assert client.get(f"/sessions/{first_session(other).pk}/").status_code == 404


def test_an_auditor_can_neither_read_nor_book_sessions(
    client, riverside_coordinator, riverside_auditor, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    session = first_session(offer)
    logged_in(client, riverside_auditor.user)
    assert client.get(f"/sessions/{session.pk}/").status_code == 404  # it names people
    response = client.post(
        f"/sessions/{session.pk}/bookings/", {"person_id": expert_at_riverside.pk}
    )
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_an_expert_sees_their_own_sessions_and_not_the_staff_page(
    client, riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    assert expert_at_riverside.user is not None
    logged_in(client, expert_at_riverside.user)
    listing = client.get("/my-sessions/")
    assert listing.status_code == 200
    assert booking.session.opportunity.title in listing.text
    page = client.get(f"/my-sessions/{booking.session_id}/")
    assert page.status_code == 200
    assert "Your contact person" in page.text
    assert "Riverside House, 1 Mill Lane, Leeds" in page.text
    assert client.get(f"/sessions/{booking.session_id}/").status_code == 404


def test_a_person_cannot_open_a_session_they_are_not_booked_into(
    client, riverside_coordinator, expert_at_riverside
):
    other = make_expert("kim@people.example", "Kim", riverside_coordinator.organisation)
    booking = booked(riverside_coordinator, other)
    assert expert_at_riverside.user is not None
    logged_in(client, expert_at_riverside.user)
    assert client.get(f"/my-sessions/{booking.session_id}/").status_code == 404


def test_past_and_upcoming_sessions_are_listed_apart(
    client, riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    later = add_session(
        booking.session.opportunity,
        by=riverside_coordinator,
        starts_at=timezone.now() + timedelta(days=90),
        minutes=60,
        place="The Library",
    )
    Session.objects.filter(pk=booking.session_id).update(
        starts_at=timezone.now() - timedelta(days=1)
    )
    assert expert_at_riverside.user is not None
    page = logged_in(client, expert_at_riverside.user).get("/my-sessions/")
    coming, _, past = page.text.partition("Past sessions")
    assert f"/my-sessions/{booking.session_id}/" in past
    assert f"/my-sessions/{later.pk}/" not in coming  # not booked into it


def test_a_longer_session_in_the_opportunitys_terms_moves_the_end_check(
    riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    session = booking.session
    set_sessions(
        session.opportunity,
        by=riverside_coordinator,
        sessions=[SessionInput(starts_at=session.starts_at, minutes=session.minutes + 60)],
    )
    end_check = booking.wellbeing_checks.get(kind="end")
    assert end_check.due_at == session.starts_at + timedelta(minutes=session.minutes + 60)


def test_the_opportunitys_terms_never_delete_a_session_with_a_booking(
    riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    with pytest.raises(Conflict, match="cannot be removed"):
        set_sessions(booking.session.opportunity, by=riverside_coordinator, sessions=[])
    booking.refresh_from_db()
    assert booking.is_booked
    assert booking.wellbeing_checks.count() == 3
