"""Latency of the main public pages on `load_demo --scale 10` data.

    .venv/bin/python bench/pages.py [--scale 10] [--repeat 200]

Builds a throwaway database (SQLite in /tmp unless DATABASE_URL is set), loads the demo at
the given scale, then times GETs through the whole Django stack (middleware, routing,
templates) with Django's test client, and writes median/p95 into docs/benchmarks.md."""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import (  # noqa: E402
    load_fresh_demo,
    measure_pages,
    publish,
    setup_django,
)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    db_url = setup_django("iln_bench_pages")
    from django.test import Client

    from countries.models import CountryProfilePage
    from stories.models import PartnerStoryPage
    from topics.models import TopicIndexPage, TopicPage

    seconds = load_fresh_demo(db_url, scale=args.scale)
    print(f"demo at scale {args.scale} loaded in {seconds:.0f} s")

    en = {"locale__language_code": "en"}
    pages = {
        "home": "/",
        "topic index": TopicIndexPage.objects.get(**en).url,
        "topic index, filtered by tag": TopicIndexPage.objects.get(**en).url + "?tag=advocacy",
        "topic": TopicPage.objects.live().filter(**en).first().url,
        "country": CountryProfilePage.objects.live().filter(**en).first().url,
        "story": PartnerStoryPage.objects.live().first().url,
    }
    counts = {
        "topics": TopicPage.objects.count(),
        "stories": PartnerStoryPage.objects.count(),
    }
    table = measure_pages(Client(), pages, args.repeat)

    publish(
        "pages",
        "Public pages",
        db_url,
        f"bench/pages.py --scale {args.scale} --repeat {args.repeat}",
        f"{counts['topics']} topics, {counts['stories']} stories. Django test client, "
        f"{args.repeat} requests per page after 5 warm-up requests; times in milliseconds.",
        table,
    )


if __name__ == "__main__":
    main()
