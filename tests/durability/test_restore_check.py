"""``powerwith manage restore --check``: the restore drill. It proves a backup opens,
migrates and verifies (ledger, checkpoints, uploaded receipts) in a temporary place, and
never changes the live database or its folders. The backup carries the files the
database points at, and ``restore`` puts them back."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from powerwith import backups
from tests.durability.processes import SCHEMA, environment_for, powerwith, script
from tests.durability.test_backup import SETUP, contents

# The tables straight from the models (quicker than every migration), then every
# migration recorded as applied, as on a deployed site: the drill migrates the copy on.
MIGRATED = (
    SCHEMA
    + """
settings.MIGRATION_MODULES = {}
call_command("migrate", fake=True, verbosity=0)
"""
)

RECEIPT = """
from django.core.files.uploadedfile import SimpleUploadedFile
from powerwith.accounts.models import Membership
from powerwith.consent.ledger import write_checkpoint
from powerwith.payments.models import Claim
from powerwith.payments.services import submit_claim

claim = Claim.objects.get()
own = Membership.objects.get(user=claim.person.user)
submit_claim(person=claim.person, offer=claim.offer, kind="expenses", by=own, amount="3.20",
             category="travel", description="Train",
             receipt=SimpleUploadedFile("train.pdf", b"%PDF-1.4\\n%%EOF\\n",
                                        content_type="application/pdf"))
write_checkpoint()
print(Claim.objects.exclude(receipt="").get().receipt.name)
"""


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and a digest of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def site(new_database: Callable[[str], str], tmp_path: Path) -> tuple[dict[str, str], str]:
    """A migrated database with consents, a claim with an uploaded receipt and a ledger
    checkpoint; answers its environment and the receipt's name."""
    env = environment_for(new_database("site"), tmp_path / "var")
    receipt = script(MIGRATED + SETUP + RECEIPT, env)
    return env, receipt


def backed_up(env: dict[str, str], folder: Path) -> Path:
    folder.mkdir()
    made = powerwith(env, "manage", "backup", str(folder))
    assert made.returncode == 0, made.stderr
    return next(p for p in folder.iterdir() if not p.name.endswith(".files.tar"))


def test_the_drill_proves_a_backup_restores_and_changes_nothing_live(
    site: tuple[dict[str, str], str], tmp_path: Path
) -> None:
    env, receipt = site
    backup = backed_up(env, tmp_path / "nightly")
    var = tmp_path / "var"
    before: dict[str, Any] = {"rows": contents(env), "files": tree(var)}

    checked = powerwith(env, "manage", "restore", "--check", str(backup))

    assert checked.returncode == 0, checked.stderr
    assert f"Checked {backup}; nothing live was changed." in checked.stdout
    assert "applied 0 migrations" in checked.stdout
    assert "The consent ledger is intact: 2 events verified, sealed, and matching 1 " in (
        checked.stdout
    )
    assert "Every uploaded receipt is there (1)." in checked.stdout
    assert checked.stdout.rstrip().endswith("The backup restores, migrates and verifies.")
    assert contents(env) == before["rows"]
    assert tree(var) == before["files"]  # the database file, receipts and checkpoints
    assert (var / "media" / receipt).is_file()


def test_restore_puts_back_the_receipts_and_checkpoints_from_the_backup(
    site: tuple[dict[str, str], str], new_database: Callable[[str], str], tmp_path: Path
) -> None:
    env, receipt = site
    backup = backed_up(env, tmp_path / "nightly")
    elsewhere = environment_for(new_database("elsewhere"), tmp_path / "elsewhere")

    restored = powerwith(elsewhere, "manage", "restore", str(backup))

    assert restored.returncode == 0, restored.stderr
    assert "Put back 2 missing files" in restored.stdout
    assert (tmp_path / "elsewhere" / "media" / receipt).read_bytes().startswith(b"%PDF")
    assert list((tmp_path / "elsewhere" / "ledger-checkpoints").glob("checkpoint-*.json"))


def test_the_drill_names_a_receipt_missing_from_the_backup(
    site: tuple[dict[str, str], str], tmp_path: Path
) -> None:
    env, receipt = site
    (tmp_path / "var" / "media" / receipt).unlink()  # lost before the backup was made
    backup = backed_up(env, tmp_path / "nightly")

    checked = powerwith(env, "manage", "restore", "--check", str(backup))

    assert checked.returncode != 0
    assert "1 uploaded receipts the database names are not in the files archive" in (checked.stderr)
    assert receipt in checked.stderr


@pytest.mark.skipif(connection.vendor != "sqlite", reason="edits a SQLite backup file")
def test_the_drill_names_the_event_of_a_tampered_backup(
    site: tuple[dict[str, str], str], tmp_path: Path
) -> None:
    env, _ = site
    backup = backed_up(env, tmp_path / "nightly")
    edited = sqlite3.connect(backup)
    triggers = edited.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
        ["consent_consentevent"],
    ).fetchall()
    for (name,) in triggers:  # whoever edits the file can drop the triggers first
        edited.execute(f'DROP TRIGGER "{name}"')
    (first,) = edited.execute("SELECT MIN(id) FROM consent_consentevent").fetchone()
    edited.execute("UPDATE consent_consentevent SET scope = 'publish' WHERE id = ?", [first])
    edited.commit()
    edited.close()
    live = hashlib.sha256(Path(env["DATABASE_URL"].removeprefix("sqlite:///")).read_bytes())

    checked = powerwith(env, "manage", "restore", "--check", str(backup))

    assert checked.returncode != 0
    assert f"The consent ledger is broken at event {first}." in checked.stderr
    after = hashlib.sha256(Path(env["DATABASE_URL"].removeprefix("sqlite:///")).read_bytes())
    assert after.hexdigest() == live.hexdigest()


def test_the_drill_refuses_a_damaged_backup(
    site: tuple[dict[str, str], str], tmp_path: Path
) -> None:
    env, _ = site
    backup = backed_up(env, tmp_path / "nightly")
    data = backup.read_bytes()
    backup.write_bytes(data[: len(data) // 3])  # cut short, as by a full disk

    checked = powerwith(env, "manage", "restore", "--check", str(backup))

    assert checked.returncode != 0
    assert "The backup does not restore" in checked.stderr


def test_the_drill_names_a_damaged_files_archive(
    site: tuple[dict[str, str], str], tmp_path: Path
) -> None:
    env, _ = site
    backup = backed_up(env, tmp_path / "nightly")
    backups.files_archive_for(backup).write_bytes(b"not a tar archive at all" * 50)

    checked = powerwith(env, "manage", "restore", "--check", str(backup))

    assert checked.returncode != 0
    assert "The files archive" in checked.stderr
    assert "is damaged" in checked.stderr
