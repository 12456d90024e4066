"""Demo rounds (see demo.site for the conventions): two finished rounds whose partnerships
make members each other's previous partners, and a round open for applications today
with a few hundred applications, so a coordinator can close it and run a matching at once.

Applicants are demo accounts that cannot log in; the demo member applies too."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone

from members.choices import CareerStage, LibrarySector
from members.factories import MemberProfileFactory, UserFactory
from members.models import MemberProfile
from programme.applications import country_limit
from programme.models import Application, Partnership, PartnershipMember, Round

APPLICANTS = 240  # per scale, in the open round
PARTNERSHIPS_PER_FINISHED_ROUND = 40
DEMO_MEMBER_EMAIL = "member@iln.example.org"

# Where applicants come from: a few countries hold most of them, as in the real network.
COUNTRY_ZONES = [
    ("US", "America/New_York", 18),
    ("GB", "Europe/London", 12),
    ("IN", "Asia/Kolkata", 10),
    ("NG", "Africa/Lagos", 8),
    ("AU", "Australia/Sydney", 7),
    ("CA", "America/Toronto", 6),
    ("KE", "Africa/Nairobi", 5),
    ("PH", "Asia/Manila", 5),
    ("BR", "America/Sao_Paulo", 4),
    ("NZ", "Pacific/Auckland", 3),
    ("GH", "Africa/Accra", 3),
    ("ZA", "Africa/Johannesburg", 3),
    ("FR", "Europe/Paris", 2),
    ("MX", "America/Mexico_City", 2),
    ("PE", "America/Lima", 2),
    ("EG", "Africa/Cairo", 2),
    ("JO", "Asia/Amman", 2),
    ("NP", "Asia/Kathmandu", 2),
    ("FJ", "Pacific/Fiji", 1),
    ("FI", "Europe/Helsinki", 1),
]
INTERESTS = [
    "open access",
    "cataloguing",
    "community outreach",
    "digital preservation",
    "information literacy",
    "children's services",
    "research data",
    "makerspaces",
    "library advocacy",
    "user experience",
    "reading promotion",
    "archives",
    "metadata",
    "disaster planning",
    "indigenous knowledge",
    "copyright",
]
FIRST_NAMES = [
    "Amina", "Ravi", "Sofia", "Kwame", "Mei", "Lucas", "Aroha", "Fatima", "Diego", "Hana",
    "Tomás", "Zanele", "Priya", "Oluwaseun", "Laila", "Mateo", "Grace", "Yusuf", "Ingrid",
    "Chidi", "Ana", "Kenji", "Nadia", "Samuel",
]  # fmt: skip
LAST_NAMES = [
    "Okafor", "Sharma", "Rossi", "Mensah", "Chen", "Silva", "Tane", "Haddad", "López",
    "Sato", "Dlamini", "Nair", "Adeyemi", "Khalil", "Fernández", "Wanjiru", "Ibrahim",
    "Lindqvist", "Eze", "Costa", "Mwangi", "Reyes", "Kowalski", "Brown",
]  # fmt: skip


def _rounds(today):
    return [
        {
            "slug": "2025-spring",
            "name": "Round 1 · spring 2025",
            "opens": datetime.date(2025, 1, 6),
            "closes": datetime.date(2025, 2, 3),
            "start": datetime.date(2025, 2, 17),
            "state": Round.State.FINISHED,
        },
        {
            "slug": "2025-autumn",
            "name": "Round 2 · autumn 2025",
            "opens": datetime.date(2025, 8, 4),
            "closes": datetime.date(2025, 9, 1),
            "start": datetime.date(2025, 9, 15),
            "state": Round.State.FINISHED,
        },
        {
            "slug": "current",
            "name": f"Round 3 · {today + datetime.timedelta(days=35):%B %Y}",
            "opens": today - datetime.timedelta(days=10),
            "closes": today + datetime.timedelta(days=20),
            "start": today + datetime.timedelta(days=35),
            "state": Round.State.OPEN,
        },
    ]


def _aware(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def build_rounds(ctx):
    today = timezone.localdate()
    rounds = {}
    for spec in _rounds(today):
        round_ = Round.objects.filter(slug=spec["slug"]).first()
        if round_ is None:
            round_ = Round.objects.create(
                slug=spec["slug"],
                name=spec["name"],
                applications_open=_aware(spec["opens"]),
                applications_close=_aware(spec["closes"]),
                partnership_start=spec["start"],
            )
            round_.state = spec["state"]
            round_.save(update_fields=["state"])
            ctx.count("round")
        rounds[spec["slug"]] = round_
    applicants = _applicants(ctx)
    for slug in ("2025-spring", "2025-autumn"):
        _finished_round(ctx, rounds[slug], applicants)
    _open_round(ctx, rounds["current"], applicants)


def _applicants(ctx):
    """The demo applicants' profiles, created once (scaled)."""
    rng = random.Random("iln-demo-applicants")
    User = get_user_model()
    wanted = APPLICANTS * ctx.scale
    emails = [f"applicant{n}@members.iln.example.org" for n in range(1, wanted + 1)]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    weights = [weight for _code, _zone, weight in COUNTRY_ZONES]
    for email in emails:
        # Drawn for every applicant, created or not, so later ones never change.
        code, zone, _weight = rng.choices(COUNTRY_ZONES, weights=weights)[0]
        interests = rng.sample(INTERESTS, k=rng.randint(2, 5))
        sector = rng.choices(LibrarySector.values, weights=[5, 5, 2, 2, 1, 1, 1, 1, 1])[0]
        stage = rng.choice(CareerStage.values)
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if email in existing:
            continue
        user = UserFactory(username=email, email=email, password=None)
        MemberProfileFactory(
            user=user,
            display_name=name,
            country=code,
            time_zone=zone,
            sector=sector,
            career_stage=stage,
            role="Librarian",
            interests=interests,
        )
        ctx.count("demo applicant")
    profiles = MemberProfile.objects.filter(user__email__in=emails).prefetch_related("interests")
    return sorted(profiles, key=lambda profile: profile.user_id)


