"""What becomes of a message where nothing can be tried again later, or where nothing is
left to send by the time the worker reaches it."""

from __future__ import annotations

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from powerwith.accounts.emails import invitation_sent
from powerwith.accounts.services import cancel_invitation, invite_member
from powerwith.core.roles import Role
from powerwith.engagements.models import CheckKind
from powerwith.engagements.reminders.wellbeing import check_due, remind_due
from powerwith.engagements.services.booking import cancel_booking
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.offers.models import OfferStatus
from tests.conftest import logged_in
from tests.engagements.factories import booked
from tests.offers.factories import draft_offer

pytestmark = pytest.mark.django_db


def test_where_tasks_run_as_they_are_queued_a_refused_email_is_reported_at_once(
    client,
    django_capture_on_commit_callbacks,
    mail_server_down,
    riverside_coordinator,
    expert_at_riverside,
):
    offer = draft_offer(riverside_coordinator, expert_at_riverside)
    with django_capture_on_commit_callbacks(execute=True):
        answer = logged_in(client, riverside_coordinator.user).post(f"/offers/{offer.pk}/send/")
    assert answer.status_code == 302
    offer.refresh_from_db()
    assert offer.status == OfferStatus.SENT
    told = ActionNeeded.objects.get(kind=ActionKind.MESSAGE_FAILED)
    assert told.assignee == riverside_coordinator.user


def test_a_password_reset_answers_the_same_while_the_mail_server_is_down(
    client, mail_server_down, riverside_coordinator
):
    answer = client.post("/password-reset/", {"email": "coordinator@riverside.example"})
    assert answer.status_code == 302
    assert answer["Location"] == "/password-reset/sent/"
    assert mail.outbox == []
    assert not ActionNeeded.objects.exists()  # nobody else hears of someone's reset


@pytest.mark.usefixtures("tasks_in_the_database")
def test_an_invitation_cancelled_before_its_email_goes_is_not_sent(
    django_capture_on_commit_callbacks, riverside_admin
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, _ = invite_member(
            email="new.person@example.org", role=Role.COORDINATOR, by=riverside_admin
        )
    cancel_invitation(invitation=invitation, by=riverside_admin)
    [queued] = DBTaskResult.objects.all()
    assert invitation_sent.call(*queued.args_kwargs["args"]) == "nothing to send"
    assert mail.outbox == []


@pytest.mark.usefixtures("tasks_in_the_database")
def test_a_wellbeing_reminder_for_a_booking_since_cancelled_is_not_sent(
    django_capture_on_commit_callbacks, riverside_coordinator, expert_at_riverside
):
    booking = booked(riverside_coordinator, expert_at_riverside)
    check = booking.wellbeing_checks.get(kind=CheckKind.BEFORE)
    morning = timezone.localtime(check.due_at).replace(hour=9)
    with time_machine.travel(morning, tick=False), django_capture_on_commit_callbacks(execute=True):
        assert remind_due(timezone.now()) == 1
    cancel_booking(booking, by=riverside_coordinator, reason="Plans changed")
    queued = DBTaskResult.objects.get(task_path=check_due.module_path)
    assert check_due.call(*queued.args_kwargs["args"]) == (
        "nothing to send: what it was about no longer exists"
    )
    assert mail.outbox == []
