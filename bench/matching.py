"""Speed and quality of programme.matching on realistic rounds of 500, 2,000 and 5,000.

    .venv/bin/python bench/matching.py [--sizes 500 2000 5000] [--exact-up-to 2000]
                                       [--repeat 5] [--seed 2024]

Generates applicant sets with a seeded random: countries skewed as past participation was
(a few countries hold most applicants, Zipf-like over ~100 ISO codes), time zones consistent
with each country, interests from one vocabulary of 40 library topics with skewed popularity,
sectors, career stages and preferences with a realistic skew, about a third returning with
previous partners from other countries, a few unconfirmed English, pins and forbidden pairs.
For each size it times propose_matching, counts the matched share and hard-rule violations,
and compares the total score with exact_optimum (the unpruned graph) where asked. Matching is
pure Python, so no Django set-up is needed. Writes its section of docs/benchmarks.md."""

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report import machine_line, write_section  # noqa: E402
from programme.matching import (  # noqa: E402
    DEFAULT_CANDIDATES,
    SECOND_LOOK_CANDIDATES,
    Applicant,
    check_pair,
    exact_optimum,
    propose_matching,
)

# Countries by past participation, most first, with their time zones (several for the wide
# ones, drawn at random). The weights fall off as 1 / rank ** 1.1.
COUNTRY_ZONES = {
    "US": ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"],
    "GB": ["Europe/London"],
    "AU": ["Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane", "Australia/Perth"],
    "NZ": ["Pacific/Auckland"],
    "CA": ["America/Toronto", "America/Vancouver", "America/Edmonton", "America/Halifax"],
    "IE": ["Europe/Dublin"],
    "ZA": ["Africa/Johannesburg"],
    "IN": ["Asia/Kolkata"],
    "NG": ["Africa/Lagos"],
    "KE": ["Africa/Nairobi"],
    "PH": ["Asia/Manila"],
    "DE": ["Europe/Berlin"],
    "NL": ["Europe/Amsterdam"],
    "SG": ["Asia/Singapore"],
    "MY": ["Asia/Kuala_Lumpur"],
    "GH": ["Africa/Accra"],
    "UG": ["Africa/Kampala"],
    "SE": ["Europe/Stockholm"],
    "FI": ["Europe/Helsinki"],
    "NO": ["Europe/Oslo"],
    "DK": ["Europe/Copenhagen"],
    "ES": ["Europe/Madrid"],
    "IT": ["Europe/Rome"],
    "FR": ["Europe/Paris"],
    "PT": ["Europe/Lisbon"],
    "BR": ["America/Sao_Paulo"],
    "MX": ["America/Mexico_City"],
    "AR": ["America/Argentina/Buenos_Aires"],
    "CL": ["America/Santiago"],
    "CO": ["America/Bogota"],
    "PE": ["America/Lima"],
    "JP": ["Asia/Tokyo"],
    "KR": ["Asia/Seoul"],
    "CN": ["Asia/Shanghai"],
    "HK": ["Asia/Hong_Kong"],
    "TW": ["Asia/Taipei"],
    "TH": ["Asia/Bangkok"],
    "VN": ["Asia/Ho_Chi_Minh"],
    "ID": ["Asia/Jakarta"],
    "PK": ["Asia/Karachi"],
    "BD": ["Asia/Dhaka"],
    "LK": ["Asia/Colombo"],
    "NP": ["Asia/Kathmandu"],
    "AE": ["Asia/Dubai"],
    "SA": ["Asia/Riyadh"],
    "QA": ["Asia/Qatar"],
    "IL": ["Asia/Jerusalem"],
    "TR": ["Europe/Istanbul"],
    "EG": ["Africa/Cairo"],
    "MA": ["Africa/Casablanca"],
    "TN": ["Africa/Tunis"],
    "ET": ["Africa/Addis_Ababa"],
    "TZ": ["Africa/Dar_es_Salaam"],
    "ZM": ["Africa/Lusaka"],
    "ZW": ["Africa/Harare"],
    "BW": ["Africa/Gaborone"],
    "NA": ["Africa/Windhoek"],
    "RW": ["Africa/Kigali"],
    "CM": ["Africa/Douala"],
    "SN": ["Africa/Dakar"],
    "PL": ["Europe/Warsaw"],
    "CZ": ["Europe/Prague"],
    "HU": ["Europe/Budapest"],
    "RO": ["Europe/Bucharest"],
    "GR": ["Europe/Athens"],
    "AT": ["Europe/Vienna"],
    "CH": ["Europe/Zurich"],
    "BE": ["Europe/Brussels"],
    "EE": ["Europe/Tallinn"],
    "LV": ["Europe/Riga"],
    "LT": ["Europe/Vilnius"],
    "HR": ["Europe/Zagreb"],
    "SI": ["Europe/Ljubljana"],
    "RS": ["Europe/Belgrade"],
    "UA": ["Europe/Kyiv"],
    "IS": ["Atlantic/Reykjavik"],
    "JM": ["America/Jamaica"],
    "TT": ["America/Port_of_Spain"],
    "BB": ["America/Barbados"],
    "FJ": ["Pacific/Fiji"],
    "PG": ["Pacific/Port_Moresby"],
    "WS": ["Pacific/Apia"],
    "TO": ["Pacific/Tongatapu"],
    "MN": ["Asia/Ulaanbaatar"],
    "KZ": ["Asia/Almaty"],
    "UZ": ["Asia/Tashkent"],
    "IR": ["Asia/Tehran"],
    "JO": ["Asia/Amman"],
    "LB": ["Asia/Beirut"],
    "OM": ["Asia/Muscat"],
    "KW": ["Asia/Kuwait"],
    "MU": ["Indian/Mauritius"],
    "MW": ["Africa/Blantyre"],
    "MZ": ["Africa/Maputo"],
    "UY": ["America/Montevideo"],
    "EC": ["America/Guayaquil"],
    "CR": ["America/Costa_Rica"],
    "PA": ["America/Panama"],
    "GT": ["America/Guatemala"],
    "BZ": ["America/Belize"],
}
TOPICS = [
    "open access", "information literacy", "community outreach", "digital preservation",
    "cataloguing", "metadata", "research data", "reference services", "children's services",
    "school libraries", "advocacy", "leadership", "copyright", "digitisation",
    "special collections", "archives", "user experience", "library design", "e-resources",
    "scholarly communication", "teaching", "reading promotion", "indigenous knowledge",
    "health libraries", "law libraries", "marketing", "social media", "makerspaces",
    "accessibility", "collection development", "rare books", "oral history",
    "systems librarianship", "data literacy", "multilingual collections",
    "professional development", "evaluation", "volunteering", "rural libraries", "sustainability",
]  # fmt: skip
SECTOR_WEIGHTS = {
    "academic": 36, "public": 24, "school": 10, "special": 9, "national": 4, "archives": 5,
    "museum": 3, "lis-education": 5, "other": 4,
}  # fmt: skip
STAGE_WEIGHTS = {"student": 10, "early": 35, "mid": 35, "senior": 20}
PREFERENCE_WEIGHTS = {"open": 35, "interest": 35, "career_stage": 15, "sector": 15}


