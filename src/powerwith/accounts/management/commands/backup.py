from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from powerwith import backups


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # needs only the database
    help = (
        "Back up the database while the site runs: SQLite's online backup, or pg_dump for "
        "PostgreSQL. PATH is a new file or a folder (default: var/backups/, timestamped). "
        "Uploaded receipts and the ledger's checkpoints go in <backup>.files.tar beside it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", type=Path, help="a new file, or a folder")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            written = backups.backup(options["path"])
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the database to {written}")
        archive = backups.files_archive_for(written)
        self.stdout.write(f"and its uploaded files and ledger checkpoints to {archive}")
