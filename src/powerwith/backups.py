"""Backing up and restoring the database, while the site runs.

SQLite: the online backup API copies a consistent snapshot page by page, whatever other
processes are writing (WAL mode lets them carry on). PostgreSQL: ``pg_dump`` in its
custom format, restored by ``pg_restore --clean --if-exists`` in one transaction, so a
restore that fails changes nothing. Either way a backup is written to a temporary file
beside its destination and renamed into place only once complete, and a restore ends by
verifying the consent ledger.

Uploaded receipts are files under ``MEDIA_ROOT``, not in the database: back that folder
up alongside.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils import timezone

from powerwith.consent.ledger import Verification
from powerwith.consent.queries import verify_chain

SQLITE_HEADER = b"SQLite format 3\x00"
POSTGRES_ARCHIVE_HEADER = b"PGDMP"
# Tables a powerwith database always has; a file without them is not one of our backups.
REQUIRED_TABLES = ("accounts_user", "consent_consentevent")
PG_TIMEOUT_SECONDS = 60 * 60
DEBIAN_PG_ROOT = Path("/usr/lib/postgresql")


class BackupError(Exception):
    """Something the person running the command can fix; nothing has been changed."""


@dataclass(frozen=True)
class Restored:
    path: Path
    ledger: Verification


def vendor() -> str:
    return connection.vendor


def default_path() -> Path:
    """``var/backups/powerwith-YYYYMMDD-HHMMSS.<ext>``, in the service's local time."""
    return _timestamped(Path(settings.VAR_DIR) / "backups")


def _timestamped(folder: Path) -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    extension = "sqlite3" if vendor() == "sqlite" else "dump"
    return folder / f"powerwith-{stamp}.{extension}"


def backup(path: Path | None = None) -> Path:
    """Write a backup to ``path`` (a new file, or a folder to put a timestamped one in;
    default under ``var/backups/``) and return where it went. Never overwrites."""
    if path is None:
        target = default_path()
        target.parent.mkdir(parents=True, exist_ok=True)
    else:
        target = _timestamped(path) if path.is_dir() else path
    if not target.parent.is_dir():
        raise BackupError(
            f"The folder {target.parent} does not exist. Create it, or choose another."
        )
    if target.exists():
        raise BackupError(f"{target} already exists. Choose a new file name; nothing was written.")
    partial = target.with_name(f".{target.name}.partial")
    try:
        # Made here, readable by its owner only, before anything is written into it: the
        # backup holds everything the database does.
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        if vendor() == "sqlite":
            _sqlite_backup(partial)
        elif vendor() == "postgresql":
            _pg_dump(partial)
        else:
            raise BackupError(f"Backups of {vendor()} databases are not supported.")
        partial.replace(target)
    except OSError as error:
        raise BackupError(f"Could not write {target}: {error.strerror or error}.") from error
    finally:
        partial.unlink(missing_ok=True)
    return target


def restore(path: Path, *, force: bool = False) -> Restored:
    """Replace the database's contents with the backup at ``path``, then verify the
    consent ledger. Refuses a database that holds data unless ``force``."""
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    if vendor() == "sqlite":
        _check_sqlite_backup(path)
    elif vendor() == "postgresql":
        _check_pg_archive(path)
    else:
        raise BackupError(f"Restoring {vendor()} databases is not supported.")
    held = data_held()
    if held and not force:
        raise BackupError(
            f"This database already holds data ({held}). Restoring replaces all of it with "
            "the backup. If that is what you want, run the command again with --force."
        )
    connection.close()
    if vendor() == "sqlite":
        _sqlite_restore(path)
    else:
        _pg_restore(path)
    connection.close()
    return Restored(path=path, ledger=verify_chain())


def data_held() -> str:
    """What the database holds, in words ("3 organisations, 12 users"), or "" if empty."""
    tables = set(connection.introspection.table_names())
    counts = []
    for table, noun in (("accounts_organisation", "organisation"), ("accounts_user", "user")):
        if table not in tables:
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            (count,) = cursor.fetchone()
        if count:
            counts.append(f"{count} {noun}{'' if count == 1 else 's'}")
    return ", ".join(counts)


# SQLite


