from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from powerwith.core.encryption import DecryptionFailed, rotate_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field with the first key of POWERWITH_FIELD_KEYS. "
        "Put the new key first, run this, then remove the old key."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, default=500, help="rows per transaction")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be 1 or more.")
        try:
            counts = rotate_keys(
                batch_size=options["batch_size"],
                report=lambda model, rows: self.stdout.write(f"{model}: {rows} rows re-encrypted"),
            )
        except DecryptionFailed as error:
            raise CommandError(
                f"{error} Put every key still in use back in POWERWITH_FIELD_KEYS and run "
                "it again: the rows done so far stay readable with the new key."
            ) from error
        self.stdout.write(f"Done: {sum(counts.values())} rows in {len(counts)} tables.")
