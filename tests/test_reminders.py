"""The worker keeps reminders flowing: starting it queues one reminders task, and a run
of the task sweeps every part and queues the next run."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from powerwith import reminders

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_in_the_database")]


def test_starting_the_worker_queues_one_reminders_task_however_often_it_starts():
    reminders.start()
    reminders.start()
    waiting = DBTaskResult.objects.filter(task_path="powerwith.reminders.send_reminders")
    assert waiting.count() == 1


# The worker closes the database connection when it is done, as it would between
# tasks: that needs a test whose writes are committed, not one inside a transaction.
@pytest.mark.django_db(transaction=True)
def test_a_run_sweeps_every_part_and_queues_the_next(monkeypatch):
    swept: list[str] = []
    monkeypatch.setattr(reminders, "SWEEPS", ("tests.test_reminders.counting_sweep",), raising=True)
    monkeypatch.setattr("tests.test_reminders.SWEPT", swept)
    reminders.start()
    call_command("db_worker", batch=True, interval=0, verbosity=0)
    assert swept == ["swept"]
    queued = DBTaskResult.objects.filter(
        task_path="powerwith.reminders.send_reminders", status="READY"
    )
    assert queued.count() == 1
    assert queued.get().run_after is not None


def test_one_failing_sweep_does_not_stop_the_others(monkeypatch):
    monkeypatch.setattr(
        reminders,
        "SWEEPS",
        ("tests.test_reminders.failing_sweep", "tests.test_reminders.counting_sweep"),
    )
    swept: list[str] = []
    monkeypatch.setattr("tests.test_reminders.SWEPT", swept)
    done = reminders.run_sweeps()
    assert done == {
        "tests.test_reminders.failing_sweep": -1,
        "tests.test_reminders.counting_sweep": 1,
    }
    assert swept == ["swept"]


SWEPT: list[str] = []


def counting_sweep(now: object) -> int:
    SWEPT.append("swept")
    return 1


def failing_sweep(now: object) -> int:
    raise RuntimeError("the mail server is down")
