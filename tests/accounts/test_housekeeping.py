"""The worker removes what login leaves behind once it serves no one: expired sessions,
old failed login attempts and the records of browser sessions long ended."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from powerwith.accounts import housekeeping
from powerwith.accounts.models import UserSession
from powerwith.reminders import SWEEPS

pytestmark = pytest.mark.django_db


def test_the_worker_runs_the_housekeeping():
    assert "powerwith.accounts.housekeeping.sweep" in SWEEPS


def test_expired_sessions_old_attempts_and_long_ended_sessions_are_removed(
    riverside_coordinator,
):
    now = timezone.now()
    for expiry in (now - timedelta(minutes=1), now + timedelta(hours=1)):
        store = SessionStore()
        store.set_expiry(expiry)
        store.save()
    for number, age in enumerate((timedelta(days=31), timedelta(days=1))):
        attempt = AccessAttempt.objects.create(
            username=f"someone{number}@example.org",
            ip_address="192.0.2.1",
            user_agent="test",
            failures_since_start=1,
            get_data="",
            post_data="",
            http_accept="",
            path_info="/login/",
        )
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=now - age)
    user = riverside_coordinator.user
    for number, ended in enumerate((now - timedelta(days=91), now - timedelta(days=1), None)):
        UserSession.objects.create(user=user, session_key=f"key{number}", ended_at=ended)

    assert housekeeping.sweep(now) == 3
    assert Session.objects.count() == 1
    assert AccessAttempt.objects.count() == 1
    assert sorted(UserSession.objects.values_list("session_key", flat=True)) == ["key1", "key2"]
    assert housekeeping.sweep(now) == 0
