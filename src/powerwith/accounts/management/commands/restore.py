from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from powerwith import backups


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # needs only the database
    help = (
        "Replace the database's contents with a backup made by `backup` (and put back the "
        "uploaded files and ledger checkpoints from the archive beside it), then verify the "
        "consent ledger. Refuses a database that holds data unless --force is given. With "
        "--check, replace nothing: restore into a temporary copy, migrate and verify it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the backup file")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that already holds data (all of it is lost)",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="the restore drill: prove the backup opens, migrates and verifies, in a "
            "temporary copy, replacing nothing; exit 1 naming what failed",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["check"]:
            self._check(options["path"])
            return
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
        if restored.files_archive is None:
            self.stdout.write(
                "There was no files archive beside the backup: no uploaded files were put back."
            )
        else:
            self.stdout.write(
                f"Put back {restored.files_put_back} missing files from "
                f"{restored.files_archive.name} (none that were there was overwritten)."
            )

    def _check(self, path: Path) -> None:
        try:
            checked = backups.check(path)
        except backups.BackupError as error:
            raise CommandError(f"The backup does not restore: {error}") from error
        self.stdout.write(f"Checked {checked.path}; nothing live was changed.")
        for line in checked.summary:
            self.stdout.write(f"- {line}")
        if checked.problems:
            raise CommandError(
                "The backup does not restore as it should:\n"
                + "\n".join(f"- {problem}" for problem in checked.problems)
            )
        self.stdout.write("The backup restores, migrates and verifies.")
