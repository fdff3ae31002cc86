"""The demo's privacy data: made once, the same on every run."""

from __future__ import annotations

import pytest

from powerwith import demo
from powerwith.demo.privacy import add_privacy
from powerwith.privacy.models import AccessLogEntry, RetentionPolicy

pytestmark = pytest.mark.django_db


def test_the_demo_adds_who_looked_and_the_retention_periods_once() -> None:
    demo.load(people=12)
    add_privacy()  # the load may already have added them
    assert add_privacy() == 0
    entries = AccessLogEntry.objects.filter(person__email="expert1@people.example")
    assert entries.count() == 3
    assert RetentionPolicy.objects.get(organisation__slug="riverside").payment_months == 84
