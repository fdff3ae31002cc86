from typing import Any

from django.core.management.base import BaseCommand, CommandError

from powerwith.consent.queries import verify_chain


class Command(BaseCommand):
    help = "Recompute the consent ledger's hash chain; exit 1 naming the first broken event."

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify_chain()
        if not result.ok:
            raise CommandError(
                f"The consent ledger is broken at event {result.first_bad_event_id}."
            )
        self.stdout.write(f"The consent ledger is intact: {result.events} events verified.")
