"""Reminders: one background task that asks each part of the product for what is due.

``powerwith worker`` queues it when it starts, and each run queues the next, so one
worker keeps reminders flowing without a separate scheduler. Every sweep is idempotent
(it notes what it reminded about), so two workers, or a run of
``powerwith manage send_reminders`` from cron, never remind twice. A sweep only queues the
e-mail it decides on: the worker sends it (powerwith.core.mail).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.tasks import task
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

SWEEPS = (
    "powerwith.engagements.reminders.sessions.sweep",
    "powerwith.engagements.reminders.wellbeing.sweep",
    "powerwith.payments.reminders.sweep",
    "powerwith.consent.reminders.sweep",
    "powerwith.evaluation.reminders.sweep",
    "powerwith.evaluation.reminders.reviews.sweep",
    "powerwith.workflows.check_reminders.sweep",
    "powerwith.privacy.retention.sweep",
    "powerwith.privacy.copies.sweep",
    "powerwith.learning.benchmarks.sweep",
    # Not a reminder, but due on a schedule all the same: the ledger's daily checkpoint.
    "powerwith.consent.anchoring.sweep",
    "powerwith.accounts.housekeeping.sweep",
    # Nor this: every organisation's dashboard worked out ahead of anyone asking.
    "powerwith.reports.dashboard.summaries.sweep",
)
EVERY = timedelta(minutes=15)


def run_sweeps() -> dict[str, int]:
    """Run each sweep in turn; one failing does not stop the others."""
    now = timezone.now()
    done: dict[str, int] = {}
    for path in SWEEPS:
        try:
            done[path] = import_string(path)(now)
        except Exception:
            logger.exception("Reminder sweep %s failed", path)
            done[path] = -1
    return done


@task
def send_reminders(repeat: bool = True) -> dict[str, int]:
    done = run_sweeps()
    if repeat:
        send_reminders.using(run_after=timezone.now() + EVERY).enqueue(repeat=True)
    return done


def start() -> None:
    """Queue the first run, unless one is already waiting."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=send_reminders.module_path, status="READY"
    ).exists()
    if not waiting:
        send_reminders.enqueue(repeat=True)
