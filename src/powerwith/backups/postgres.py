"""PostgreSQL: ``pg_dump`` in its custom format, restored by ``pg_restore --clean
--if-exists`` in one transaction, so a restore that fails changes nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

from django.db import connection

from powerwith.backups.database import REQUIRED_TABLES
from powerwith.backups.errors import BackupError

POSTGRES_ARCHIVE_HEADER = b"PGDMP"
PG_TIMEOUT_SECONDS = 60 * 60
DEBIAN_PG_ROOT = Path("/usr/lib/postgresql")


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


def run_pg(arguments: list[str], what: str) -> str:
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


def pg_url(name: str) -> str:
    """The live database's address, naming another database on the same server."""
    db = connection.settings_dict
    user = quote(str(db.get("USER") or ""), safe="")
    password = f":{quote(str(db['PASSWORD']), safe='')}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{user}{password}@{host}{port}/{name}"


def pg_admin(statement: str) -> None:
    """CREATE or DROP DATABASE, which cannot run inside a transaction."""
    with connection.cursor() as cursor:
        cursor.execute(statement)


def pg_dump(partial: Path) -> None:
    run_pg([pg_tool("pg_dump"), "--format=custom", f"--file={partial}"], "pg_dump")


def check_pg_archive(path: Path) -> None:
    with path.open("rb") as file:
        if file.read(len(POSTGRES_ARCHIVE_HEADER)) != POSTGRES_ARCHIVE_HEADER:
            raise BackupError(
                f"{path} is not a PostgreSQL backup of powerwith (made by pg_dump "
                "--format=custom; this site uses PostgreSQL)."
            )
    listing = run_pg([pg_tool("pg_restore"), "--list", str(path)], f"Reading {path}")
    missing = [table for table in REQUIRED_TABLES if f" TABLE public {table} " not in listing]
    if missing:
        raise BackupError(f"{path} is not a backup of powerwith: it has no {missing[0]} table.")


def pg_restore(path: Path) -> None:
    run_pg(
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
