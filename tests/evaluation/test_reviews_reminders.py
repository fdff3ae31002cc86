"""Reminders of reviews through the task worker: once per review date, to the person for
their Wellness Action Plan and to the creator for an opportunity."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from powerwith import reminders
from powerwith.evaluation.models.reviews import ReviewReminder
from powerwith.evaluation.reminders.reviews import REMIND_DAYS, sweep
from powerwith.people.services.wellness import save_plan
from tests.evaluation.factories import NOW, days, opportunity_for_review, plan_with_review


@pytest.fixture
def frozen(db) -> Iterator[time_machine.Traveller]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _sweep(capture) -> int:
    with capture(execute=True):
        return sweep(timezone.now())


def test_the_sweep_runs_with_the_other_reminders():
    assert "powerwith.evaluation.reminders.reviews.sweep" in reminders.SWEEPS


def test_the_person_is_emailed_once_when_their_plan_review_is_due(
    frozen, django_capture_on_commit_callbacks, riverside_contact, expert_at_riverside
):
    plan_with_review(expert_at_riverside, days(REMIND_DAYS), riverside_contact)
    assert _sweep(django_capture_on_commit_callbacks) == 1
    assert _sweep(django_capture_on_commit_callbacks) == 0
    frozen.shift(timedelta(hours=6))
    assert _sweep(django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alex@people.example"]
    assert message.subject == "Time to review your Wellness Action Plan"
    assert "/my-wellness-action-plan/" in message.body
    assert ReviewReminder.objects.get().review_date == days(REMIND_DAYS)


def test_nobody_is_emailed_before_the_week_of_the_review(
    frozen, django_capture_on_commit_callbacks, expert_at_riverside
):
    plan_with_review(expert_at_riverside, days(REMIND_DAYS + 1))
    assert _sweep(django_capture_on_commit_callbacks) == 0
    frozen.shift(timedelta(days=1))
    assert _sweep(django_capture_on_commit_callbacks) == 1
    assert len(mail.outbox) == 1


def test_a_new_review_date_is_reminded_afresh(
    frozen, django_capture_on_commit_callbacks, expert_at_riverside
):
    person = expert_at_riverside
    plan_with_review(person, days(2))
    assert _sweep(django_capture_on_commit_callbacks) == 1
    save_plan(person, user=person.user, sections={}, review_date=days(5))
    assert _sweep(django_capture_on_commit_callbacks) == 1
    assert _sweep(django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 2
    assert "is due on 15 March 2027" in mail.outbox[1].body


def test_an_overdue_plan_review_says_when_it_was_due(
    frozen, django_capture_on_commit_callbacks, expert_at_riverside
):
    plan_with_review(expert_at_riverside, days(-3))
    _sweep(django_capture_on_commit_callbacks)
    assert "was due on 7 March 2027" in mail.outbox[0].body


def test_the_creator_is_emailed_once_when_an_opportunity_review_is_due(
    frozen, django_capture_on_commit_callbacks, riverside_coordinator
):
    c = riverside_coordinator
    role = opportunity_for_review(c, "Ward visits role", days(3), commitment="enduring_role")
    opportunity_for_review(c, "Far off", days(REMIND_DAYS + 1))
    opportunity_for_review(c, "Already reviewed", days(-1), status="reviewed")
    opportunity_for_review(c, "Cancelled work", days(-1), status="cancelled")
    opportunity_for_review(c, "Still a draft", days(1), status="draft")
    assert _sweep(django_capture_on_commit_callbacks) == 1
    assert _sweep(django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordinator@riverside.example"]
    assert message.subject == "Review due: Ward visits role"
    assert "enduring role" in message.body
    assert f"/opportunities/{role.pk}/edit/" in message.body


def test_a_person_without_an_email_address_is_reminded_once_they_add_one(
    frozen, django_capture_on_commit_callbacks, expert_at_riverside
):
    person = expert_at_riverside
    plan_with_review(person, days(1))
    person.email = ""
    person.save()
    assert _sweep(django_capture_on_commit_callbacks) == 0
    assert not ReviewReminder.objects.exists()
    person.email = "alex@people.example"
    person.save()
    assert _sweep(django_capture_on_commit_callbacks) == 1


def test_the_worker_run_sends_the_reminders_once(
    frozen, django_capture_on_commit_callbacks, expert_at_riverside
):
    plan_with_review(expert_at_riverside, days(1))
    with django_capture_on_commit_callbacks(execute=True):
        first = reminders.run_sweeps()
    with django_capture_on_commit_callbacks(execute=True):
        second = reminders.run_sweeps()
    path = "powerwith.evaluation.reminders.reviews.sweep"
    assert (first[path], second[path]) == (1, 0)
    assert len(mail.outbox) == 1
