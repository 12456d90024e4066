from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from programme import matchmaking

from ._round import get_round


class Command(BaseCommand):
    help = (
        "Propose a matching for a closed round and print a summary (a dry run); with "
        "--commit, store the proposal for review (the round is then 'matching')."
    )

    def add_arguments(self, parser):
        parser.add_argument("round_slug")
        parser.add_argument("--commit", action="store_true", help="Store the proposal.")

    def handle(self, round_slug, commit, **options):
        round_ = get_round(round_slug)
        try:
            result, pool = matchmaking.propose(round_)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        for line in matchmaking.summary_lines(result, pool):
            self.stdout.write(line)
        if result.violations():
            raise CommandError("The proposal breaks hard rules; nothing stored.")
        if commit:
            matchmaking.store(round_, result)
            self.stdout.write(self.style.SUCCESS(f"Proposal stored for {round_}."))
        else:
            self.stdout.write("Dry run: nothing stored (use --commit to store the proposal).")
