"""A process killed in the middle of a withdrawal leaves the state before or the state
after, never an output usable after its withdrawal was recorded.

Each step runs in its own Python process against a database of its own — a file-based
SQLite database, or on PostgreSQL (when ``DATABASE_URL`` names one) a fresh database on
the same server, dropped afterwards. One process builds the data, one begins a
withdrawal that stops inside its transaction once the event is stored (a hook on
``AFTER_WITHDRAWAL_STORED`` that says so in a file, then waits) and is SIGKILLed there,
and one reads what the database holds afterwards.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.durability.processes import PRELUDE, ROOT, SCHEMA, environment_for, script

SETUP = (
    SCHEMA
    + """
from powerwith.core.roles import Role
from powerwith.consent.services import grant_consent
from powerwith.accounts import services
from tests.conftest import make_expert, make_member
from tests.consent.factories import output_of, own
riverside = services.create_organisation(name="Riverside Care Partnership", slug="riverside")
coordinator = make_member(riverside, "coordinator@riverside.example", Role.COORDINATOR)
alex = make_expert("alex@people.example", "Alex", riverside)
output = output_of(coordinator, alex, uses=["publish"])
grant_consent(
    person=alex, scope="publish", actor=own(alex, riverside.pk), opportunity=output.opportunity
)
print(json.dumps({"person": alex.pk, "output": output.pk}))
"""
)


# Once the event is stored, say so in the file named by the second argument and wait
# there, inside the transaction, to be killed.
PAUSE_AFTER_THE_EVENT = """
import time
from pathlib import Path
from powerwith.consent.services import AFTER_WITHDRAWAL_STORED

def pause(event):
    Path(sys.argv[2]).write_text("event stored", encoding="utf-8")
    time.sleep(120)

AFTER_WITHDRAWAL_STORED.append(pause)
"""

WITHDRAW = """
from powerwith.consent.models import Output
from powerwith.consent.services import withdraw_consent
from powerwith.people.models import Person
from tests.consent.factories import own
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
from powerwith.inbox.models import ActionNeeded
ids = json.loads(sys.argv[1])
output = Output.objects.select_related("organisation", "opportunity").get(pk=ids["output"])
print(json.dumps({
    "withdrawals": ConsentEvent.objects.filter(action="withdraw").count(),
    "usable": usability(output).usable["publish"],
    "ok": verify_chain().ok,
    "tasks": ActionNeeded.objects.filter(kind="take_down").count(),
}))
"""


def test_a_withdrawal_killed_mid_transaction_leaves_the_state_before(
    new_database: Callable[[str], str], tmp_path: Path
) -> None:
    environment = environment_for(new_database("killed"), tmp_path)
    ids = script(SETUP, environment)
    before = json.loads(script(CHECK, environment, ids))
    assert before == {"withdrawals": 0, "usable": True, "ok": True, "tasks": 0}

    marker = tmp_path / "event-stored"
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            PRELUDE.format(root=str(ROOT)) + PAUSE_AFTER_THE_EVENT + WITHDRAW,
            ids,
            str(marker),
        ],
        env=environment,
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

    after_kill = json.loads(script(CHECK, environment, ids))
    # Either nothing of the withdrawal is kept, or all of it; never a recorded
    # withdrawal with the output still usable.
    assert after_kill in (
        {"withdrawals": 0, "usable": True, "ok": True, "tasks": 0},
        {"withdrawals": 1, "usable": False, "ok": True, "tasks": 1},
    )
    assert after_kill["withdrawals"] == 0  # the transaction had not committed

    assert script(WITHDRAW, environment, ids) == "done"
    finished = json.loads(script(CHECK, environment, ids))
    assert finished == {"withdrawals": 1, "usable": False, "ok": True, "tasks": 1}
