"""The worker reminds the person when a check falls due, once, and puts a check a day
overdue on the contact person's list, once."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from powerwith import reminders
from powerwith.engagements.models import CheckKind
from powerwith.engagements.reminders.wellbeing import sweep
from powerwith.engagements.services.booking import cancel_booking
from powerwith.engagements.services.wellbeing import complete_check
from powerwith.inbox.models import ActionKind, ActionNeeded
from powerwith.inbox.services import mark_done
from tests.engagements.factories import booked, expert_membership

pytestmark = pytest.mark.django_db

MINE = "powerwith.engagements.reminders.wellbeing.sweep"


@pytest.fixture
def booking(riverside_coordinator, riverside_contact, expert_at_riverside):
    return booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)


@pytest.fixture
def only_wellbeing(monkeypatch):
    monkeypatch.setattr(reminders, "SWEEPS", (MINE,))


def before_check(booking):
    return booking.wellbeing_checks.get(kind=CheckKind.BEFORE)


def test_nothing_is_sent_before_a_check_falls_due(booking, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep(timezone.now()) == 0
    assert mail.outbox == []


def test_the_person_is_reminded_once_when_a_check_falls_due(
    booking, only_wellbeing, django_capture_on_commit_callbacks
):
    morning = before_check(booking).due_at + timedelta(hours=8)
    with time_machine.travel(morning, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            reminders.run_sweeps()
        with django_capture_on_commit_callbacks(execute=True):
            reminders.run_sweeps()
    assert [m.to for m in mail.outbox] == [["alex@people.example"]]
    assert f"/my-wellbeing/{before_check(booking).pk}/" in mail.outbox[0].body
    assert before_check(booking).reminded_at == morning


def test_no_one_is_reminded_in_the_night(booking, django_capture_on_commit_callbacks):
    midnight = before_check(booking).due_at
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep(midnight + timedelta(hours=2)) == 0
    assert mail.outbox == []
    assert before_check(booking).reminded_at is None
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep(midnight + timedelta(hours=8)) == 1
    assert len(mail.outbox) == 1


def test_a_check_a_day_overdue_goes_on_the_contact_persons_list_once(
    booking, riverside_contact, django_capture_on_commit_callbacks
):
    late = before_check(booking).due_at + timedelta(hours=25)
    with django_capture_on_commit_callbacks(execute=True):
        sweep(late)
        sweep(late + timedelta(minutes=15))
    task = ActionNeeded.objects.get(kind=ActionKind.CHECK_OVERDUE)
    assert task.assignee == riverside_contact.user
    assert task.link == f"/wellbeing-checks/{before_check(booking).pk}/"
    # Closed by the contact person, it is not raised again for the same check.
    mark_done(task, by=riverside_contact)
    sweep(late + timedelta(hours=1))
    assert ActionNeeded.objects.filter(kind=ActionKind.CHECK_OVERDUE).count() == 1


def test_answering_an_overdue_check_closes_its_task(booking, expert_at_riverside):
    check = before_check(booking)
    late = check.due_at + timedelta(hours=25)
    sweep(late)
    me = expert_membership(expert_at_riverside, booking.session.opportunity.organisation_id)
    with time_machine.travel(late, tick=False):
        complete_check(check, by=me, feeling=3)
    assert ActionNeeded.objects.get(kind=ActionKind.CHECK_OVERDUE).done_at is not None


def test_an_answered_or_cancelled_check_is_neither_reminded_nor_flagged(
    booking, riverside_coordinator, expert_at_riverside
):
    check = before_check(booking)
    me = expert_membership(expert_at_riverside, riverside_coordinator.organisation_id)
    with time_machine.travel(check.due_at + timedelta(minutes=5), tick=False):
        complete_check(check, by=me, feeling=4)
    cancel_booking(booking, by=riverside_coordinator, reason="Plans changed")
    late = check.due_at + timedelta(days=5)
    assert sweep(late) == 0
    assert not ActionNeeded.objects.exists()


# The worker closes the database connection when it is done, as it would between
# tasks: that needs a test whose writes are committed, not one inside a transaction.
@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_the_reminder(booking, only_wellbeing, tasks_in_the_database):
    morning = before_check(booking).due_at + timedelta(hours=8)
    mail.outbox.clear()  # the invitation to the session went when the booking was made
    with time_machine.travel(morning, tick=False):
        reminders.start()
        call_command("db_worker", batch=True, interval=0, verbosity=0)
    assert [m.to for m in mail.outbox] == [["alex@people.example"]]
    assert before_check(booking).reminded_at is not None
