"""Count the search vocabulary (spelling correction's words) again from the search index."""

from django.core.management.base import BaseCommand

from search import vocabulary


class Command(BaseCommand):
    help = "Count the words of the search index again (the vocabulary of spelling correction)."

    def handle(self, *args, **options):
        words = vocabulary.rebuild()
        self.stdout.write(f"Search vocabulary: {words} words.")
