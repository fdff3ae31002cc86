"""The production server killed with ``kill -9`` in the middle of consent and payment
writes loses no write it acknowledged, keeps no half-written one, and its consent ledger
still verifies.

The real thing, end to end: ``powerwith manage migrate`` on a database of the test's own
(a SQLite file, or a fresh PostgreSQL database when the suite runs on PostgreSQL), a
token from ``powerwith token create``, and ``powerwith serve`` (gunicorn, two workers) in
a process group of its own. A client thread sends consent and claim writes through the
API as fast as it can and notes each one the server acknowledged; the whole group is
killed at random moments, several times, and started again. Then the database is read
directly, in a process of its own.

A consent write is counted by its (scope, action): every write the client sends writes
exactly one event (it withdraws only a consent it saw given), so for each the database
holds at least the acknowledged writes and at most those plus the ones cut off in flight.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet

from tests.durability.processes import POWERWITH, ROOT, environment_for, powerwith, script

pytestmark = pytest.mark.xdist_group("kill-server")

ROUNDS = 5
SCOPES = ("keep_contact", "share_profile", "be_quoted")

SETUP = """
from powerwith.accounts import services
from powerwith.core.roles import Role
from tests.conftest import make_expert, make_member
from tests.engagements.factories import accepted_offer

riverside = services.create_organisation(name="Riverside Care Partnership", slug="riverside")
coordinator = make_member(riverside, "coordinator@riverside.example", Role.COORDINATOR)
admin = make_member(riverside, "admin@riverside.example", Role.ADMIN)
alex = make_expert("alex@people.example", "Alex", riverside)
offer = accepted_offer(coordinator, alex)
_, admin_token = services.create_api_token(membership=admin, name="verify", actor=admin.user)
print(json.dumps({"person": alex.pk, "offer": offer.pk, "admin_token": admin_token}))
"""

CHECK = """
from django.db import connection
from django.db.models import Count
from powerwith.accounts.models import AuditEvent
from powerwith.consent.models import ConsentEvent
from powerwith.consent.queries import verify_chain
from powerwith.payments.models import Claim, ClaimEvent

person = json.loads(sys.argv[1])["person"]
events = ConsentEvent.objects.filter(person_id=person)
claims = {}
for claim in Claim.objects.annotate(steps=Count("events")):
    history = list(ClaimEvent.objects.filter(claim=claim).values_list("status", flat=True))
    claims[claim.pk] = {"status": claim.status, "history": history}
integrity = "ok"
if connection.vendor == "sqlite":
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA integrity_check")
        integrity = cursor.fetchone()[0]
