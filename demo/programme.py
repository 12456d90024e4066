"""Demo rounds (see demo.site for the conventions): two finished rounds whose partnerships
make members each other's previous partners, with their check-in answers, feedback and a
rematch each; a round running for six weeks (matched and published by the real
matchmaking, introductions and the first check-in sent, some answers in, a few members in
the rematch queue); and a round open for applications today with a few hundred
applications, so a coordinator can close it and run a matching at once.

Applicants are demo accounts that cannot log in; the demo member took part in the autumn
2025 round and has a partner in the running one (see /programme/partnership/)."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone

from members.choices import CareerStage, LibrarySector
from members.factories import MemberProfileFactory, UserFactory
from members.models import MemberProfile
from programme import matchmaking
from programme.applications import country_limit
from programme.models import (
    Application,
    CheckIn,
    Feedback,
    Partnership,
    PartnershipMember,
    RematchRequest,
    Round,
    SentEmail,
)

APPLICANTS = 240  # per scale, in the open round
PARTNERSHIPS_PER_FINISHED_ROUND = 40
PARTNERSHIPS_PER_RUNNING_ROUND = 40  # per scale
RUNNING_FOR_DAYS = 42
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
            "slug": "running",
            "name": f"Round 3 · {today - datetime.timedelta(days=RUNNING_FOR_DAYS):%B %Y}",
            "opens": today - datetime.timedelta(days=RUNNING_FOR_DAYS + 45),
            "closes": today - datetime.timedelta(days=RUNNING_FOR_DAYS + 21),
            "start": today - datetime.timedelta(days=RUNNING_FOR_DAYS),
            "state": Round.State.CLOSED,  # matched and published by _running_round
        },
        {
            "slug": "current",
            "name": f"Round 4 · {today + datetime.timedelta(days=35):%B %Y}",
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
        _round_history(ctx, rounds[slug])
    _running_round(ctx, rounds["running"], applicants)
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
    # One at a time, as the web form applies the cap (programme.applications).
    per_country = {}
    active = 0
    for application in applications:
        code = str(application.country)
        if per_country.get(code, 0) + 1 > country_limit(round_, active + 1):
            application.status = Application.Status.DEFERRED
            continue
        per_country[code] = per_country.get(code, 0) + 1
        active += 1
    Application.objects.bulk_create(applications)
    ctx.count("application", len(applications))
    counts = round_.applications.values("status").annotate(n=Count("pk"))
    ctx.log("  " + ", ".join(f"{row['n']} {row['status']}" for row in counts))


# The round under way and the history of finished ones -----------------------------------------

WHAT_WORKED = [
    "A video call every other Tuesday, and a shared document for the topics.",
    "We swapped photos of our libraries and ideas for reading clubs.",
    "Writing every week, even briefly, kept us going.",
    "My partner showed me how they run their makerspace on almost no budget.",
    "",
]
COMMENTS = [
    "More time zones in common would have helped.",
    "I would love a topic on disaster planning.",
    "",
    "",
]
FREQUENCIES = [
    (True, CheckIn.Frequency.WEEKLY, 4),
    (True, CheckIn.Frequency.FORTNIGHTLY, 4),
    (True, CheckIn.Frequency.MONTHLY, 2),
    (False, CheckIn.Frequency.NOT_YET, 1),
]
NO_REPLY_NOTES = [
    "I wrote three times in two weeks and have heard nothing.",
    "No answer since the introduction.",
    "",
]


def _at(day, hour=9):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _running_round(ctx, round_, applicants):
    """Applications from PARTNERSHIPS_PER_RUNNING_ROUND pairs' worth of applicants and the
    demo member, matched and published with the real matchmaking (so partners follow the
    rules, previous partners included); then what six weeks leave behind."""
    if round_.partnerships.exists():
        return
    rng = random.Random("iln-demo-running-round")
    people = rng.sample(
        applicants, k=min(len(applicants), PARTNERSHIPS_PER_RUNNING_ROUND * 2 * ctx.scale)
    )
    demo_member = MemberProfile.objects.filter(user__email=DEMO_MEMBER_EMAIL).first()
    if demo_member is not None:
        people = [demo_member, *people]
    submitted = round_.applications_open + datetime.timedelta(days=5)
    Application.objects.bulk_create(
        _application(round_, person, submitted, rng) for person in people
    )
    ctx.count("application", len(people))
    if round_.state == Round.State.CLOSED:
        matchmaking.run_and_store(round_)
    partnerships = matchmaking.publish(round_)
    published = _at(round_.partnership_start - datetime.timedelta(days=7))
    Partnership.objects.filter(round=round_).update(created_at=published)
    ctx.count("partnership", len(partnerships))
    memberships = list(
        PartnershipMember.objects.filter(partnership__round=round_).select_related("member__user")
    )
    two_weeks = round_.partnership_start + datetime.timedelta(days=14)
    _mark_sent(memberships, SentEmail.Kind.INTRODUCTION, published)
    _mark_sent(memberships, SentEmail.Kind.CHECK_IN_TWO_WEEKS, _at(two_weeks, 6))
    answered = [
        m for m in memberships if m.member.user.email == DEMO_MEMBER_EMAIL or rng.random() < 0.75
    ]
    _check_ins(answered, CheckIn.Moment.TWO_WEEKS, two_weeks, rng)
    # A few members who have not answered wait for a new partner (not the demo member's).
    demo_partnerships = {
        m.partnership_id for m in memberships if m.member.user.email == DEMO_MEMBER_EMAIL
    }
    waiting = [
        m for m in memberships if m not in answered and m.partnership_id not in demo_partnerships
    ][:3]
    RematchRequest.objects.bulk_create(
        RematchRequest(
            membership=membership,
            source=rng.choice(list(RematchRequest.Source)),
            note=NO_REPLY_NOTES[n % len(NO_REPLY_NOTES)],
            reported_at=_at(two_weeks + datetime.timedelta(days=3 + n)),
        )
        for n, membership in enumerate(waiting)
    )
    ctx.count("rematch request", len(waiting))


def _mark_sent(memberships, kind, when):
    SentEmail.objects.bulk_create(
        SentEmail(membership=membership, kind=kind, sent_at=when) for membership in memberships
    )


def _check_ins(memberships, moment, day, rng):
    weights = [weight for _contact, _frequency, weight in FREQUENCIES]
    check_ins = []
    for membership in memberships:
        in_contact, frequency, _weight = rng.choices(FREQUENCIES, weights=weights)[0]
        if membership.member and membership.member.user.email == DEMO_MEMBER_EMAIL:
            in_contact, frequency = True, CheckIn.Frequency.WEEKLY
        check_ins.append(
            CheckIn(
                membership=membership,
                moment=moment,
                in_contact=in_contact,
                frequency=frequency,
                answered_at=_at(day + datetime.timedelta(days=rng.randint(0, 4)), 10),
            )
        )
    CheckIn.objects.bulk_create(check_ins)


def _round_history(ctx, round_):
    """What a finished round leaves: e-mail sent, check-in answers, feedback, and one
    rematch (two members whose partners went quiet, partnered with each other). Once per
    round: skipped when the round has check-ins."""
    if CheckIn.objects.filter(membership__partnership__round=round_).exists():
        return
    rng = random.Random(f"iln-demo-history-{round_.slug}")
    start, end = round_.partnership_start, round_.partnership_end
    rematched, reporters = _demo_rematch(round_, rng, _at(start + datetime.timedelta(days=20)))
    memberships = list(
        PartnershipMember.objects.filter(partnership__round=round_, member__isnull=False)
        .select_related("partnership", "member__user")
        .order_by("pk")
    )
    current = [m for m in memberships if m.partnership.ended_at is None]
    _mark_sent(memberships, SentEmail.Kind.INTRODUCTION, _at(start - datetime.timedelta(days=7)))
    two_weeks = start + datetime.timedelta(days=14)
    mid = start + datetime.timedelta(days=(end - start).days // 2)
    # Everyone but the rematched pair (introduced after day 14) had the first check-in.
    first = [m for m in memberships if m.pk not in {r.pk for r in rematched}]
    _mark_sent(first, SentEmail.Kind.CHECK_IN_TWO_WEEKS, _at(two_weeks, 6))
    _check_ins(
        [m for m in first if m in reporters or rng.random() < 0.8],
        CheckIn.Moment.TWO_WEEKS,
        two_weeks,
        rng,
    )
    # Those who then asked for a new partner had said "not yet".
    CheckIn.objects.filter(membership__in=reporters, moment=CheckIn.Moment.TWO_WEEKS).update(
        in_contact=False, frequency=CheckIn.Frequency.NOT_YET
    )
    _mark_sent(current, SentEmail.Kind.CHECK_IN_MID_ROUND, _at(mid, 6))
    _check_ins([m for m in current if rng.random() < 0.8], CheckIn.Moment.MID_ROUND, mid, rng)
    _mark_sent(current, SentEmail.Kind.FEEDBACK_REQUEST, _at(end, 6))
    feedback = []
    for membership in current:
        if rng.random() < 0.65:
            feedback.append(
                Feedback(
                    membership=membership,
                    rating=rng.choices([5, 4, 3, 2, 1], weights=[5, 6, 3, 1, 1])[0],
                    would_take_part_again=rng.random() < 0.85,
                    what_worked=rng.choice(WHAT_WORKED),
                    comments=rng.choice(COMMENTS),
                    submitted_at=_at(end + datetime.timedelta(days=rng.randint(0, 10)), 11),
                )
            )
    Feedback.objects.bulk_create(feedback)
    answered = {f.membership_id for f in feedback}
    _mark_sent(
        [m for m in current if m.pk not in answered],
        SentEmail.Kind.FEEDBACK_REMINDER,
        _at(end + datetime.timedelta(days=7), 6),
    )
    ctx.count("check-in", CheckIn.objects.filter(membership__partnership__round=round_).count())
    ctx.count("feedback", len(feedback))


def _demo_rematch(round_, rng, when):
    """Two members of different partnerships and countries, never partners before and
    neither of them the demo member, reported that their partner did not reply and were
    partnered with each other: their old partnerships ended, their requests resolved.
    Returns (the new memberships, the reporters' old memberships)."""
    partnerships = list(
        round_.partnerships.filter(ended_at=None)
        .exclude(memberships__member__user__email=DEMO_MEMBER_EMAIL)
        .prefetch_related("memberships__application")
        .order_by("pk")
    )
    if len(partnerships) < 2:
        return [], []
    rng.shuffle(partnerships)
    first = partnerships[0].memberships.all()[0]
    earlier = set(
        PartnershipMember.objects.filter(
            partnership__memberships__member_id=first.member_id
        ).values_list("member_id", flat=True)
    )
    second = next(
        (
            candidate
            for p in partnerships[1:]
            for candidate in [p.memberships.all()[0]]
            if candidate.country != first.country and candidate.member_id not in earlier
        ),
        None,
    )
    if second is None:
        return [], []
    Partnership.objects.filter(pk__in=[first.partnership_id, second.partnership_id]).update(
        ended_at=when
    )
    new = Partnership.objects.create(round=round_, score=rng.randint(45, 80), reasons=["rematch"])
    Partnership.objects.filter(pk=new.pk).update(created_at=when)
    made = []
    for old in (first, second):
        application = old.application
        PartnershipMember.objects.filter(pk=old.pk).update(application=None)
        made.append(
            PartnershipMember.objects.create(
                partnership=new,
                application=application,
                member_id=old.member_id,
                country=old.country,
            )
        )
        RematchRequest.objects.create(
            membership=old,
            source=RematchRequest.Source.CHECK_IN,
            note=rng.choice(NO_REPLY_NOTES),
            reported_at=when - datetime.timedelta(days=4),
            resolved_at=when,
            new_partnership=new,
        )
    return made, [first, second]
