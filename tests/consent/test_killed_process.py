"""A process killed in the middle of a withdrawal leaves the state before or the state
after, never an output usable after its withdrawal was recorded.

Each step runs in its own Python process against a database of its own — a file-based
SQLite database, or on PostgreSQL (when ``DATABASE_URL`` names one) a fresh database on
the same server, dropped afterwards. One process builds the data, one begins a
withdrawal that stops inside its transaction once the event is stored
(``POWERWITH_TEST_PAUSE_AFTER_WITHDRAWAL_EVENT``) and is SIGKILLed there, and one reads
what the database holds afterwards.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from powerwith.consent.services import PAUSE_ENV

ROOT = Path(__file__).resolve().parents[2]

PRELUDE = """
import json, os, sys
sys.path.insert(0, {root!r})
import django
django.setup()
"""

SETUP = """
from django.conf import settings
from django.core.management import call_command

class NoMigrations(dict):
    def __contains__(self, item):
        return True
    def __getitem__(self, item):
        return None

settings.MIGRATION_MODULES = NoMigrations()
call_command("migrate", run_syncdb=True, verbosity=0)
from powerwith.accounts.roles import Role
from powerwith.consent.services import grant_consent
from powerwith.accounts import services
from tests.conftest import make_expert, make_member
from tests.consent.outputs_factories import output_of, own
riverside = services.create_organisation(name="Riverside Care Partnership", slug="riverside")
coordinator = make_member(riverside, "coordinator@riverside.example", Role.COORDINATOR)
alex = make_expert("alex@people.example", "Alex", riverside)
output = output_of(coordinator, alex, uses=["publish"])
grant_consent(
    person=alex, scope="publish", actor=own(alex, riverside.pk), opportunity=output.opportunity
)
print(json.dumps({"person": alex.pk, "output": output.pk}))
"""

WITHDRAW = """
from powerwith.consent.models import Output
from powerwith.consent.services import withdraw_consent
from powerwith.people.models import Person
from tests.consent.outputs_factories import own
ids = json.loads(sys.argv[1])
output = Output.objects.get(pk=ids["output"])
alex = Person.objects.get(pk=ids["person"])
withdraw_consent(person=alex, scope="publish", actor=own(alex, output.organisation_id),
                 opportunity=output.opportunity)
print("done")
"""

CHECK = """
from powerwith.consent.models import ConsentEvent, Output
from powerwith.consent.queries import verify_chain
from powerwith.consent.usability import usability
from powerwith.engagements.models import ActionNeeded
ids = json.loads(sys.argv[1])
output = Output.objects.select_related("organisation", "opportunity").get(pk=ids["output"])
print(json.dumps({
    "withdrawals": ConsentEvent.objects.filter(action="withdraw").count(),
    "usable": usability(output).usable["publish"],
    "ok": verify_chain().ok,
    "tasks": ActionNeeded.objects.filter(kind="take_down").count(),
}))
"""


def _postgres_admin(statement: str) -> None:
    import psycopg

    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        autocommit=True,
    ) as admin:
        admin.execute(statement)


@pytest.fixture
def database_url(tmp_path: Path) -> Iterator[str]:
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'killed.sqlite3'}"
        return
    settings = connection.settings_dict
    name = f"powerwith_killed_{uuid.uuid4().hex[:12]}"
    _postgres_admin(f'CREATE DATABASE "{name}"')
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    try:
        yield (
            f"postgres://{quote(settings['USER'], safe='')}{password}"
            f"@{settings['HOST']}:{settings['PORT']}/{name}"
        )
    finally:
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def environment(tmp_path: Path, database_url: str) -> dict[str, str]:
    env = {
        key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", PAUSE_ENV)
    }
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="powerwith.settings",
        POWERWITH_TESTING="1",
        POWERWITH_VAR_DIR=str(tmp_path),
    )
    return env


def script(body: str) -> list[str]:
    return [sys.executable, "-c", PRELUDE.format(root=str(ROOT)) + body]


def run(body: str, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [*script(body), *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_a_withdrawal_killed_mid_transaction_leaves_the_state_before(
    environment: dict[str, str], tmp_path: Path
) -> None:
    ids = run(SETUP, environment)
    before = json.loads(run(CHECK, environment, ids))
    assert before == {"withdrawals": 0, "usable": True, "ok": True, "tasks": 0}

    marker = tmp_path / "event-stored"
    paused = {**environment, PAUSE_ENV: str(marker)}
    process = subprocess.Popen(
        [*script(WITHDRAW), ids],
        env=paused,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 90
        while not marker.exists():
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the withdrawal never stored its event"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)

    after_kill = json.loads(run(CHECK, environment, ids))
    # Either nothing of the withdrawal is kept, or all of it; never a recorded
    # withdrawal with the output still usable.
    assert after_kill in (
        {"withdrawals": 0, "usable": True, "ok": True, "tasks": 0},
        {"withdrawals": 1, "usable": False, "ok": True, "tasks": 1},
    )
    assert after_kill["withdrawals"] == 0  # the transaction had not committed

    assert run(WITHDRAW, environment, ids) == "done"
    finished = json.loads(run(CHECK, environment, ids))
    assert finished == {"withdrawals": 1, "usable": False, "ok": True, "tasks": 1}
