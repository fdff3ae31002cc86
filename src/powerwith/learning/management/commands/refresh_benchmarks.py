from typing import Any

from django.core.management.base import BaseCommand

from powerwith.learning.benchmarks import refresh


class Command(BaseCommand):
    help = "Work out the network benchmarks again from every contributing organisation."

    def handle(self, *args: Any, **options: Any) -> None:
        stored = refresh()
        self.stdout.write(f"The network benchmarks are refreshed: {stored} figures stored.")