def zipf_weights(count, exponent):
    return [1 / rank**exponent for rank in range(1, count + 1)]


def generate_applicants(count, seed):
    """A realistic round: (applicants, pinned pairs, forbidden pairs)."""
    rng = random.Random(seed)
    countries = list(COUNTRY_ZONES)
    country_weights = zipf_weights(len(countries), 1.1)
    topic_weights = zipf_weights(len(TOPICS), 0.8)
    drawn = []
    for number in range(1, count + 1):
        country = rng.choices(countries, country_weights)[0]
        interests = set()
        wanted = rng.randint(2, 6)
        while len(interests) < wanted:
            interests.add(rng.choices(TOPICS, topic_weights)[0])
        drawn.append(
            {
                "id": number,
                "country": country,
                "timezone": rng.choice(COUNTRY_ZONES[country]),
                "sector": rng.choices(list(SECTOR_WEIGHTS), list(SECTOR_WEIGHTS.values()))[0],
                "career_stage": rng.choices(list(STAGE_WEIGHTS), list(STAGE_WEIGHTS.values()))[0],
                "match_preference": rng.choices(
                    list(PREFERENCE_WEIGHTS), list(PREFERENCE_WEIGHTS.values())
                )[0],
                "interests": frozenset(interests),
                "returning": rng.random() < 1 / 3,
                "english_confirmed": rng.random() > 0.01,
            }
        )
    # Returning applicants had one or two partners before, from other countries; some of those
    # are also returning this round (the rule only bites then).
    returning = [fields for fields in drawn if fields["returning"]]
    previous = {fields["id"]: set() for fields in drawn}
    for fields in returning:
        for _ in range(rng.randint(1, 2)):
            other = rng.choice(returning)
            if other["country"] != fields["country"]:
                previous[fields["id"]].add(other["id"])
                previous[other["id"]].add(fields["id"])
    applicants = [
        Applicant(**fields, previous_partners=frozenset(previous[fields["id"]])) for fields in drawn
    ]

    # A coordinator pins a few pairs and forbids a few: pins that break no rule.
    pinned, forbidden, used = [], set(), set()
    while len(pinned) < max(1, count // 500):
        a, b = rng.sample(applicants, 2)
        if a.id not in used and b.id not in used and not check_pair(a, b):
            pinned.append((a.id, b.id))
            used.update((a.id, b.id))
    while len(forbidden) < max(2, count // 200):
        a, b = rng.sample(applicants, 2)
        forbidden.add(frozenset((a.id, b.id)))
    return applicants, pinned, forbidden


def measure(count, seed, repeat, with_exact):
    applicants, pinned, forbidden = generate_applicants(count, seed)
    timings, cpu_timings = [], []
    for _ in range(repeat):
        started, cpu_started = time.perf_counter(), time.process_time()
        result = propose_matching(applicants, pinned, forbidden)
        timings.append(time.perf_counter() - started)
        cpu_timings.append(time.process_time() - cpu_started)
    matchable = sum(person.english_confirmed for person in applicants)
    row = {
        "count": count,
        "seconds": min(timings),
        "cpu_seconds": min(cpu_timings),
        "matched": result.matched_count,
        "matchable": matchable,
        "trios": sum(group.is_trio for group in result.groups),
        "violations": len(result.violations()),
        "mean": result.mean_score,
        "share": None,
        "exact_seconds": None,
    }
    if with_exact:
        started = time.perf_counter()
        best = exact_optimum(applicants, pinned, forbidden)
        row["exact_seconds"] = time.perf_counter() - started
        row["share"] = result.total_score / best.total_score
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--exact-up-to", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    table = [
        "| applicants | time | CPU time | matched | trios | violations | mean score "
        "| share of exact optimum | exact solver time |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for count in args.sizes:
        row = measure(count, args.seed + count, args.repeat, count <= args.exact_up_to)
        share = "not computed" if row["share"] is None else f"{100 * row['share']:.2f}%"
        exact = "not computed" if row["exact_seconds"] is None else f"{row['exact_seconds']:.1f} s"
        matched = f"{row['matched']:,} of {row['matchable']:,}"
        matched += f" ({100 * row['matched'] / row['matchable']:.1f}%)"
        table.append(
            f"| {count:,} | {row['seconds']:.2f} s | {row['cpu_seconds']:.2f} s | {matched} "
            f"| {row['trios']} "
            f"| {row['violations']} | {row['mean']:.1f} | {share} | {exact} |"
        )
        print(table[-1], flush=True)

    details = (
        f"seed {args.seed}; `propose_matching` with {DEFAULT_CANDIDATES} candidates per person "
        f"and {SECOND_LOOK_CANDIDATES} more by price, best of {args.repeat} runs (wall clock, "
        "and the process's CPU time, steadier on a shared machine), everything included: "
        "scoring, pruning, matching, the trio, reasons. *Matched* counts applicants placed "
        "in a group "
        "out of those who confirmed English (about 1% did not). *Share of exact optimum*: "
        "total score (each matched person's group score, added up) over that of "
        "`exact_optimum`, the maximum-weight matching of the full unpruned graph. Applicants: "
        "~100 countries with Zipf-like participation and matching time zones, 2 to 6 of 40 "
        "topics, a third returning with previous partners, a few pins and forbidden pairs."
    )
    command = (
        f"bench/matching.py --sizes {' '.join(map(str, args.sizes))} "
        f"--exact-up-to {args.exact_up_to} --repeat {args.repeat} --seed {args.seed}"
    )
    body = "\n".join([f"`{command}` ({machine_line()}); {details}", "", *table])
    write_section("matching", "Matching a round (programme/matching.py)", body)
    print("written to docs/benchmarks.md")


if __name__ == "__main__":
    main()
