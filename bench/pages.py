"""Latency of the main public pages on `load_demo --scale 10` data.

    .venv/bin/python bench/pages.py [--scale 10] [--repeat 200]

Builds a throwaway database (SQLite in /tmp unless DATABASE_URL is set), loads the demo at
the given scale, then times GETs through the whole Django stack (middleware, routing,
templates) with Django's test client, and writes median/p95 into docs/benchmarks.md."""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import (  # noqa: E402
    database_label,
    machine_line,
    reset_database,
    setup_django,
    summarise,
    time_requests,
    write_section,
)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()

    db_url = setup_django("iln_bench_pages")
    from django.core.management import call_command
    from django.test import Client

    from members.models import CountryProfilePage, PartnerStoryPage
    from topics.models import TopicIndexPage, TopicPage

    reset_database(db_url)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo", scale=args.scale, verbosity=0, stdout=open("/dev/null", "w"))
    print(f"demo at scale {args.scale} loaded in {time.perf_counter() - started:.0f} s")

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
    client = Client()
    rows = []
    for name, url in pages.items():
        stats = summarise(time_requests(client.get, url, args.repeat))
        rows.append(f"| {name} | `{url}` | {stats['median']:.1f} | {stats['p95']:.1f} |")
        print(f"{name:32} median {stats['median']:6.1f} ms   p95 {stats['p95']:6.1f} ms")

    body = "\n".join(
        [
            f"`bench/pages.py --scale {args.scale} --repeat {args.repeat}` on "
            f"{database_label(db_url)} ({machine_line()}); {counts['topics']} topics, "
            f"{counts['stories']} stories. Django test client, {args.repeat} requests "
            "per page after 5 warm-up requests; times in milliseconds.",
            "",
            "| page | URL | median | p95 |",
            "|---|---|---:|---:|",
            *rows,
        ]
    )
    label = database_label(db_url)
    write_section(f"pages-{label.lower()}", f"Public pages ({label})", body)
    print("written to docs/benchmarks.md")


if __name__ == "__main__":
    main()