def _sqlite_source() -> sqlite3.Connection:
    connection.ensure_connection()
    raw: Any = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def _sqlite_backup(partial: Path) -> None:
    destination = sqlite3.connect(partial)
    try:
        _sqlite_source().backup(destination)
        # A backup is one self-contained file, whatever mode the live database runs in.
        destination.execute("PRAGMA journal_mode=DELETE")
    finally:
        destination.close()


def _check_sqlite_backup(path: Path) -> None:
    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise BackupError(
                f"{path} is not a SQLite backup of powerwith (this site uses SQLite)."
            )
    try:
        backup_file = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            (result,) = backup_file.execute("PRAGMA quick_check").fetchone()
            tables = {row[0] for row in backup_file.execute("SELECT name FROM sqlite_master")}
        finally:
            backup_file.close()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} cannot be read as a SQLite database: {error}.") from error
    if result != "ok":
        raise BackupError(f"{path} is damaged (SQLite's check says: {result}).")
    missing = [table for table in REQUIRED_TABLES if table not in tables]
    if missing:
        raise BackupError(f"{path} is not a backup of powerwith: it has no {missing[0]} table.")


def _sqlite_restore(path: Path) -> None:
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # The backup API, run the other way, replaces the live database in one step
        # under its write lock; readers see the old contents or the new, never a mix.
        source.backup(_sqlite_source())
    finally:
        source.close()


# PostgreSQL


def pg_tool(name: str) -> str:
    """``pg_dump`` or ``pg_restore``: from ``$PG_BIN``, then PATH, then Debian's
    ``/usr/lib/postgresql/<newest>/bin``."""
    candidates = []
    if os.environ.get("PG_BIN"):
        candidates.append(Path(os.environ["PG_BIN"]) / name)
    found = shutil.which(name)
    if found:
        candidates.append(Path(found))
    candidates += sorted(
        DEBIAN_PG_ROOT.glob(f"*/bin/{name}"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
        reverse=True,
    )
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    raise BackupError(
        f"{name} was not found. Install PostgreSQL's client programs (on Debian: "
        f"apt-get install postgresql-client), or set PG_BIN to the folder that holds {name}."
    )


def _pg_environment() -> dict[str, str]:
    """The connection, passed to pg_dump and pg_restore in the environment so that the
    password never appears in a process list."""
    db = connection.settings_dict
    env = dict(os.environ)
    for variable, value in (
        ("PGDATABASE", db["NAME"]),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGSSLMODE", db.get("OPTIONS", {}).get("sslmode")),
    ):
        if value:
            env[variable] = str(value)
    return env


def _run_pg(arguments: list[str], what: str) -> str:
    try:
        done = subprocess.run(  # noqa: S603 (a fixed program and our own arguments)
            arguments,
            env=_pg_environment(),
            capture_output=True,
            text=True,
            check=False,
            timeout=PG_TIMEOUT_SECONDS,
        )
    except subprocess.TimeoutExpired as error:
        raise BackupError(f"{what} took longer than an hour and was stopped.") from error
    if done.returncode != 0:
        detail = done.stderr.strip() or f"exit code {done.returncode}"
        raise BackupError(f"{what} failed: {detail}")
    return done.stdout


def _pg_dump(partial: Path) -> None:
    _run_pg([pg_tool("pg_dump"), "--format=custom", f"--file={partial}"], "pg_dump")


def _check_pg_archive(path: Path) -> None:
    with path.open("rb") as file:
        if file.read(len(POSTGRES_ARCHIVE_HEADER)) != POSTGRES_ARCHIVE_HEADER:
            raise BackupError(
                f"{path} is not a PostgreSQL backup of powerwith (made by pg_dump "
                "--format=custom; this site uses PostgreSQL)."
            )
    listing = _run_pg([pg_tool("pg_restore"), "--list", str(path)], f"Reading {path}")
    missing = [table for table in REQUIRED_TABLES if f" TABLE public {table} " not in listing]
    if missing:
        raise BackupError(f"{path} is not a backup of powerwith: it has no {missing[0]} table.")


def _pg_restore(path: Path) -> None:
    _run_pg(
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        ],
        "pg_restore",
    )
