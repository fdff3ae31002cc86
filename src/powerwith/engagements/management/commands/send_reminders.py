from typing import Any

from django.core.management.base import BaseCommand

from powerwith.reminders import run_sweeps


class Command(BaseCommand):
    help = (
        "Run the reminder sweeps that are due now (the worker does this every 15 minutes); "
        "the e-mail they queue is sent by the worker."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for path, count in run_sweeps().items():
            outcome = "failed (see the log)" if count < 0 else f"{count} sent"
            self.stdout.write(f"{path}: {outcome}")
