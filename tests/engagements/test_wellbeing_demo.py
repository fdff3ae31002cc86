"""The demo's wellbeing data: answered checks and a time out for booked people, made
through the services, and nothing more on a second run."""

from __future__ import annotations

import pytest

from powerwith.demo.wellbeing import add_wellbeing
from powerwith.engagements.models import StopEvent
from powerwith.inbox.models import ActionNeeded
from tests.engagements.factories import booked

pytestmark = pytest.mark.django_db


def test_with_no_bookings_it_does_nothing(riverside_coordinator):
    assert add_wellbeing() == 0
    assert not StopEvent.objects.exists()


def test_it_records_a_time_out_once_however_often_it_runs(
    riverside_coordinator, riverside_contact, expert_at_riverside
):
    booked(riverside_coordinator, expert_at_riverside, contact=riverside_contact.user)
    assert add_wellbeing() >= 1
    assert add_wellbeing() == 0
    assert StopEvent.objects.get().kind == "time_out"
    assert ActionNeeded.objects.get().assignee == riverside_contact.user
