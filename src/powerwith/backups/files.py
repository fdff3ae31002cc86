"""Files the database points at but does not hold (uploaded receipts under
``MEDIA_ROOT``, the consent ledger's signed checkpoints), in a tar archive beside the
database's backup (``<backup>.files.tar``). Putting them back never overwrites a file
that is there."""

from __future__ import annotations

import os
import tarfile
from pathlib import Path
from typing import Any

from django.conf import settings

from powerwith.backups.errors import BackupError
from powerwith.consent import ledger

#: The folders of files a backup carries, by their name in the archive.
FILES_ARCHIVE_SUFFIX = ".files.tar"
MEDIA = "media"
CHECKPOINTS = "ledger-checkpoints"


def files_archive_for(path: Path) -> Path:
    return path.with_name(path.name + FILES_ARCHIVE_SUFFIX)


def file_folders() -> dict[str, Path]:
    return {MEDIA: Path(settings.MEDIA_ROOT), CHECKPOINTS: ledger.checkpoint_dir()}


def write_files_archive(archive: Path) -> None:
    """Every uploaded file and checkpoint, in a tar beside the database's backup."""
    partial = archive.with_name(f".{archive.name}.partial")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        with tarfile.open(partial, "w") as tar:
            for name, folder in file_folders().items():
                if folder.is_dir():
                    tar.add(folder, arcname=name)
        partial.replace(archive)
    finally:
        partial.unlink(missing_ok=True)


def open_files_archive(archive: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(archive, "r")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{archive} cannot be read as the backup's files: {error}.") from error


def put_back_files(archive: Path, into: dict[str, Path]) -> int:
    """Extract the archive's files that are missing from each folder; never overwrite.
    Answers how many were put back."""
    put_back = 0
    with open_files_archive(archive) as tar:
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
