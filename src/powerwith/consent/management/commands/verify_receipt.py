import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from powerwith.consent import ledger


class Command(BaseCommand):
    help = (
        "Check a consent receipt (its JSON, as the person downloaded it) against the "
        "ledger; exit 1 saying why when it no longer matches."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            receipt = json.loads(options["file"].read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Could not read a receipt from {options['file']}.") from error
        check = ledger.check_receipt(receipt)
        if not check.ok:
            raise CommandError(check.message)
        self.stdout.write(check.message)
