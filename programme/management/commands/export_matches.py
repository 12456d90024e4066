import csv

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from programme import matchmaking

from ._round import get_round

COLUMNS = ["partnership_id", "application_id", "email", "country"]


class Command(BaseCommand):
    help = (
        "Write a round's partnerships (or, before publishing, its stored proposal) as CSV: "
        "partnership_id,application_id,email,country, a row per member."
    )

    def add_arguments(self, parser):
        parser.add_argument("round_slug")
        parser.add_argument("file")

    def handle(self, round_slug, file, **options):
        round_ = get_round(round_slug)
        try:
            rows = list(matchmaking.export_rows(round_))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        try:
            with open(file, "w", newline="", encoding="utf-8") as output:
                writer = csv.DictWriter(output, fieldnames=COLUMNS)
                writer.writeheader()
                writer.writerows(rows)
        except OSError as error:
            raise CommandError(f"Cannot write {file}: {error.strerror}") from error
        self.stdout.write(self.style.SUCCESS(f"{len(rows)} rows written to {file}."))
