"""``restore --check``, the drill: it restores the backup into a temporary place (a copy
of the SQLite file, or a new PostgreSQL database), runs the migrations on it in another
process, verifies the consent ledger against the archive's checkpoints and that every
receipt the database names is in the archive, then removes the temporary place. The live
database and folders are never written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from powerwith.backups.database import data_held, vendor
from powerwith.backups.errors import BackupError
from powerwith.backups.files import CHECKPOINTS, MEDIA, files_archive_for, put_back_files
from powerwith.backups.postgres import (
    PG_TIMEOUT_SECONDS,
    check_pg_archive,
    pg_admin,
    pg_tool,
    pg_url,
    run_pg,
)
from powerwith.backups.sqlite import check_sqlite_backup
from powerwith.consent.queries import verify_chain
from powerwith.payments.models import Claim

# Run in a process of its own against the temporary copy: migrate it, then report.
CHECK_SCRIPT = """
import json
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from powerwith.backups import report_on_restored_copy
executor = MigrationExecutor(connection)
pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
call_command("migrate", interactive=False, verbosity=0)
print(json.dumps({"migrations_applied": pending, **report_on_restored_copy()}))
"""


@dataclass
class Checked:
    """What ``restore --check`` found. ``problems`` is empty when the backup is good."""

    path: Path
    problems: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def check(path: Path) -> Checked:
    """Restore the backup at ``path`` somewhere temporary, migrate it, verify it, and
    throw it away; answers what was found. Nothing live is written."""
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    checked = Checked(path=path)
    with tempfile.TemporaryDirectory(prefix="powerwith-restore-check-") as scratch:
        place = Path(scratch)
        var = place / "var"
        folders = {MEDIA: var / MEDIA, CHECKPOINTS: var / CHECKPOINTS}
        for folder in folders.values():
            folder.mkdir(parents=True)
        archive = files_archive_for(path)
        if archive.is_file():
            try:
                put = put_back_files(archive, folders)
            except (BackupError, tarfile.TarError, OSError) as error:
                checked.problems.append(f"The files archive {archive.name} is damaged: {error}")
                return checked
            checked.summary.append(f"Files archive {archive.name}: {put} files read.")
        else:
            checked.problems.append(
                f"There is no files archive ({archive.name}) beside the backup: uploaded "
                "receipts and the ledger's checkpoints would not come back."
            )
        if vendor() == "sqlite":
            check_sqlite_backup(path)
            copy = place / "restored.sqlite3"
            shutil.copyfile(path, copy)
            _check_restored(checked, f"sqlite:///{copy}", var)
        elif vendor() == "postgresql":
            check_pg_archive(path)
            name = f"powerwith_check_{uuid.uuid4().hex[:12]}"
            pg_admin(f'CREATE DATABASE "{name}"')
            try:
                run_pg(
                    [
                        pg_tool("pg_restore"),
                        "--single-transaction",
                        "--exit-on-error",
                        "--no-owner",
                        "--no-privileges",
                        f"--dbname={name}",
                        str(path),
                    ],
                    "pg_restore into a temporary database",
                )
                _check_restored(checked, pg_url(name), var)
            finally:
                pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            raise BackupError(f"Checking backups of {vendor()} databases is not supported.")
    return checked


def _check_restored(checked: Checked, database_url: str, var: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "POWERWITH_VAR_DIR": str(var),
        "POWERWITH_LEDGER_CHECKPOINT_DIR": str(var / CHECKPOINTS),
        "CACHE_URL": "locmem://",
        "DJANGO_SETTINGS_MODULE": "powerwith.settings",
    }
    try:
        done = subprocess.run(  # noqa: S603 (this interpreter and our own script)
            [sys.executable, "-c", CHECK_SCRIPT],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=PG_TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired:
        checked.problems.append("Migrating the restored copy took longer than an hour.")
        return
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
        checked.problems.append(f"The restored copy could not be migrated: {last}")
        return
    found = json.loads(done.stdout.strip().splitlines()[-1])
    checked.summary.append(
        f"Restored into a temporary copy and applied {found['migrations_applied']} "
        "migrations the backup did not have."
    )
    checked.summary.append(f"It holds {found['held'] or 'no data'}.")
    if found["ledger_ok"]:
        checked.summary.append(
            f"The consent ledger is intact: {found['events']} events verified, sealed, and "
            f"matching {found['checkpoints']} checkpoints."
        )
    elif found["first_bad_event"] is not None:
        checked.problems.append(
            f"The consent ledger is broken at event {found['first_bad_event']}. {found['problem']}"
        )
    else:
        checked.problems.append(f"The consent ledger does not verify. {found['problem']}")
    missing = found["receipts_missing"]
    if missing:
        checked.problems.append(
            f"{len(missing)} uploaded receipts the database names are not in the files "
            f"archive (the first: {missing[0]})."
        )
    else:
        checked.summary.append(f"Every uploaded receipt is there ({found['receipts']}).")


def report_on_restored_copy() -> dict[str, Any]:
    """Run inside the checking process, against the restored copy."""
    result = verify_chain()
    names = [
        name for name in Claim.objects.exclude(receipt="").values_list("receipt", flat=True) if name
    ]
    media = Path(settings.MEDIA_ROOT)
    return {
        "held": data_held(),
        "ledger_ok": result.ok,
        "events": result.events,
        "checkpoints": result.checkpoints,
        "first_bad_event": result.first_bad_event_id,
        "problem": result.problem,
        "receipts": len(names),
        "receipts_missing": [name for name in names if not (media / name).is_file()],
    }
