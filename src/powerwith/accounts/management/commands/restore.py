from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from powerwith import backups


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # needs only the database
    help = (
        "Replace the database's contents with a backup made by `backup`, then verify the "
        "consent ledger. Refuses a database that holds data unless --force is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the backup file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that already holds data (all of it is lost)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            restored = backups.restore(options["path"], force=options["force"])
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the database from {restored.path}")
        ledger = restored.ledger
        if not ledger.ok:
            raise CommandError(
                f"The consent ledger in the restored database is broken at event "
                f"{ledger.first_bad_event_id}: the backup may have been altered."
            )
        self.stdout.write(f"The consent ledger is intact: {ledger.events} events verified.")
