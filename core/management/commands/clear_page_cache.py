"""End every cached page (core.page_cache): new generations of content and figures.

For a deployment: pages cached by the previous release were rendered by its templates, so
run it once after the new code is in place (`make serve-prod` does). Old entries are not
deleted: they are never served again and expire by themselves (PAGE_CACHE_SECONDS)."""

from django.core.management.base import BaseCommand

from core import page_cache


class Command(BaseCommand):
    help = "End every page in the page cache (after a deployment)."

    def handle(self, *args, **options):
        page_cache.bump(page_cache.CONTENT, page_cache.FIGURES)
        if options["verbosity"]:
            self.stdout.write("Page cache: every cached page ended.")
