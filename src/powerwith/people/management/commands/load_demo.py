from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from powerwith import demo


class Command(BaseCommand):
    help = "Load the deterministic demo data (idempotent) and print the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--people",
            type=int,
            default=300,
            help="how many people the register should hold (only missing ones are added)",
        )

    def handle(self, *args: Any, people: int, **options: Any) -> None:
        if people < 0:
            raise CommandError("--people cannot be negative.")
        summary = demo.load(people=people)
        self.stdout.write(demo.logins_text(summary), ending="")
