"""Latency of the matching review in the Wagtail admin for a round of 2,000 applicants.

    .venv/bin/python bench/matching_review.py [--applicants 2000] [--repeat 50] [--seed 2024]

Builds a throwaway database (SQLite in /tmp unless DATABASE_URL is set), migrated but
without the demo (the admin needs none of it), bulk-creates --applicants members and their
applications to one closed round with the realistic spread of bench/matching.py (countries
skewed towards a few, time zones of each country, interests from 40 topics, sectors, career
stages, preferences; previous partners as imported e-mails; a few unconfirmed English), a
few pins and forbidden pairs, then runs and stores the matching through the admin (POST, as
a coordinator would) and times GETs of the review page and its filters with the Django test
client, logged in as a member of the Coordinators group. Writes median/p95 and the query
count into docs/benchmarks.md."""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.matching import generate_applicants  # noqa: E402
from bench.report import (  # noqa: E402
    measure_pages,
    publish,
    reset_database,
    setup_django,
    summarise,
)


def build_round(count, seed):
    """A closed round with `count` applications, its pins and forbidden pairs."""
    import datetime

    from django.utils import timezone

    from members.factories import create_members_in_bulk
    from members.models import MemberProfile
    from programme.models import Application, PairRule, Round

    applicants, pinned, forbidden = generate_applicants(count, seed)
    now = timezone.now()
    round_ = Round(
        name="Bench round",
        slug="bench-round",
        applications_open=now - datetime.timedelta(days=30),
        applications_close=now - datetime.timedelta(days=1),
        partnership_start=now.date() + datetime.timedelta(days=14),
    )
    round_.state = Round.State.CLOSED
    round_.save()

    profiles = create_members_in_bulk(count, interests=())
    for profile, person in zip(profiles, applicants, strict=True):
        profile.country = person.country
        profile.sector = person.sector
        profile.career_stage = person.career_stage
        profile.time_zone = person.timezone
    MemberProfile.objects.bulk_update(
        profiles, ["country", "sector", "career_stage", "time_zone"], batch_size=500
    )
    # Applicant n (1-based) is bulk user n - 1 (bulk{n-1}@example.org).
    applications = Application.objects.bulk_create(
        (
            Application(
                round=round_,
                member=profile,
                external_id=f"B-{person.id}",
                country=person.country,
                sector=person.sector,
                career_stage=person.career_stage,
                interests=sorted(person.interests),
                time_zone=person.timezone,
                match_preference=person.match_preference,
                english_confirmed=person.english_confirmed,
                code_of_conduct_accepted=True,
                previous_partner_emails=[
                    f"bulk{other - 1}@example.org" for other in sorted(person.previous_partners)
                ],
            )
            for profile, person in zip(profiles, applicants, strict=True)
        ),
        batch_size=500,
    )
    by_number = {person.id: app for person, app in zip(applicants, applications, strict=True)}
    rules = [(a, b, PairRule.Kind.PIN) for a, b in pinned]
    rules += [(*sorted(pair), PairRule.Kind.FORBID) for pair in forbidden]
    PairRule.objects.bulk_create(
        PairRule(
            round=round_,
            first=by_number[min(a, b)],
            second=by_number[max(a, b)],
            kind=kind,
        )
        for a, b, kind in rules
    )
    return round_, applications


def coordinator():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("bench-coordinator", is_staff=True)
    user.groups.add(Group.objects.get(name="Coordinators"))
    return user


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--applicants", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    db_url = setup_django("iln_bench_matching_review")
    from django.core.management import call_command
    from django.test import Client

    from programme.models import Proposal, ProposedGroup

    started = time.perf_counter()
    reset_database(db_url)
    call_command("migrate", verbosity=0)
    round_, applications = build_round(args.applicants, args.seed)
    print(f"{len(applications)} applications ready in {time.perf_counter() - started:.0f} s")

    client = Client()
    client.force_login(coordinator())
    review = f"/admin/programme/rounds/matching/{round_.pk}/"
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        response = client.post(f"{review}run/")
        runs.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 302, response.status_code
    proposal = Proposal.objects.get(round=round_)
    groups = ProposedGroup.objects.filter(proposal=proposal).count()
    run_stats = summarise(runs)
    print(f"run and store (POST): median {run_stats['median']:.0f} ms; {groups} groups")

    someone = applications[len(applications) // 2]
    last_page = (groups + 99) // 100
    pages = {
        "review, weakest first (page 1)": review,
        f"review, last page ({last_page})": f"{review}?p={last_page}",
        "the 50 weakest": f"{review}?weakest=50",
        "score below 40": f"{review}?below=40",
        "only groups breaking a rule": f"{review}?problems=on",
        "find an applicant by name": f"{review}?q={someone.member.display_name.replace(' ', '+')}",
        "find an applicant by id": f"{review}?q={someone.pk}",
        "publish confirmation": f"{review}publish/",
    }
    load_before = os.getloadavg()[0]
    table = measure_pages(client, pages, args.repeat)
    load_after = os.getloadavg()[0]
    table.append(
        f"| run and store the matching (POST, {len(runs)} runs) | `{review}run/` "
        f"| {run_stats['median']:.0f} | {max(runs):.0f} | |"
    )
    publish(
        "matching-review",
        "Matching review (admin)",
        db_url,
        f"bench/matching_review.py --applicants {args.applicants} --repeat {args.repeat} "
        f"--seed {args.seed}",
        f"one closed round of {len(applications)} applicants ({groups} proposed groups, "
        f"{len(proposal.unmatched)} unmatched), as bench/matching.py generates them. "
        f"Coordinator, Django test client, {args.repeat} requests per URL after 5 warm-up "
        "requests; times in milliseconds. The review shows 100 groups a page; its query count "
        "is the same for 10 and 60 applicants (asserted in tests/programme/test_admin.py). The "
        "last row is the POST that runs and stores the matching (max instead of p95). "
        f"Load average {load_before:.1f} before and {load_after:.1f} after the timings.",
        table,
    )


if __name__ == "__main__":
    main()
