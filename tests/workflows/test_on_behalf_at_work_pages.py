"""The pages where staff record, on the person's word, that they want time out (or to
stop, or support) and an adjustment they asked for: the same services and record of how
they told staff as the API, a confirmation to the person, and a refusal for a person who
answers for themself."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from powerwith.engagements.models import Adjustment, StopEvent
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.people.models import ActedFor
from powerwith.people.services.acting import allow_staff_to_act
from tests.conftest import logged_in
from tests.engagements.factories import booked
from tests.workflows.factories import booked_on_their_word, no_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(riverside_coordinator, riverside_contact):
    riverside_coordinator.user.full_name = "Hannah Clarke"
    riverside_coordinator.user.save()
    person = no_login(riverside_coordinator)
    return booked_on_their_word(riverside_coordinator, person, contact=riverside_contact.user)


def stop_page(booking) -> str:
    return reverse("engagements:booking_record_stop", args=[booking.pk])


def adjustment_page(booking) -> str:
    return reverse("engagements:booking_record_adjustment", args=[booking.pk])


def test_the_session_page_links_to_both_record_pages(client, booking, riverside_coordinator):
    page = logged_in(client, riverside_coordinator.user).get(
        reverse("engagements:session", args=[booking.session_id])
    )
    html = page.content.decode()
    assert stop_page(booking) in html
    assert adjustment_page(booking) in html
    assert "Record that Nia wants time out, to stop or support" in html


def test_time_out_told_on_the_phone_is_recorded_with_how(client, booking, riverside_coordinator):
    browser = logged_in(client, riverside_coordinator.user)
    assert browser.get(stop_page(booking)).status_code == 200
    response = browser.post(
        stop_page(booking),
        {"kind": "time_out", "scope": "all", "method": "phone", "told_note": "She rang."},
    )
    assert response.status_code == 302
    event = StopEvent.objects.get(person=booking.person)
    assert (event.kind, event.session_id) == ("time_out", None)
    acted = ActedFor.objects.get(subject="stop_event")
    assert (acted.subject_id, acted.method, acted.note) == (event.pk, "phone", "She rang.")
    page = browser.get(response["Location"]).content.decode()
    assert "Recorded for Nia. Their contact person has been told." in page


def test_a_stop_can_be_about_this_session(client, booking, riverside_coordinator):
    logged_in(client, riverside_coordinator.user).post(
        stop_page(booking), {"kind": "stop", "scope": "this", "method": "in_person"}
    )
    event = StopEvent.objects.get(person=booking.person)
    assert (event.kind, event.session_id) == ("stop", booking.session_id)


def test_the_person_without_email_is_told_through_staff(client, booking, riverside_coordinator):
    logged_in(client, riverside_coordinator.user).post(
        stop_page(booking), {"kind": "time_out", "scope": "all", "method": "letter"}
    )
    acted = ActedFor.objects.get(subject="stop_event")
    told = ActionNeeded.objects.get(kind=ActionKind.TELL_PERSON, key=f"tell:{acted.pk}")
    assert "You told Hannah Clarke in your letter that you want to take time out" in told.title


def test_a_person_with_an_email_gets_the_confirmation_by_email(
    client, riverside_coordinator, riverside_contact, django_capture_on_commit_callbacks
):
    riverside_coordinator.user.full_name = "Hannah Clarke"
    riverside_coordinator.user.save()
    person = no_login(riverside_coordinator, email="nia@people.example")
    booking = booked_on_their_word(riverside_coordinator, person, contact=riverside_contact.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        logged_in(client, riverside_coordinator.user).post(
            adjustment_page(booking),
            {"details": "A quiet room.", "scope": "all", "method": "supporter"},
        )
    [message] = [m for m in mail.outbox if m.to == ["nia@people.example"]]
    assert "You told Hannah Clarke through your supporter that you would like an adjustment" in (
        message.body
    )


def test_an_adjustment_told_in_person_is_recorded_with_how(client, booking, riverside_coordinator):
    response = logged_in(client, riverside_coordinator.user).post(
        adjustment_page(booking),
        {
            "category": "timing",
            "details": "A break every half hour.",
            "scope": "this",
            "method": "in_person",
        },
    )
    assert response.status_code == 302
    adjustment = Adjustment.objects.get(person=booking.person)
    assert adjustment.details == "A break every half hour."
    assert adjustment.session_id == booking.session_id
    acted = ActedFor.objects.get(subject="adjustment")
    assert (acted.subject_id, acted.method) == (adjustment.pk, "in_person")


def test_an_unknown_kind_of_adjustment_is_named_in_plain_words_and_changes_nothing(
    client, booking, riverside_coordinator
):
    response = logged_in(client, riverside_coordinator.user).post(
        adjustment_page(booking),
        {"category": "levitation", "details": "A quiet room.", "scope": "this", "method": "phone"},
    )
    assert response.status_code == 400
    assert "Choose a kind of adjustment from the list" in response.content.decode()
    assert "Select a valid choice" not in response.content.decode()
    assert not Adjustment.objects.exists()


@pytest.mark.parametrize("page", [stop_page, adjustment_page])
def test_an_empty_form_says_what_is_missing_and_changes_nothing(
    client, booking, riverside_coordinator, page
):
    response = logged_in(client, riverside_coordinator.user).post(page(booking), {})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Choose how the person told you" in html
    assert not StopEvent.objects.exists()
    assert not Adjustment.objects.exists()
    assert not ActedFor.objects.filter(subject__in=["stop_event", "adjustment"]).exists()


@pytest.mark.parametrize("page", [stop_page, adjustment_page])
def test_the_pages_refuse_for_a_person_with_a_login_who_has_not_allowed_it(
    client, riverside_coordinator, expert_at_riverside, page
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    browser = logged_in(client, riverside_coordinator.user)
    assert "has a login of their own" in browser.get(page(booking)).content.decode()
    response = browser.post(
        page(booking),
        {"kind": "time_out", "details": "A break.", "scope": "all", "method": "phone"},
    )
    assert response.status_code == 403
    assert "has a login of their own" in response.content.decode()
    assert not StopEvent.objects.exists()
    assert not Adjustment.objects.exists()
    assert not ActedFor.objects.exists()


def test_the_session_page_offers_no_links_for_a_person_who_answers_for_themself(
    client, riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    html = (
        logged_in(client, riverside_coordinator.user)
        .get(reverse("engagements:session", args=[booking.session_id]))
        .content.decode()
    )
    assert stop_page(booking) not in html


def test_a_person_who_allowed_it_can_have_time_out_recorded(
    client, riverside_coordinator, expert_at_riverside
):
    allow_staff_to_act(expert_at_riverside, user=expert_at_riverside.user, allowed=True)
    booking = booked(riverside_coordinator, expert_at_riverside)
    response = logged_in(client, riverside_coordinator.user).post(
        stop_page(booking), {"kind": "time_out", "scope": "all", "method": "phone"}
    )
    assert response.status_code == 302
    assert StopEvent.objects.filter(person=expert_at_riverside).exists()


def test_another_organisation_cannot_reach_the_pages(client, booking, hillview_coordinator):
    browser = logged_in(client, hillview_coordinator.user)
    assert browser.get(stop_page(booking)).status_code == 404
    assert browser.get(adjustment_page(booking)).status_code == 404


def test_an_auditor_cannot_reach_the_pages(client, booking, riverside_auditor):
    assert logged_in(client, riverside_auditor.user).get(stop_page(booking)).status_code == 404