print(json.dumps({
    "consents": [[e.scope, e.action] for e in events.order_by("id")],
    "consent_audits": AuditEvent.objects.filter(action__startswith="consent.").count(),
    "claims": claims,
    "claim_audits": AuditEvent.objects.filter(action="claim.submitted").count(),
    "withdraw_audits": AuditEvent.objects.filter(action="claim.withdrawn").count(),
    "ledger_ok": verify_chain().ok,
    "integrity": integrity,
}))
"""


class NotSent(Exception):
    """The server was not there: the request never reached it."""


@dataclass
class Tally:
    """What the client sent and what the server acknowledged."""

    consents_acked: Counter[tuple[str, str]] = field(default_factory=Counter)
    consents_unknown: Counter[tuple[str, str]] = field(default_factory=Counter)
    claims_acked: set[int] = field(default_factory=set)
    claims_unknown: int = 0
    withdrawals_acked: set[int] = field(default_factory=set)
    withdrawals_unknown: set[int] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)


class Client:
    def __init__(self, port: int, token: str, person: int, offer: int) -> None:
        self.base = f"http://127.0.0.1:{port}/api/v1"
        self.token = token
        self.person = person
        self.offer = offer
        self.tally = Tally()
        self.given: dict[str, bool] = dict.fromkeys(SCOPES, False)
        self.open_claims: list[int] = []
        self.stop = threading.Event()
        self.rng = random.Random(7)  # noqa: S311 (a mix of writes, not a secret)

    def post(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        request = urllib.request.Request(  # noqa: S310 (our own http:// address)
            self.base + path,
            data=json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=20) as answer:  # noqa: S310
                return answer.status, json.load(answer)
        except urllib.error.HTTPError as refused:
            return refused.code, {"detail": refused.read().decode(errors="replace")}
        except urllib.error.URLError as error:
            if isinstance(error.reason, ConnectionRefusedError):
                raise NotSent from error
            raise

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                choice = self.rng.random()
                if choice < 0.5:
                    self.consent()
                elif choice < 0.8 or not self.open_claims:
                    self.claim()
                else:
                    self.withdraw_claim()
            except NotSent:
                time.sleep(0.02)

    def consent(self) -> None:
        scope = self.rng.choice(SCOPES)
        # Withdrawing a consent already withdrawn writes nothing: withdraw only what this
        # client saw given, so every write sent writes exactly one event.
        action = "withdraw" if self.given[scope] else "grant"
        self.given[scope] = False
        try:
            status, body = self.post(
                f"/people/{self.person}/consents", {"scope": scope, "action": action}
            )
        except NotSent:
            raise
        except OSError:
            self.tally.consents_unknown[scope, action] += 1
            return
        if status != 200:
            self.tally.errors.append(f"consent {scope} {action}: {status} {body}")
            return
        self.tally.consents_acked[scope, action] += 1
        self.given[scope] = body["state"] == "given"

    def claim(self) -> None:
        body = {
            "offer_id": self.offer,
            "kind": "expenses",
            "amount": "3.20",
            "description": "Bus fare to Riverside House",
        }
        try:
            status, answer = self.post("/claims", body)
        except NotSent:
            raise
        except OSError:
            self.tally.claims_unknown += 1
            return
        if status != 201 or answer["status"] != "submitted":
            self.tally.errors.append(f"claim: {status} {answer}")
            return
        self.tally.claims_acked.add(answer["id"])
        self.open_claims.append(answer["id"])

    def withdraw_claim(self) -> None:
        claim = self.open_claims.pop(self.rng.randrange(len(self.open_claims)))
        try:
            status, answer = self.post(f"/claims/{claim}/withdraw", {})
        except NotSent:
            self.open_claims.append(claim)
            raise
        except OSError:
            self.tally.withdrawals_unknown.add(claim)
            return
        if status != 200 or answer["status"] != "withdrawn":
            self.tally.errors.append(f"withdraw claim {claim}: {status} {answer}")
            return
        self.tally.withdrawals_acked.add(claim)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    env: dict[str, str]
    port: int
    logs: Path
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0

    def start(self) -> None:
        self.starts += 1
        with (self.logs / f"server-{self.starts}.log").open("wb") as log:
            self.process = subprocess.Popen(
                [POWERWITH, "serve", "--host=127.0.0.1", f"--port={self.port}", "--workers=2"],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed as one
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log_tail()
            try:
                url = f"http://127.0.0.1:{self.port}/api/v1/health"
                with urllib.request.urlopen(url, timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"the server did not start: {self.log_tail()}")

    def kill(self) -> None:
        """``kill -9`` the gunicorn master and its workers together."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process = None

    def log_tail(self) -> str:
        return (self.logs / f"server-{self.starts}.log").read_text(errors="replace")[-3000:]


@pytest.fixture
def server(new_database: Callable[[str], str], tmp_path: Path) -> Iterator[Server]:
    env = environment_for(
        new_database("server"),
        tmp_path / "var",
        # Production settings, but for plain HTTP on loopback and no rate limit.
        POWERWITH_TESTING="",
        DEBUG="",
        HTTPS="0",
        SECRET_KEY="a-long-random-key-for-this-test-only-" + "k9#Q" * 10,
        ALLOWED_HOSTS="127.0.0.1",
        POWERWITH_FIELD_KEYS=Fernet.generate_key().decode(),
        POWERWITH_LEDGER_KEYS="k1:throwaway-ledger-key-for-this-test-only-000",
        API_TOKEN_RATE_PER_MINUTE="1000000",
        LOG_LEVEL="WARNING",
    )
    running = Server(env=env, port=free_port(), logs=tmp_path)
    try:
        yield running
    finally:
        running.kill()


def _acked(client: Client) -> int:
    return sum(client.tally.consents_acked.values()) + len(client.tally.claims_acked)


