"""SQLite: the online backup API copies a consistent snapshot page by page, whatever
other processes are writing (WAL mode lets them carry on)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from django.db import connection

from powerwith.backups.database import REQUIRED_TABLES
from powerwith.backups.errors import BackupError

SQLITE_HEADER = b"SQLite format 3\x00"


def _sqlite_source() -> sqlite3.Connection:
    connection.ensure_connection()
    raw: Any = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def sqlite_backup(partial: Path) -> None:
    destination = sqlite3.connect(partial)
    try:
        _sqlite_source().backup(destination)
        # A backup is one self-contained file, whatever mode the live database runs in.
        destination.execute("PRAGMA journal_mode=DELETE")
    finally:
        destination.close()


def check_sqlite_backup(path: Path) -> None:
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


def sqlite_restore(path: Path) -> None:
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        # The backup API, run the other way, replaces the live database in one step
        # under its write lock; readers see the old contents or the new, never a mix.
        source.backup(_sqlite_source())
    finally:
        source.close()
