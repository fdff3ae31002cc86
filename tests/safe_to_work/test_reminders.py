"""The worker reminds the person and their contact person before a check ends, once."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from powerwith.workflows import check_reminders
from tests.offers.factories import sent_offer
from tests.safe_to_work.factories import dbs

pytestmark = pytest.mark.django_db


def _sweep(capture) -> int:
    with capture(execute=True):
        return check_reminders.sweep(timezone.now())


def test_a_check_ending_within_30_days_is_reminded_once_to_the_person_and_contact(
    riverside_coordinator,
    riverside_contact,
    expert_at_riverside,
    django_capture_on_commit_callbacks,
):
    sent_offer(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    today = timezone.localdate()
    dbs(
        riverside_coordinator,
        expert_at_riverside,
        done_on=today - timedelta(days=1000),
        expires_on=today + timedelta(days=45),
    )
    mail.outbox.clear()
    assert _sweep(django_capture_on_commit_callbacks) == 0
    with time_machine.travel(timezone.now() + timedelta(days=16), tick=False):
        assert _sweep(django_capture_on_commit_callbacks) == 1
        assert _sweep(django_capture_on_commit_callbacks) == 0
    to = sorted(address for message in mail.outbox for address in message.to)
    assert to == ["alex@people.example", "contact@riverside.example"]
    assert all("ends" in message.subject for message in mail.outbox)
    assert any("ask" in message.body and "renew" in message.body for message in mail.outbox)


def test_a_renewed_check_is_not_reminded_and_the_renewal_is_in_its_turn(
    riverside_coordinator, expert_at_riverside, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    dbs(
        riverside_coordinator,
        expert_at_riverside,
        done_on=today - timedelta(days=1000),
        expires_on=today + timedelta(days=10),
    )
    dbs(
        riverside_coordinator,
        expert_at_riverside,
        done_on=today,
        expires_on=today + timedelta(days=20),
    )
    mail.outbox.clear()
    assert _sweep(django_capture_on_commit_callbacks) == 1
    # The recorder is asked when there is no contact person yet.
    assert sorted(a for m in mail.outbox for a in m.to) == [
        "alex@people.example",
        "coordinator@riverside.example",
    ]