def _wait_for_writes(client: Client, *, more_than: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while _acked(client) <= more_than and time.monotonic() < deadline:
        time.sleep(0.1)


def test_acknowledged_writes_survive_the_server_being_killed_again_and_again(
    server: Server, new_database: Callable[[str], str], tmp_path: Path
) -> None:
    migrated = powerwith(server.env, "manage", "migrate", "--verbosity=0")
    assert migrated.returncode == 0, migrated.stderr
    ids = json.loads(script(SETUP, server.env))
    made = powerwith(server.env, "token", "create", "alex@people.example")
    assert made.returncode == 0, made.stderr

    client = Client(server.port, made.stdout.strip(), ids["person"], ids["offer"])
    writer = threading.Thread(target=client.run, daemon=True)
    rng = random.Random()  # noqa: S311 (when to kill, not a secret)
    server.start()
    writer.start()
    backups = tmp_path / "backups"
    backups.mkdir()
    try:
        for round_ in range(ROUNDS):
            # On a busy machine the server takes a while to start: let each life of it
            # acknowledge a few writes, then kill it at a random moment after that.
            _wait_for_writes(client, more_than=_acked(client) + 1)
            time.sleep(rng.uniform(0.3, 1.5))
            if round_ == 1:
                # A backup taken in the middle of the writes, checked at the end.
                taken = powerwith(server.env, "manage", "backup", str(backups))
                assert taken.returncode == 0, taken.stderr
            server.kill()
            if round_ < ROUNDS - 1:
                server.start()
    finally:
        client.stop.set()
        writer.join(timeout=30)

    tally = client.tally
    assert tally.errors == []
    assert sum(tally.consents_acked.values()) >= 5, "too few consent writes to prove anything"
    assert len(tally.claims_acked) >= 5, "too few claims to prove anything"

    found = json.loads(script(CHECK, server.env, json.dumps(ids)))
    consistent(found)

    stored = Counter((scope, action) for scope, action in found["consents"])
    for key in set(tally.consents_acked) | set(stored):
        acked, unknown = tally.consents_acked[key], tally.consents_unknown[key]
        assert acked <= stored[key] <= acked + unknown, (key, acked, unknown, stored[key])

    claims = {int(pk): claim for pk, claim in found["claims"].items()}
    assert tally.claims_acked <= set(claims), "an acknowledged claim was lost"
    assert len(claims) <= len(tally.claims_acked) + tally.claims_unknown
    for pk in tally.withdrawals_acked:
        assert claims[pk]["history"] == ["submitted", "withdrawn"]
    withdrawn = {pk for pk, claim in claims.items() if claim["status"] == "withdrawn"}
    assert (
        tally.withdrawals_acked
        <= withdrawn
        <= tally.withdrawals_acked | (tally.withdrawals_unknown)
    )
    assert found["withdraw_audits"] == len(withdrawn)

    server.start()
    verify = urllib.request.Request(
        f"http://127.0.0.1:{server.port}/api/v1/consent-ledger/verify",
        headers={"Authorization": f"Bearer {ids['admin_token']}"},
    )
    with urllib.request.urlopen(verify, timeout=20) as answer:  # noqa: S310
        assert json.load(answer) == {"ok": True, "events": len(found["consents"])}

    # The backup taken while the site was busy restores to a consistent database too.
    # (Beside the database's backup lies the archive of its files: receipts, checkpoints.)
    (backup,) = [path for path in backups.iterdir() if not path.name.endswith(".files.tar")]
    # Restored as a site restores its own backup: with the same keys (the ledger's seals
    # and the encrypted fields are checked with them).
    keys = {name: server.env[name] for name in ("POWERWITH_LEDGER_KEYS", "POWERWITH_FIELD_KEYS")}
    elsewhere = environment_for(new_database("restored"), tmp_path / "restored", **keys)
    restored = powerwith(elsewhere, "manage", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "The consent ledger is intact" in restored.stdout
    consistent(json.loads(script(CHECK, elsewhere, json.dumps(ids))))


def consistent(found: dict[str, Any]) -> None:
    """No half-written write: every claim has its first step and its audit record, its
    status is its latest step, every consent event has its audit record, and the ledger
    verifies."""
    assert found["integrity"] == "ok"
    assert found["ledger_ok"] is True
    assert found["consent_audits"] == len(found["consents"]), "an event without its audit"
    for pk, claim in found["claims"].items():
        assert claim["history"][:1] == ["submitted"], f"claim {pk} without its first step"
        assert claim["status"] == claim["history"][-1], f"claim {pk} out of step"
    assert found["claim_audits"] == len(found["claims"]), "a claim without its audit"
