"""Messages through the worker: a mail server that can be taken down and brought back,
and the worker run as ``powerwith worker`` runs it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


@pytest.fixture
def mail_server_down(settings) -> Callable[[], None]:
    """The mail server is down from now on; call the answer to bring it back."""
    settings.MAILERS = {"default": {"BACKEND": "tests.mail.servers.Down"}}

    def bring_back() -> None:
        settings.MAILERS = LOCMEM

    return bring_back


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        yield traveller


def run_worker() -> None:
    """Run every task that is due now, as the worker does, then stop."""
    call_command("db_worker", batch=True, interval=0, verbosity=0)


def wait_and_run_worker(clock: time_machine.Traveller, wait: timedelta) -> None:
    clock.shift(wait + timedelta(seconds=1))
    run_worker()
