"""Nothing waits unseen: a person's question reaches someone's list, and feedback that
cannot be asked for yet says why."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from powerwith.engagements.services.sessions import record_attendance
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.workflows import offers as offer_workflows
from tests.conftest import api_client_for, logged_in
from tests.engagements.factories import expert_membership
from tests.offers.factories import sent_offer
from tests.workflows.factories import agreed_offer, book_all

pytestmark = pytest.mark.django_db
JSON = "application/json"


def test_a_question_goes_on_the_contact_persons_list_until_it_is_answered(
    client, riverside_coordinator, riverside_contact, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    asked = api_client_for(expert_membership(expert_at_riverside, offer.organisation_id)).post(
        f"/api/v1/offers/{offer.pk}/questions",
        {"text": "Can I bring my support worker?"},
        content_type=JSON,
    )
    assert asked.status_code == 201
    (task,) = ActionNeeded.objects.filter(kind=ActionKind.QUESTION, done_at=None)
    assert task.assignee == riverside_contact.user
    assert task.link == f"/offers/{offer.pk}/#questions"

    listed = logged_in(client, riverside_coordinator.user).get("/offers/").text
    assert "Question to answer" in listed
    own = logged_in(client, expert_at_riverside.user)
    assert "Your question is waiting for an answer" in own.get("/my-offers/").text
    page = own.get(f"/my-offers/{offer.pk}/").text
    assert "it has not been answered yet" in page

    offer_workflows.answer_question(offer, by=riverside_contact, text="Yes, of course.")
    task.refresh_from_db()
    assert task.done_at is not None
    assert "Question to answer" not in (
        logged_in(client, riverside_coordinator.user).get("/offers/").text
    )


def test_feedback_says_what_it_waits_for_and_links_to_it(
    client, riverside_coordinator, expert_at_riverside
):
    offer = agreed_offer(riverside_coordinator, expert_at_riverside, sessions=1)
    (booking,) = book_all(riverside_coordinator, expert_at_riverside, offer)
    page = f"/opportunities/{offer.opportunity_id}/feedback/"
    with time_machine.travel(booking.session.ends_at + timedelta(days=1), tick=False):
        staff = logged_in(client, riverside_coordinator.user)
        shown = staff.get(page).text
        assert "Nobody is recorded as taking part in the session on" in shown
        assert f'href="/sessions/{booking.session_id}/"' in shown
        answer = staff.post(f"{page}ask/", follow=True)
        assert "There is nobody new to ask yet" in answer.text

        record_attendance(booking, by=riverside_coordinator, attended=True)
        assert "Nobody is recorded" not in staff.get(page).text
        asked = staff.post(f"{page}ask/", follow=True)
        assert "Asked 1 person." in asked.text


def test_sessions_still_to_come_are_the_reason_given_before_the_work_ends(
    client, riverside_coordinator, expert_at_riverside
):
    offer = agreed_offer(riverside_coordinator, expert_at_riverside, sessions=1)
    book_all(riverside_coordinator, expert_at_riverside, offer)
    shown = logged_in(client, riverside_coordinator.user).get(
        f"/opportunities/{offer.opportunity_id}/feedback/"
    )
    assert "1 person still has a session to come" in shown.text
