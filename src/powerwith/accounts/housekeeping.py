"""Removing what login leaves behind once it serves no one: run by the worker with the
reminders (``powerwith.reminders.SWEEPS``), idempotent.

- Django sessions past their expiry (they hold who is logged in, and a pending import);
- failed login attempts (an e-mail address and an IP address each) once they are
  ``LOGIN_ATTEMPTS_KEPT`` old, long after they stopped counting towards a lock-out;
- the record of a browser session (IP address and browser) ``ENDED_SESSIONS_KEPT`` after
  it ended, so the person's "where you are logged in" page stays honest without
  keeping where they were for ever.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from axes.models import AccessAttempt
from django.contrib.sessions.models import Session

from powerwith.accounts.models import UserSession

LOGIN_ATTEMPTS_KEPT = timedelta(days=30)
ENDED_SESSIONS_KEPT = timedelta(days=90)


def sweep(now: datetime) -> int:
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    attempts, _ = AccessAttempt.objects.filter(attempt_time__lt=now - LOGIN_ATTEMPTS_KEPT).delete()
    ended, _ = UserSession.objects.filter(ended_at__lt=now - ENDED_SESSIONS_KEPT).delete()
    return sessions + attempts + ended
