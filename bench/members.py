"""Latency of the members directory holding 5,000 members.

    .venv/bin/python bench/members.py [--members 5000] [--repeat 100]

Builds a throwaway database (SQLite in /tmp unless DATABASE_URL is set), loads the demo
(for the site layout), bulk-creates members up to --members, gives 48 of them photos (with
renditions), then times directory GETs as a logged-in member through the whole Django
stack with the test client, and writes median/p95 into docs/benchmarks.md."""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import (  # noqa: E402
    load_fresh_demo,
    measure_pages,
    publish,
    setup_django,
)

PHOTOS = 48


def add_photos(profiles):
    from members.factories import add_photo

    for n, profile in enumerate(profiles):
        add_photo(profile, colour=(40 * (n % 6), 90, 160))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()

    db_url = setup_django("iln_bench_members")
    from django.test import Client

    from members.factories import create_members_in_bulk
    from members.models import MemberProfile

    started = time.perf_counter()
    load_fresh_demo(db_url)
    missing = args.members - MemberProfile.objects.listed().count()
    created = create_members_in_bulk(max(0, missing))
    add_photos(created[:PHOTOS])
    total = MemberProfile.objects.listed().count()
    print(f"{total} members ready in {time.perf_counter() - started:.0f} s")

    client = Client()
    client.force_login(MemberProfile.objects.listed().first().user)
    last_page = (total + 23) // 24
    pages = {
        "directory, first page": "/members/",
        "directory, last page": f"/members/?page={last_page}",
        "filtered by country": "/members/?country=NZ",
        "filtered by interest and stage": "/members/?interest=community-outreach&career_stage=mid",
        "search by name or institution": "/members/?q=library+42",
        "a profile": created[0].get_absolute_url(),
    }
    table = measure_pages(client, pages, args.repeat)

    publish(
        "members",
        "Members directory",
        db_url,
        f"bench/members.py --members {args.members} --repeat {args.repeat}",
        f"{total} listed members, {PHOTOS} with photos. Logged-in member, Django test client, "
        f"{args.repeat} requests per URL after 5 warm-up requests; times in milliseconds. The "
        "query count is the same at 50 members (asserted in tests/members/test_directory.py).",
        table,
    )


if __name__ == "__main__":
    main()
