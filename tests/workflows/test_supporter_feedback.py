"""A supporter saying how finished work went for the person, through their own login: the
same questions as the person's own form, kept as the person's own answer (so figures count
it alike), recorded as given by the supporter for the person, and only for what the person
lets the supporter do."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from powerwith.accounts.models import Membership
from powerwith.evaluation.models import FeedbackAnswer, FeedbackRequest
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.offers.models import Offer
from powerwith.people.models import ActedFor, Person
from powerwith.reports.scorecard import scorecard
from tests.conftest import logged_in
from tests.engagements.factories import booked
from tests.evaluation.factories import ALL_AGREE, finished
from tests.people.factories import (
    assert_not_found,
    only_messages,
    removed_by_the_person,
    supporter_with_login,
)

pytestmark = pytest.mark.django_db

AGREED = {**ALL_AGREE, "agreed": "on"}


def feedback_page(offer: Offer) -> str:
    return f"/supporting/feedback/{offer.pk}/"


@pytest.fixture
def offer(riverside_coordinator: Membership, riverside_contact: Membership, expert_at_riverside):
    return finished(
        riverside_coordinator,
        expert_at_riverside,
        title="Listening event",
        contact=riverside_contact.user,
    )


def _met(offer: Offer, name: str) -> bool:
    card = scorecard(offer.opportunity, timezone.now())
    return next(c for p in card.principles for c in p.checks if c.name == name).met


def test_the_supporters_page_lists_finished_work_waiting_for_feedback(
    client: Client, offer: Offer, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "help_answer")
    page = logged_in(client, user).get("/supporting/").content.decode()
    assert feedback_page(offer) in page
    assert "How did it go: Listening event" in page


def test_a_supporter_who_may_answer_gives_the_persons_feedback_as_their_own(
    client: Client,
    offer: Offer,
    expert_at_riverside: Person,
    django_capture_on_commit_callbacks,
) -> None:
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    name = "Feedback from at least half of the experts"
    assert not _met(offer, name)
    browser = logged_in(client, user)
    page = browser.get(feedback_page(offer)).content.decode()
    # The same questions as the person's own form.
    assert "I felt respected" in page
    assert "I would work with you again" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(feedback_page(offer), {**AGREED, "comments": "Kind team."})
    assert response.status_code == 302
    answer = FeedbackAnswer.objects.get()
    assert (answer.person, answer.respected, answer.safe, answer.comments) == (
        expert_at_riverside,
        5,
        4,
        "Kind team.",
    )
    assert FeedbackRequest.objects.get(person=expert_at_riverside).answered
    # Figures count it as the person's own.
    assert _met(offer, name)
    acted = ActedFor.objects.get()
    assert (acted.subject, acted.subject_id, acted.method) == ("feedback", offer.pk, "supporter")
    assert (acted.recorded_by, acted.supporter) == (user, supporter)
    [told] = [m for m in mail.outbox if m.to == [expert_at_riverside.email]]
    assert (
        "Sam Green, your supporter, told us that you gave your feedback on the work: "
        "Listening event" in told.body
    )
    assert "Kind team" not in told.body
    assert feedback_page(offer) not in browser.get("/supporting/").content.decode()


def test_feedback_left_anonymous_is_kept_without_the_persons_name(
    client: Client, offer: Offer, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    logged_in(client, user).post(feedback_page(offer), {**AGREED, "anonymous": "on"})
    assert FeedbackAnswer.objects.get().person is None


def test_feedback_is_given_once(client: Client, offer: Offer, expert_at_riverside: Person) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    assert browser.post(feedback_page(offer), AGREED).status_code == 302
    again = browser.post(feedback_page(offer), AGREED)
    assert again.status_code == 409
    assert "Alex has already told us how this work went" in again.content.decode()
    assert FeedbackAnswer.objects.count() == 1
    assert ActedFor.objects.count() == 1


def test_work_not_finished_is_not_open_for_feedback(
    client: Client, riverside_coordinator: Membership, expert_at_riverside: Person
) -> None:
    booking = booked(riverside_coordinator, expert_at_riverside)
    offer = Offer.objects.get(opportunity=booking.session.opportunity, person=expert_at_riverside)
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    assert feedback_page(offer) not in browser.get("/supporting/").content.decode()
    response = browser.post(feedback_page(offer), AGREED)
    assert response.status_code == 409
    assert "once their part in the work is finished" in response.content.decode()
    assert not FeedbackAnswer.objects.exists()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (ALL_AGREE, "Tick to say that they agreed this with you"),
        ({**AGREED, "safe": "6"}, "Choose one of the answers, or leave it blank"),
        ({"agreed": "on"}, "Answer at least one question, or write a comment"),
        ({}, "Tick to say that they agreed this with you"),
    ],
    ids=["not-agreed", "off-the-scale", "nothing-said", "empty"],
)
def test_a_form_that_is_not_complete_is_explained_and_changes_nothing(
    client: Client, offer: Offer, expert_at_riverside: Person, data: dict[str, str], reason: str
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    response = logged_in(client, user).post(feedback_page(offer), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert reason in html
    assert not FeedbackAnswer.objects.exists()
    assert not FeedbackRequest.objects.filter(answered=True).exists()
    assert not ActedFor.objects.exists()


def test_a_supporter_who_may_only_help_reads_the_form_but_cannot_send_it(
    client: Client, offer: Offer, expert_at_riverside: Person
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "help_answer")
    browser = logged_in(client, user)
    page = browser.get(feedback_page(offer))
    assert page.status_code == 200
    assert "Send Alex" not in page.content.decode()
    refused = browser.post(feedback_page(offer), AGREED)
    assert refused.status_code == 403
    assert "asked you to help them answer, not to answer for them" in refused.content.decode()
    assert not FeedbackAnswer.objects.exists()


def test_messages_only_removal_and_anyone_elses_work_are_not_found(
    client: Client,
    offer: Offer,
    riverside_coordinator: Membership,
    expert_at_riverside: Person,
    expert_at_both: Person,
) -> None:
    supporter, user = supporter_with_login(expert_at_riverside, "answer_for")
    browser = logged_in(client, user)
    someone_else = finished(riverside_coordinator, expert_at_both)
    assert_not_found(browser, feedback_page(someone_else), AGREED)
    only_messages(supporter)
    assert browser.get(feedback_page(offer)).status_code == 404
    removed_by_the_person(supporter)
    assert_not_found(browser, feedback_page(offer), AGREED)
    assert not FeedbackAnswer.objects.exists()


@pytest.mark.parametrize("who", ["riverside_coordinator", "hillview_coordinator"])
def test_staff_are_not_the_persons_supporter(
    client: Client, offer: Offer, expert_at_riverside: Person, who: str, request
) -> None:
    supporter_with_login(expert_at_riverside, "answer_for")
    staff: Membership = request.getfixturevalue(who)
    browser = logged_in(client, staff.user)
    assert_not_found(browser, feedback_page(offer), AGREED)
    assert not FeedbackAnswer.objects.exists()


def test_a_person_the_confirmation_cannot_reach_is_told_by_the_contact_person(
    client: Client,
    offer: Offer,
    riverside_contact: Membership,
    expert_at_riverside: Person,
) -> None:
    _, user = supporter_with_login(expert_at_riverside, "answer_for")
    Person.objects.filter(pk=expert_at_riverside.pk).update(email="")
    logged_in(client, user).post(feedback_page(offer), AGREED)
    task = ActionNeeded.objects.get(kind=ActionKind.TELL_PERSON)
    assert task.assignee == riverside_contact.user
    assert "Sam Green, your supporter, told us that you gave your feedback" in task.title
