"""Backing up and restoring the database, while the site runs.

SQLite: the online backup API copies a consistent snapshot page by page, whatever other
processes are writing (WAL mode lets them carry on). PostgreSQL: ``pg_dump`` in its
custom format, restored by ``pg_restore --clean --if-exists`` in one transaction, so a
restore that fails changes nothing. Either way a backup is written to a temporary file
beside its destination and renamed into place only once complete, and a restore ends by
verifying the consent ledger.

Files the database points at but does not hold (uploaded receipts under ``MEDIA_ROOT``,
the consent ledger's signed checkpoints) go in a tar archive beside the database's backup
(``<backup>.files.tar``); ``restore`` puts back the ones that are missing and never
overwrites one that is there.

``restore --check`` is the drill: it restores the backup into a temporary place (a copy
of the SQLite file, or a new PostgreSQL database), runs the migrations on it in another
process, verifies the consent ledger against the archive's checkpoints and that every
receipt the database names is in the archive, then removes the temporary place. The live
database and folders are never written.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.utils import timezone

from powerwith.consent import ledger
from powerwith.consent.ledger import Verification
from powerwith.consent.queries import verify_chain
from powerwith.payments.models import Claim

SQLITE_HEADER = b"SQLite format 3\x00"
POSTGRES_ARCHIVE_HEADER = b"PGDMP"
# Tables a powerwith database always has; a file without them is not one of our backups.
REQUIRED_TABLES = ("accounts_user", "consent_consentevent")
PG_TIMEOUT_SECONDS = 60 * 60
DEBIAN_PG_ROOT = Path("/usr/lib/postgresql")


class BackupError(Exception):
    """Something the person running the command can fix; nothing has been changed."""


#: The folders of files a backup carries, by their name in the archive.
FILES_ARCHIVE_SUFFIX = ".files.tar"
MEDIA = "media"
CHECKPOINTS = "ledger-checkpoints"


@dataclass(frozen=True)
class Restored:
    path: Path
    ledger: Verification
    files_put_back: int = 0
    files_archive: Path | None = None


@dataclass
class Checked:
    """What ``restore --check`` found. ``problems`` is empty when the backup is good."""

    path: Path
    problems: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)


def files_archive_for(path: Path) -> Path:
    return path.with_name(path.name + FILES_ARCHIVE_SUFFIX)


def _file_folders() -> dict[str, Path]:
    return {MEDIA: Path(settings.MEDIA_ROOT), CHECKPOINTS: ledger.checkpoint_dir()}


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
    archive = files_archive_for(target)
    for existing in (target, archive):
        if existing.exists():
            raise BackupError(
                f"{existing} already exists. Choose a new file name; nothing was written."
            )
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
        _write_files_archive(archive)
        partial.replace(target)
    except OSError as error:
        archive.unlink(missing_ok=True)
        raise BackupError(f"Could not write {target}: {error.strerror or error}.") from error
    finally:
        partial.unlink(missing_ok=True)
    return target


def _write_files_archive(archive: Path) -> None:
    """Every uploaded file and checkpoint, in a tar beside the database's backup."""
    partial = archive.with_name(f".{archive.name}.partial")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        with tarfile.open(partial, "w") as tar:
            for name, folder in _file_folders().items():
                if folder.is_dir():
                    tar.add(folder, arcname=name)
        partial.replace(archive)
    finally:
        partial.unlink(missing_ok=True)


def _open_files_archive(archive: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(archive, "r")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{archive} cannot be read as the backup's files: {error}.") from error


def _put_back_files(archive: Path, into: dict[str, Path]) -> int:
    """Extract the archive's files that are missing from each folder; never overwrite.
    Answers how many were put back."""
    put_back = 0
    with _open_files_archive(archive) as tar:
        for member in tar.getmembers():
            top, _, rest = member.name.partition("/")
            if top not in into or not rest or not member.isfile():
                continue
            destination = into[top] / rest
            if destination.exists():
                continue
            # The "data" filter refuses links and paths that climb out of the folder.
            tar.extract(member, path=into[top], filter=_strip(top))
            put_back += 1
    return put_back


def _strip(top: str) -> Any:
    def strip(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
        member = tarfile.data_filter(member, path)
        return member.replace(name=member.name.partition("/")[2], deep=False)

    return strip


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
    archive = files_archive_for(path)
    if archive.is_file():
        _open_files_archive(archive).close()  # refused before the database is replaced
    connection.close()
    if vendor() == "sqlite":
        _sqlite_restore(path)
    else:
        _pg_restore(path)
    connection.close()
    put_back = _put_back_files(archive, _file_folders()) if archive.is_file() else 0
    return Restored(
        path=path,
        ledger=verify_chain(),
        files_put_back=put_back,
        files_archive=archive if archive.is_file() else None,
    )


# The drill -----------------------------------------------------------------------------

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
                put = _put_back_files(archive, folders)
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
            _check_sqlite_backup(path)
            copy = place / "restored.sqlite3"
            shutil.copyfile(path, copy)
            _check_restored(checked, f"sqlite:///{copy}", var)
        elif vendor() == "postgresql":
            _check_pg_archive(path)
            name = f"powerwith_check_{uuid.uuid4().hex[:12]}"
            _pg_admin(f'CREATE DATABASE "{name}"')
            try:
                _run_pg(
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
                _check_restored(checked, _pg_url(name), var)
            finally:
                _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
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


def _pg_url(name: str) -> str:
    """The live database's address, naming another database on the same server."""
    db = connection.settings_dict
    user = quote(str(db.get("USER") or ""), safe="")
    password = f":{quote(str(db['PASSWORD']), safe='')}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{name}"


def _pg_admin(statement: str) -> None:
    """CREATE or DROP DATABASE, which cannot run inside a transaction."""
    with connection.cursor() as cursor:
        cursor.execute(statement)


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
