"""A mail server that is down never holds up or fails a change: the page answers as
always, the change is saved, and the worker tries the e-mail again later, then tells the
member of staff who made the change once it has given up."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from powerwith.core.mail import ATTEMPTS, RETRY_AFTER
from powerwith.engagements.models import Attendance, Session
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.offers.models import OfferStatus
from powerwith.payments.models import ClaimStatus
from tests.conftest import logged_in
from tests.engagements.factories import accepted_offer, consents
from tests.mail.conftest import run_worker, wait_and_run_worker
from tests.offers.factories import draft_offer, sent_offer
from tests.payments.factories import expense_claim

# The worker closes the database connection between tasks: these tests commit.
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("tasks_in_the_database"),
]

OFFER_SENT = "powerwith.offers.notifications.offer_sent"
TITLE = "Co-design restraint reduction training"


def attempts(task_path: str) -> list[DBTaskResult[..., Any]]:
    """Every attempt at one kind of message, first to last."""
    return sorted(
        DBTaskResult.objects.filter(task_path=task_path),
        key=lambda row: row.args_kwargs["kwargs"].get("attempt", 1),
    )


def assert_tried_again_in_a_minute(task_path: str) -> None:
    """The first attempt failed, and the second waits a minute; nothing was sent."""
    first, second = attempts(task_path)
    assert first.status == TaskResultStatus.FAILED
    assert "the mail server could not be reached" in first.traceback
    assert second.status == TaskResultStatus.READY
    assert second.args_kwargs["kwargs"]["attempt"] == 2
    assert second.run_after == timezone.now() + timedelta(minutes=1)
    assert mail.outbox == []


def test_an_offer_is_sent_and_its_email_tried_again_later(
    client, clock, mail_server_down, riverside_coordinator, expert_at_riverside
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    page = logged_in(client, riverside_coordinator.user)
    answer = page.post(f"/offers/{offer.pk}/send/")
    assert answer.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT
    [queued] = attempts(OFFER_SENT)
    assert queued.status == TaskResultStatus.READY  # the request only wrote this row
    run_worker()
    assert_tried_again_in_a_minute(OFFER_SENT)
    assert page.get(f"/offers/{offer.pk}/").status_code == 200


def test_a_booking_is_made_and_its_email_tried_again_later(
    client, clock, mail_server_down, riverside_coordinator, expert_at_riverside
):
    offer = accepted_offer(riverside_coordinator, expert_at_riverside)
    consents(expert_at_riverside, offer, "take_part")
    session = Session.objects.get(opportunity=offer.opportunity)
    answer = logged_in(client, riverside_coordinator.user).post(
        f"/sessions/{session.pk}/bookings/", {"person_id": expert_at_riverside.pk}
    )
    assert answer.status_code == 302
    assert Attendance.objects.get(session=session).is_booked
    run_worker()
    assert_tried_again_in_a_minute("powerwith.engagements.notifications.booking_made")


def test_a_claim_is_approved_and_its_email_tried_again_later(
    client, clock, mail_server_down, riverside_coordinator, expert_at_riverside
):
    claim = expense_claim(accepted_offer(riverside_coordinator, expert_at_riverside))
    answer = logged_in(client, riverside_coordinator.user).post(
        reverse("payments:claim_approve", kwargs={"claim_id": claim.pk}), {}
    )
    assert answer.status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    run_worker()
    assert_tried_again_in_a_minute("powerwith.payments.notifications.claim_step")


def test_after_the_last_attempt_whoever_sent_the_offer_is_told(
    client, clock, mail_server_down, riverside_coordinator, riverside_contact, expert_at_riverside
):
    offer = sent_offer(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    run_worker()
    for wait in RETRY_AFTER[:-1]:
        wait_and_run_worker(clock, wait)
    assert not ActionNeeded.objects.exists()  # five attempts failed; one is still to come
    wait_and_run_worker(clock, RETRY_AFTER[-1])

    assert [a.status for a in attempts(OFFER_SENT)] == [TaskResultStatus.FAILED] * ATTEMPTS
    [told] = ActionNeeded.objects.all()
    assert told.assignee == riverside_coordinator.user
    assert told.kind == ActionKind.MESSAGE_FAILED
    assert told.person == expert_at_riverside
    assert told.title == (
        f"The e-mail about the offer of work for {TITLE} to Alex could not be sent: "
        "the mail server could not be reached."
    )
    assert told.link == f"/offers/{offer.pk}/"
    listed = logged_in(client, riverside_coordinator.user).get("/action-needed/")
    assert told.title in listed.text
    assert mail.outbox == []


def test_a_later_attempt_that_succeeds_sends_the_email_and_tells_no_one(
    clock, mail_server_down, riverside_coordinator, expert_at_riverside
):
    sent_offer(riverside_coordinator, expert_at_riverside)
    run_worker()
    wait_and_run_worker(clock, RETRY_AFTER[0])
    bring_back = mail_server_down
    bring_back()
    wait_and_run_worker(clock, RETRY_AFTER[1])

    [email] = mail.outbox
    assert email.to == ["alex@people.example"]
    assert email.subject == "An offer of work from Riverside Care Partnership"
    assert {name for name, _, _ in email.attachments} == {
        "offer-co-design-restraint-reduction-training.html",
        "offer-co-design-restraint-reduction-training.ics",
    }
    statuses = [a.status for a in attempts(OFFER_SENT)]
    assert statuses == [TaskResultStatus.FAILED] * 2 + [TaskResultStatus.SUCCESSFUL]
    assert not ActionNeeded.objects.exists()
    run_worker()  # nothing left to try
    assert len(mail.outbox) == 1


def test_what_the_task_table_keeps_of_a_refusal_names_no_one(
    settings, riverside_coordinator, expert_at_riverside
):
    settings.MAILERS = {"default": {"BACKEND": "tests.mail.servers.RefusesTheAddress"}}
    sent_offer(riverside_coordinator, expert_at_riverside)
    run_worker()
    failed, _ = attempts(OFFER_SENT)
    assert "the mail server refused the address" in failed.traceback
    assert "alex@people.example" not in failed.traceback
    assert "Alex" not in failed.traceback
