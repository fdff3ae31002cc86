"""``powerwith manage backup`` and ``restore``: a round trip brings back every row as it
was at backup time, with a consent ledger that verifies; bad paths change nothing.

Each step runs in its own process against a database of the test's own (SQLite file, or
a fresh PostgreSQL database when the suite runs on PostgreSQL), as an operator would.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from powerwith import backups
from powerwith.accounts.models import Organisation
from powerwith.backups import postgres
from tests.durability.processes import SCHEMA, environment_for, powerwith, script

SETUP = """
from powerwith.accounts import services
from powerwith.core.roles import Role
from powerwith.consent.services import grant_consent
from powerwith.payments.services import submit_claim
from tests.conftest import make_expert, make_member
from tests.engagements.factories import accepted_offer, expert_membership

riverside = services.create_organisation(name="Riverside Care Partnership", slug="riverside")
coordinator = make_member(riverside, "coordinator@riverside.example", Role.COORDINATOR)
alex = make_expert("alex@people.example", "Alex", riverside)
offer = accepted_offer(coordinator, alex)
own = expert_membership(alex, riverside.pk)
grant_consent(person=alex, scope="take_part", actor=own, opportunity=offer.opportunity)
grant_consent(person=alex, scope="be_quoted", actor=own)
submit_claim(person=alex, offer=offer, kind="expenses", by=own, amount="12.50",
             category="travel", description="Bus fare to Riverside House")
print("ready")
"""

CHANGE = """
from powerwith.accounts.models import Membership, Organisation
from powerwith.consent.services import withdraw_consent
from powerwith.payments.models import Claim
from powerwith.payments.services import submit_claim, withdraw_claim

claim = Claim.objects.get()
own = Membership.objects.get(user=claim.person.user)
withdraw_consent(person=claim.person, scope="be_quoted", actor=own)
withdraw_claim(claim, by=own)
submit_claim(person=claim.person, offer=claim.offer, kind="expenses", by=own, amount="4.00",
             category="subsistence", description="Lunch")
Organisation.objects.filter(pk=claim.organisation_id).update(name="Renamed after the backup")
Membership.objects.filter(role="coordinator").delete()
print("changed")
"""

# Every row of every table, as dumpdata writes it: the whole database's contents.
CONTENTS = """
from io import StringIO
from django.core.management import call_command
from powerwith.consent.queries import verify_chain
out = StringIO()
call_command("dumpdata", "--natural-foreign", stdout=out)
rows = sorted(json.dumps(row, sort_keys=True) for row in json.loads(out.getvalue()))
print(json.dumps({"rows": rows, "ledger_ok": verify_chain().ok}))
"""


def contents(env: dict[str, str], before: str = "") -> dict[str, Any]:
    found: dict[str, Any] = json.loads(script(before + CONTENTS, env))
    return found


@pytest.fixture
def site(
    new_database: Callable[[str], str], tmp_path: Path
) -> tuple[dict[str, str], dict[str, Any]]:
    """A database with an organisation, an expert, their consents and a claim, and all
    that it holds."""
    env = environment_for(new_database("site"), tmp_path / "var")
    return env, contents(env, before=SCHEMA + SETUP)


def test_a_restored_backup_brings_back_everything_as_it_was(
    site: tuple[dict[str, str], dict[str, Any]], tmp_path: Path
) -> None:
    env, at_backup = site
    assert at_backup["ledger_ok"] is True
    nightly = tmp_path / "nightly"
    nightly.mkdir()

    made = powerwith(env, "manage", "backup", str(nightly))
    assert made.returncode == 0, made.stderr
    backup, archive = sorted(nightly.iterdir())
    assert backup.name.startswith("powerwith-")
    assert backup.suffix == (".sqlite3" if connection.vendor == "sqlite" else ".dump")
    assert archive == backups.files_archive_for(backup)
    assert made.stdout == (
        f"Backed up the database to {backup}\n"
        f"and its uploaded files and ledger checkpoints to {archive}\n"
    )
    for written in (backup, archive):
        assert written.stat().st_mode & 0o077 == 0, "only the operator may read a backup"

    changed = contents(env, before=CHANGE)
    assert changed != at_backup

    refused = powerwith(env, "manage", "restore", str(backup))
    assert refused.returncode != 0
    assert "already holds data (1 organisation, 2 users)" in refused.stderr
    assert "--force" in refused.stderr
    assert contents(env) == changed

    restored = powerwith(env, "manage", "restore", "--force", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "The consent ledger is intact: 2 events verified." in restored.stdout
    assert contents(env) == at_backup


def test_a_backup_restores_onto_a_new_empty_database(
    site: tuple[dict[str, str], dict[str, Any]], new_database: Callable[[str], str], tmp_path: Path
) -> None:
    env, at_backup = site
    made = powerwith(env, "manage", "backup")
    assert made.returncode == 0, made.stderr
    written, _ = sorted((tmp_path / "var" / "backups").iterdir())
    assert written.name.startswith("powerwith-")
    assert str(written) in made.stdout

    elsewhere = environment_for(new_database("elsewhere"), tmp_path / "elsewhere")
    restored = powerwith(elsewhere, "manage", "restore", str(written))
    assert restored.returncode == 0, restored.stderr
    assert "The consent ledger is intact: 2 events verified." in restored.stdout
    assert contents(elsewhere) == at_backup


# Refusals, in this process: each is refused before the database is touched.


def refusal(*args: str) -> str:
    with pytest.raises(CommandError) as refused:
        call_command(*args)
    return str(refused.value)


@pytest.mark.django_db
def test_a_backup_to_a_missing_folder_is_refused(tmp_path: Path) -> None:
    message = refusal("backup", str(tmp_path / "no" / "such.backup"))
    assert message == f"The folder {tmp_path / 'no'} does not exist. Create it, or choose another."
    assert list(tmp_path.iterdir()) == []


@pytest.mark.django_db
def test_a_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    existing = tmp_path / "keep-me.backup"
    existing.write_text("an earlier backup")
    assert "already exists" in refusal("backup", str(existing))
    assert existing.read_text() == "an earlier backup"
    assert list(tmp_path.iterdir()) == [existing]


@pytest.mark.django_db
def test_restoring_a_file_that_is_not_there_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.backup"
    assert refusal("restore", "--force", str(missing)) == f"There is no backup file at {missing}."


@pytest.mark.django_db
def test_restoring_a_file_that_is_not_a_backup_is_refused(
    riverside: Organisation, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    message = refusal("restore", "--force", str(notes))
    assert message.startswith(f"{notes} is not a ")
    assert "backup of powerwith" in message
    assert Organisation.objects.get() == riverside


def test_a_missing_pg_dump_is_named_with_what_to_do(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("PG_BIN", str(tmp_path))
    monkeypatch.setattr(postgres, "DEBIAN_PG_ROOT", tmp_path)
    with pytest.raises(backups.BackupError) as missing:
        backups.pg_tool("pg_dump")
    assert str(missing.value) == (
        "pg_dump was not found. Install PostgreSQL's client programs (on Debian: apt-get "
        "install postgresql-client), or set PG_BIN to the folder that holds pg_dump."
    )
