"""Backing up and restoring the database, while the site runs.

A backup is written to a temporary file beside its destination and renamed into place
only once complete, and a restore ends by verifying the consent ledger. How each database
is copied is in ``sqlite`` and ``postgres``; the files the database points at but does not
hold go in an archive beside it (``files``); ``restore --check``, the drill, is ``drill``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

from powerwith.backups.database import REQUIRED_TABLES, data_held, vendor
from powerwith.backups.drill import CHECK_SCRIPT, Checked, check, report_on_restored_copy
from powerwith.backups.errors import BackupError
from powerwith.backups.files import (
    CHECKPOINTS,
    FILES_ARCHIVE_SUFFIX,
    MEDIA,
    file_folders,
    files_archive_for,
    open_files_archive,
    put_back_files,
    write_files_archive,
)
from powerwith.backups.postgres import (
    DEBIAN_PG_ROOT,
    PG_TIMEOUT_SECONDS,
    POSTGRES_ARCHIVE_HEADER,
    check_pg_archive,
    pg_dump,
    pg_restore,
    pg_tool,
)
from powerwith.backups.sqlite import (
    SQLITE_HEADER,
    check_sqlite_backup,
    sqlite_backup,
    sqlite_restore,
)
from powerwith.consent.ledger import Verification
from powerwith.consent.queries import verify_chain

__all__ = [
    "CHECKPOINTS",
    "CHECK_SCRIPT",
    "DEBIAN_PG_ROOT",
    "FILES_ARCHIVE_SUFFIX",
    "MEDIA",
    "PG_TIMEOUT_SECONDS",
    "POSTGRES_ARCHIVE_HEADER",
    "REQUIRED_TABLES",
    "SQLITE_HEADER",
    "BackupError",
    "Checked",
    "Restored",
    "backup",
    "check",
    "data_held",
    "default_path",
    "files_archive_for",
    "pg_tool",
    "report_on_restored_copy",
    "restore",
    "vendor",
]


@dataclass(frozen=True)
class Restored:
    path: Path
    ledger: Verification
    files_put_back: int = 0
    files_archive: Path | None = None


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
            sqlite_backup(partial)
        elif vendor() == "postgresql":
            pg_dump(partial)
        else:
            raise BackupError(f"Backups of {vendor()} databases are not supported.")
        write_files_archive(archive)
        partial.replace(target)
    except OSError as error:
        archive.unlink(missing_ok=True)
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
        check_sqlite_backup(path)
    elif vendor() == "postgresql":
        check_pg_archive(path)
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
        open_files_archive(archive).close()  # refused before the database is replaced
    connection.close()
    if vendor() == "sqlite":
        sqlite_restore(path)
    else:
        pg_restore(path)
    connection.close()
    put_back = put_back_files(archive, file_folders()) if archive.is_file() else 0
    return Restored(
        path=path,
        ledger=verify_chain(),
        files_put_back=put_back,
        files_archive=archive if archive.is_file() else None,
    )
