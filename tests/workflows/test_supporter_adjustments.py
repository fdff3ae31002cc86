"""A supporter asking for a reasonable adjustment for the person, through their own login:
the person's own request (on the contact person's list to confirm), recorded as asked by
the supporter for the person, confirmed to the person without repeating what would help,
and only for what the person lets the supporter do."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from powerwith.accounts.models import Membership
from powerwith.engagements.models import Adjustment, Attendance
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

DETAILS = "A quiet room to go to in the breaks."
ASKED = {"category": "", "details": DETAILS, "scope": "this", "agreed": "on"}


def adjustment_page(booking: Attendance) -> str:
    return f"/supporting/bookings/{booking.pk}/adjustment/"


@pytest.fixture
def booking(riverside_coordinator: Membership, riverside_contact: Membership, expert_at_riverside):
    return booked(
        riverside_coordinator,
        expert_at_riverside,
        title="Listening event",
        contact=riverside_contact.user,
    )


def test_the_supporters_page_links_to_asking_for_an_adjustment(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    page = logged_in(client, user).get("/supporting/").content.decode()
    assert adjustment_page(booking) in page


def test_a_supporter_who_may_answer_asks_for_an_adjustment_for_the_person(
    client: Client,
    booking: Attendance,
    riverside_contact: Membership,
    expert_at_riverside: Person,
    django_capture_on_commit_callbacks,
) -> None:
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    assert browser.get(adjustment_page(booking)).status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(adjustment_page(booking), {**ASKED, "category": "sensory"})
    assert response.status_code == 302
    adjustment = Adjustment.objects.get()
    assert (adjustment.person, adjustment.session_id, adjustment.category) == (
        expert_at_riverside,
        booking.session_id,
        "sensory",
    )
    assert (adjustment.details, adjustment.requested_by, adjustment.status) == (
        DETAILS,
        user,
        "requested",
    )
    # On the contact person's list to confirm, as when the person asks themself.
    task = ActionNeeded.objects.get(kind=ActionKind.ADJUSTMENT)
    assert task.assignee == riverside_contact.user
    acted = ActedFor.objects.get()
    assert (acted.subject, acted.subject_id, acted.method) == (
        "adjustment",
        adjustment.pk,
        "supporter",
    )
    assert (acted.recorded_by, acted.supporter) == (user, supporter)
    [told] = [m for m in mail.outbox if m.to == [expert_at_riverside.email]]
    assert (
        "Sam Green, your supporter, told us that you would like an adjustment for the work: "
        "Listening event" in told.body
    )
    # What would help can be about their health: it is not repeated in a message.
    assert "quiet room" not in told.body
    shown = browser.get("/supporting/").content.decode()
    assert "You asked for an adjustment for Alex." in shown


def test_it_can_be_for_every_session_of_the_work(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    logged_in(client, user).post(adjustment_page(booking), {**ASKED, "scope": "all"})
    assert Adjustment.objects.get().session_id is None


def test_the_person_sees_the_adjustment_and_who_asked_on_their_session_page(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    logged_in(client, user).post(adjustment_page(booking), ASKED)
    assert expert_at_riverside.user is not None
    page = (
        logged_in(Client(), expert_at_riverside.user)
        .get(f"/my-sessions/{booking.session_id}/")
        .content.decode()
    )
    assert DETAILS in page
    assert "Sam Green, your supporter, told us that you would like an adjustment" in page


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ({**ASKED, "agreed": ""}, "Tick to say that they agreed this with you"),
        ({**ASKED, "details": " "}, "Write what would help"),
        ({**ASKED, "category": "a kind of its own"}, "Choose a kind of adjustment from the list"),
        ({}, "Write what would help"),
    ],
    ids=["not-agreed", "no-details", "unknown-kind", "empty"],
)
def test_a_form_that_is_not_complete_is_explained_and_changes_nothing(
    client: Client,
    booking: Attendance,
    expert_at_riverside: Person,
    data: dict[str, str],
    reason: str,
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    response = logged_in(client, user).post(adjustment_page(booking), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert reason in html
    assert not Adjustment.objects.exists()
    assert not ActedFor.objects.exists()
    assert not ActionNeeded.objects.exists()


def test_a_supporter_who_may_only_help_sees_the_page_but_cannot_ask(
    client: Client, booking: Attendance, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "help_answer")
    browser = logged_in(client, user)
    page = browser.get(adjustment_page(booking))
    assert page.status_code == 200
    assert "Ask for this adjustment" not in page.content.decode()
    refused = browser.post(adjustment_page(booking), ASKED)
    assert refused.status_code == 403
    assert "asked you to help them answer, not to answer for them" in refused.content.decode()
    assert not Adjustment.objects.exists()
    assert not ActedFor.objects.exists()


def test_messages_only_removal_and_anyone_elses_booking_are_not_found(
    client: Client,
    booking: Attendance,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
    expert_at_both: Person,
) -> None:
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    someone_else = booked(riverside_coordinator, expert_at_both)
    assert_not_found(browser, adjustment_page(someone_else), ASKED)
    only_messages(supporter)
    assert browser.get(adjustment_page(booking)).status_code == 404
    removed_by_the_person(supporter)
    assert_not_found(browser, adjustment_page(booking), ASKED)
    assert not Adjustment.objects.exists()


@pytest.mark.parametrize("who", ["riverside_coordinator", "hillview_coordinator"])
def test_staff_are_not_the_persons_supporter(
    client: Client, booking: Attendance, expert_at_riverside: Person, who: str, request
) -> None:
    supporter_with_login(expert_at_riverside, "answer_for")
    staff: Membership = request.getfixturevalue(who)
    browser = logged_in(client, staff.user)
    assert_not_found(browser, adjustment_page(booking), ASKED)
    assert not Adjustment.objects.exists()


def test_a_person_the_confirmation_cannot_reach_is_told_by_the_contact_person(
    client: Client,
    booking: Attendance,
    riverside_contact: Membership,
    expert_at_riverside: Person,
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    Person.objects.filter(pk=expert_at_riverside.pk).update(email="")
    logged_in(client, user).post(adjustment_page(booking), ASKED)
    task = ActionNeeded.objects.get(kind=ActionKind.TELL_PERSON)
    assert task.assignee == riverside_contact.user
    assert "Sam Green, your supporter, told us that you would like an adjustment" in task.title
