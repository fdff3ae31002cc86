"""Reminders: a person is e-mailed once when a consent lapses within 30 days, and the
contact person gets a "reconfirm" task once it has lapsed. The sweep is idempotent."""

from __future__ import annotations

from datetime import timedelta

from django.core import mail
from django.utils import timezone

from powerwith.consent import reminders
from powerwith.consent.services import grant_consent, reconfirm_consent
from powerwith.inbox.models import ActionNeeded
from tests.consent.factories import opportunity_of, own


def test_a_consent_lapsing_soon_is_reminded_once(
    expert_at_riverside, riverside, riverside_coordinator, django_capture_on_commit_callbacks
):
    me = own(expert_at_riverside, riverside.pk)
    grant_consent(person=expert_at_riverside, scope="publish", actor=me)
    now = timezone.now()
    assert reminders.sweep(now) == 0
    soon = now + timedelta(days=365 - 20)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.sweep(soon) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alex@people.example"]
    assert "/my-consents/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.sweep(soon + timedelta(hours=1)) == 0
    assert len(mail.outbox) == 1


def test_a_lapsed_consent_gives_the_contact_person_a_task_once(
    expert_at_riverside, riverside, riverside_coordinator, riverside_contact
):
    opportunity = opportunity_of(riverside_coordinator)
    opportunity.contact_user = riverside_contact.user
    opportunity.save()
    me = own(expert_at_riverside, riverside.pk)
    grant_consent(person=expert_at_riverside, scope="take_part", actor=me, opportunity=opportunity)
    later = timezone.now() + timedelta(days=400)
    assert reminders.sweep(later) == 1
    assert reminders.sweep(later) == 0
    (task,) = ActionNeeded.objects.filter(kind="reconfirm")
    assert task.assignee == riverside_contact.user
    assert task.person == expert_at_riverside


def test_the_organisations_period_decides_when_to_remind(
    expert_at_riverside, riverside, django_capture_on_commit_callbacks
):
    riverside.reconfirm_months = 3
    riverside.save()
    grant_consent(
        person=expert_at_riverside, scope="publish", actor=own(expert_at_riverside, riverside.pk)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.sweep(timezone.now() + timedelta(days=80)) == 1
    assert len(mail.outbox) == 1


def test_a_reconfirmed_consent_is_not_reminded(expert_at_riverside, riverside, time_machine):
    me = own(expert_at_riverside, riverside.pk)
    time_machine.move_to(timezone.now() - timedelta(days=300), tick=False)
    grant_consent(person=expert_at_riverside, scope="publish", actor=me)
    time_machine.move_to(timezone.now() + timedelta(days=300), tick=False)
    reconfirm_consent(person=expert_at_riverside, scope="publish", actor=me)
    assert reminders.sweep(timezone.now() + timedelta(days=100)) == 0
