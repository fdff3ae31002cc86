"""The demo's bookings and adjustments: made once, through the services, the same on
every run."""

from __future__ import annotations

import pytest

from powerwith import demo
from powerwith.demo.sessions import add_sessions
from powerwith.engagements.models import Adjustment, AdjustmentStatus, Attendance

pytestmark = pytest.mark.django_db


def test_the_demo_books_expert1_and_asks_for_adjustments_once():
    demo.load(people=12)
    add_sessions()  # the load may already have added them
    assert add_sessions() == 0
    expert1 = Attendance.objects.filter(person__email="expert1@people.example")
    assert expert1.filter(status="booked", attended=False).count() >= 1
    assert expert1.filter(attended=True).exists()
    statuses = set(Adjustment.objects.values_list("status", flat=True))
    assert statuses == {AdjustmentStatus.REQUESTED, AdjustmentStatus.CONFIRMED}
