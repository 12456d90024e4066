from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from programme import matchmaking

from ._round import get_round


class Command(BaseCommand):
    help = "Publish a round's stored proposal: create its partnerships in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("round_slug")

    def handle(self, round_slug, **options):
        round_ = get_round(round_slug)
        try:
            partnerships = matchmaking.publish(round_)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(f"{len(partnerships)} partnerships created; {round_} is running.")
        )
