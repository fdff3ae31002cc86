from typing import Any

from django.core.management.base import BaseCommand

from powerwith.consent import ledger


class Command(BaseCommand):
    help = (
        "Write a signed checkpoint of the consent ledger's head to the checkpoint directory "
        "now (the worker writes one at least daily)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        path = ledger.write_checkpoint()
        self.stdout.write(f"Checkpoint written: {path}")
