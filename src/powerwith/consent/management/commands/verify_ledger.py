from typing import Any

from django.core.management.base import BaseCommand, CommandError

from powerwith.consent.queries import verify_chain


class Command(BaseCommand):
    help = (
        "Recompute the consent ledger's hash chain and check every event's seal and every "
        "checkpoint; exit 1 naming the first event that no longer matches."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = verify_chain()
        if not result.ok:
            if result.first_bad_event_id is not None:
                raise CommandError(
                    f"The consent ledger is broken at event {result.first_bad_event_id}. "
                    f"{result.problem}"
                )
            raise CommandError(f"The consent ledger does not verify. {result.problem}")
        self.stdout.write(
            f"The consent ledger is intact: {result.events} events verified, sealed, and "
            f"matching {result.checkpoints} checkpoints."
        )
