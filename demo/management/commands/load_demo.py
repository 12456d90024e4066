from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

# Builders run in this order; each is idempotent. A new app adds its builder module to
# demo/ and its steps here.
DEMO_STEPS = [
    "demo.site.ensure_locales",
    "demo.site.build_site",
    "demo.site.build_guidance",
    "demo.topics.build_topics",
    "demo.topics.build_discussions",
    "demo.community.build_countries",
    "demo.community.build_stories",
    "demo.community.build_members",
    "demo.programme.build_rounds",
    "demo.round_calendar.build_calendar",
    "demo.translations.build_translations",
    "demo.search.build_search_promotions",
    "demo.site.build_admin",
]


class Command(BaseCommand):
    help = "Load idempotent demo content (topics, discussions, countries, stories, guidance)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Multiply the volume of topics, discussions and stories (for benchmarks).",
        )

    def handle(self, *args, scale, **options):
        from demo.site import DemoContext

        if scale < 1:
            self.stderr.write(self.style.ERROR("--scale must be 1 or more."))
            raise SystemExit(2)
        ctx = DemoContext(scale=scale, stdout=self.stdout)
        for number, dotted in enumerate(DEMO_STEPS, start=1):
            self.stdout.write(f"[{number}/{len(DEMO_STEPS)}] {dotted.rsplit('.', 1)[-1]}")
            with transaction.atomic():
                import_string(dotted)(ctx)
        cache.clear()
        if ctx.created:
            summary = ", ".join(f"{n} {kind}" for kind, n in sorted(ctx.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo content already present: nothing changed."))