def _application(round_, profile, submitted, rng):
    return Application(
        round=round_,
        member=profile,
        country=profile.country,
        sector=profile.sector or "other",
        role=profile.role,
        career_stage=profile.career_stage or "mid",
        interests=sorted(tag.name for tag in profile.interests.all()),
        time_zone=profile.time_zone or "UTC",
        motivation="I would like to learn how colleagues elsewhere serve their communities.",
        match_preference=rng.choice(["interest", "career_stage", "sector", "open", "open"]),
        hours_per_week=rng.choice([1, 2, 2, 3, 4]),
        english_confirmed=True,
        code_of_conduct_accepted=True,
        submitted_at=submitted,
    )


def _finished_round(ctx, round_, applicants):
    """Partnerships of a finished round: pairs of applicants from different countries."""
    if round_.partnerships.exists():
        return
    rng = random.Random(f"iln-demo-{round_.slug}")
    people = rng.sample(applicants, k=min(len(applicants), PARTNERSHIPS_PER_FINISHED_ROUND * 2))
    demo_member = MemberProfile.objects.filter(user__email=DEMO_MEMBER_EMAIL).first()
    if demo_member is not None and round_.slug == "2025-autumn":
        people = [demo_member, *people[:-1]]
    pairs = []
    waiting = []
    for person in people:
        partner = next((p for p in waiting if p.country != person.country), None)
        if partner is None:
            waiting.append(person)
        else:
            waiting.remove(partner)
            pairs.append((partner, person))
    submitted = round_.applications_open + datetime.timedelta(days=3)
    applications = Application.objects.bulk_create(
        _application(round_, person, submitted, rng) for pair in pairs for person in pair
    )
    by_member = {application.member_id: application for application in applications}
    partnerships = Partnership.objects.bulk_create(
        Partnership(round=round_, score=rng.randint(45, 90)) for _pair in pairs
    )
    PartnershipMember.objects.bulk_create(
        PartnershipMember(
            partnership=partnership,
            application=by_member[person.pk],
            member=person,
            country=person.country,
        )
        for partnership, pair in zip(partnerships, pairs, strict=True)
        for person in pair
    )
    ctx.count("partnership", len(partnerships))


def _open_round(ctx, round_, applicants):
    """Applications to the open round from every applicant, under the country cap as the
    web form applies it (the rest deferred)."""
    if round_.applications.exists():
        return
    rng = random.Random("iln-demo-open-round")
    applications = []
    for n, profile in enumerate(applicants):
        submitted = round_.applications_open + datetime.timedelta(minutes=37 * n)
        applications.append(_application(round_, profile, submitted, rng))
    limit = country_limit(round_, len(applications))
    per_country = {}
    for application in applications:
        code = str(application.country)
        per_country[code] = per_country.get(code, 0) + 1
        if per_country[code] > limit:
            application.status = Application.Status.DEFERRED
    Application.objects.bulk_create(applications)
    ctx.count("application", len(applications))
    counts = round_.applications.values("status").annotate(n=Count("pk"))
    ctx.log("  " + ", ".join(f"{row['n']} {row['status']}" for row in counts))
