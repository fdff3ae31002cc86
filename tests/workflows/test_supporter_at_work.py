"""A supporter taking time out, stopping or asking for support for the person, through
their own login: the person's own stop (their contact person told, the booked time paid as
agreed, no reason asked), recorded as done by the supporter for the person, confirmed to
the person by their own channel, and only for what the person lets the supporter do."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Attendance, Session, StopEvent
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.people.models import ActedFor, Person
from tests.conftest import logged_in
from tests.engagements.factories import booked
from tests.people.factories import (
    assert_not_found,
    only_messages,
    removed_by_the_person,
    supporter_with_login,
)

pytestmark = pytest.mark.django_db

TIME_OUT = {"kind": "time_out", "scope": "this", "agreed": "on"}


def stop_page(booking: Attendance) -> str:
    return f"/supporting/bookings/{booking.pk}/stop/"


@pytest.fixture
def booking(riverside_coordinator: Membership, riverside_contact: Membership, expert_at_riverside):
    return booked(
        riverside_coordinator,
        expert_at_riverside,
        title="Listening event",
        contact=riverside_contact.user,
    )


def test_the_supporters_page_lists_the_persons_sessions_at_every_organisation(
    client: Client,
    riverside_coordinator: Membership,
    hillview_coordinator: Membership,
    expert_at_both: Person,
) -> None:
    here = booked(riverside_coordinator, expert_at_both, title="Listening event")
    there = booked(hillview_coordinator, expert_at_both, title="Ward design panel")
    _, user = supporter_with_login(expert_at_both, "answer_for")
    page = logged_in(client, user).get("/supporting/").content.decode()
    assert "Listening event, from Riverside Care Partnership" in page
    assert "Ward design panel, from Hillview Health NHS Foundation Trust" in page
    assert stop_page(here) in page
    assert stop_page(there) in page


def test_a_session_already_past_is_not_listed(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    Session.objects.filter(pk=booking.session_id).update(
        starts_at=timezone.now() - timedelta(days=3)
    )
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    assert stop_page(booking) not in logged_in(client, user).get("/supporting/").content.decode()


def test_a_supporter_who_may_answer_takes_time_out_for_the_person(
    client: Client,
    booking: Attendance,
    riverside_contact: Membership,
    expert_at_riverside: Person,
    django_capture_on_commit_callbacks,
) -> None:
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    page = browser.get(stop_page(booking)).content.decode()
    # Nothing asks why: the charter's stop at any time, without giving a reason.
    assert "do not have to give a reason" in page
    assert "<textarea" not in page
    before = Attendance.objects.filter(pk=booking.pk).values().get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(stop_page(booking), TIME_OUT)
    assert response.status_code == 302
    assert response["Location"] == "/supporting/"
    event = StopEvent.objects.get()
    assert (event.person, event.kind, event.session_id, event.recorded_by) == (
        expert_at_riverside,
        "time_out",
        booking.session_id,
        user,
    )
    # The booking, and so the pay for the booked time, is what it was.
    assert Attendance.objects.filter(pk=booking.pk).values().get() == before
    # The contact person is told, as when the person stops themself.
    task = ActionNeeded.objects.get(kind=ActionKind.STOPPED)
    assert task.assignee == riverside_contact.user
    assert "Alex is taking time out: Listening event" in task.title
    assert [m.subject for m in mail.outbox if m.to == [riverside_contact.user.email]] == [
        "Alex is taking time out"
    ]
    acted = ActedFor.objects.get()
    assert (acted.subject, acted.subject_id, acted.method) == ("stop_event", event.pk, "supporter")
    assert (acted.recorded_by, acted.supporter) == (user, supporter)
    assert acted.organisation == booking.session.opportunity.organisation
    # The person hears of it by their own channel, naming the supporter.
    [told] = [m for m in mail.outbox if m.to == [expert_at_riverside.email]]
    assert (
        "Sam Green, your supporter, told us that you want to take time out from the work: "
        "Listening event" in told.body
    )
    assert "your pay for the time booked does not change" in told.body
    shown = browser.get("/supporting/").content.decode()
    assert "You told us that Alex wants to take time out." in shown


def test_it_can_be_about_the_work_as_a_whole(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    response = logged_in(client, user).post(
        stop_page(booking), {"kind": "stop", "scope": "all", "agreed": "on"}
    )
    assert response.status_code == 302
    event = StopEvent.objects.get()
    assert (event.kind, event.session_id) == ("stop", None)
    assert "told us that you want to stop from the work" in ActedFor.objects.get().words


def test_the_person_sees_who_acted_on_their_session_page(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    logged_in(client, user).post(
        stop_page(booking), {"kind": "support", "scope": "this", "agreed": "on"}
    )
    assert expert_at_riverside.user is not None
    page = (
        logged_in(Client(), expert_at_riverside.user)
        .get(f"/my-sessions/{booking.session_id}/")
        .content.decode()
    )
    assert "Done for you" in page
    assert "Sam Green, your supporter, told us that you would like support" in page


def test_without_the_agreement_ticked_nothing_changes(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    response = logged_in(client, user).post(
        stop_page(booking), {"kind": "time_out", "scope": "this"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Tick to say that they agreed this with you" in html
    assert not StopEvent.objects.exists()
    assert not ActedFor.objects.exists()
    assert not ActionNeeded.objects.exists()


@pytest.mark.parametrize(
    "data",
    [{}, {"kind": "a reason", "scope": "this", "agreed": "on"}],
    ids=["empty", "unknown-kind"],
)
def test_a_form_that_is_not_complete_is_explained_and_changes_nothing(
    client: Client, booking: Attendance, expert_at_riverside: Person, data: dict[str, str]
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    response = logged_in(client, user).post(stop_page(booking), data)
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not StopEvent.objects.exists()
    assert not ActedFor.objects.exists()


def test_a_supporter_who_may_only_help_sees_the_page_but_cannot_act(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "help_answer")
    browser = logged_in(client, user)
    assert stop_page(booking) in browser.get("/supporting/").content.decode()
    page = browser.get(stop_page(booking))
    assert page.status_code == 200
    assert "Tell their contact person" not in page.content.decode()
    refused = browser.post(stop_page(booking), TIME_OUT)
    assert refused.status_code == 403
    assert "asked you to help them answer, not to answer for them" in refused.content.decode()
    assert not StopEvent.objects.exists()
    assert not ActedFor.objects.exists()


def test_a_supporter_who_may_only_get_messages_is_not_shown_the_page(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    only_messages(supporter)
    browser = logged_in(client, user)
    assert stop_page(booking) not in browser.get("/supporting/").content.decode()
    assert_not_found(browser, stop_page(booking), TIME_OUT)
    assert not StopEvent.objects.exists()


def test_removing_the_supporter_stops_them_on_the_very_next_request(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    assert browser.get(stop_page(booking)).status_code == 200
    removed_by_the_person(supporter)
    assert_not_found(browser, stop_page(booking), TIME_OUT)
    assert not StopEvent.objects.exists()


def test_another_persons_booking_is_not_found(
    client: Client,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
    expert_at_both: Person,
) -> None:
    someone_else = booked(riverside_coordinator, expert_at_both)
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    assert_not_found(browser, stop_page(someone_else), TIME_OUT)
    assert browser.get("/supporting/bookings/99999999999999999999/stop/").status_code == 404
    assert not StopEvent.objects.exists()


@pytest.mark.parametrize("who", ["riverside_coordinator", "hillview_coordinator"])
def test_staff_are_not_the_persons_supporter(
    client: Client, booking: Attendance, expert_at_riverside: Person, who: str, request
) -> None:
    supporter_with_login(expert_at_riverside, "answer_for")
    staff: Membership = request.getfixturevalue(who)
    browser = logged_in(client, staff.user)
    assert_not_found(browser, stop_page(booking), TIME_OUT)
    assert not StopEvent.objects.exists()


def test_another_organisations_staff_cannot_see_what_was_done_for_the_person(
    client: Client, booking: Attendance, expert_at_riverside: Person, hillview_coordinator
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    logged_in(client, user).post(stop_page(booking), TIME_OUT)
    browser = logged_in(Client(), hillview_coordinator.user)
    assert browser.get(f"/sessions/{booking.session_id}/").status_code == 404
    assert browser.get(f"/my-sessions/{booking.session_id}/").status_code == 404


def test_a_person_the_confirmation_cannot_reach_is_told_by_the_contact_person(
    client: Client,
    booking: Attendance,
    riverside_contact: Membership,
    expert_at_riverside: Person,
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    Person.objects.filter(pk=expert_at_riverside.pk).update(email="")
    logged_in(client, user).post(stop_page(booking), TIME_OUT)
    task = ActionNeeded.objects.get(kind=ActionKind.TELL_PERSON)
    # Not the supporter, who has no action-needed list: the person's contact at the work.
    assert task.assignee == riverside_contact.user
    assert "Sam Green, your supporter, told us that you want to take time out" in task.title
