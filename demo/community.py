"""Demo country profiles and partner stories (see demo.site for the conventions)."""

import datetime
import os
import random
import secrets

import factory.random
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from countries.factories import CountryIndexPageFactory, CountryProfilePageFactory
from members.choices import Visibility
from members.factories import MemberProfileFactory, UserFactory, add_photo
from members.models import MemberProfile
from stories.factories import PartnerStoryPageFactory, StoryIndexPageFactory, StoryPartnerFactory
from stories.models import StoryIndexPage, StoryPartner

from . import community_content
from .site import get_or_create_child, save_with_relations, stream_from_spec
from .topics import scaled


def build_countries(ctx):
    index, _ = get_or_create_child(
        ctx,
        ctx.home,
        CountryIndexPageFactory,
        "countries",
        title="Country profiles",
        introduction=community_content.COUNTRIES_INTRO,
    )
    for item in community_content.COUNTRIES:
        get_or_create_child(
            ctx,
            index,
            CountryProfilePageFactory,
            item["slug"],
            title=item["title"],
            country=item["code"],
            region=item["region"],
            summary=item["summary"],
            landscape=stream_from_spec([("paragraph", text) for text in item["landscape"]]),
            library_associations="\n".join(item["associations"]),
            lis_schools="\n".join(item["lis_schools"]),
            languages=item["languages"],
        )


def build_stories(ctx):
    index, _ = get_or_create_child(
        ctx,
        ctx.home,
        StoryIndexPageFactory,
        "stories",
        title="Partner stories",
        introduction=community_content.STORIES_INTRO,
    )
    for copy, item in scaled(community_content.STORIES, ctx.scale):
        suffix = "" if copy == 1 else f"-{copy}"
        page, created = get_or_create_child(
            ctx,
            index,
            PartnerStoryPageFactory,
            item["slug"] + suffix,
            title=item["title"] if copy == 1 else f"{item['title']} (part {copy})",
            year=item["year"],
            round_label=item["round_label"],
            summary=item["summary"],
            pull_quote=item["pull_quote"],
            body=stream_from_spec([("paragraph", text) for text in item["body"]]),
            first_published_at=timezone.make_aware(
                datetime.datetime(item["year"], 6, 1, 9) + datetime.timedelta(days=copy)
            ),
        )
        if not created:
            continue
        for n, (name, country, institution) in enumerate(item["partners"]):
            StoryPartnerFactory.create(
                page=page, name=name, country=country, institution=institution, sort_order=n
            )
        if item.get("tags"):
            page.tags.add(*item["tags"])
        save_with_relations(page)
    _build_recent_stories(ctx, index)


def _recent_round(slug, today):
    """The round `slug` as demo/programme.py builds it today: ("Round 3", start year)."""
    from .programme import _rounds

    spec = next(spec for spec in _rounds(today) if spec["slug"] == slug)
    return spec["name"].split(" · ")[0], spec["start"].year


def _build_recent_stories(ctx, index):
    """Stories from the programme's recent rounds, dated from today (the demo looks alive
    whenever it is loaded)."""
    today = timezone.localdate()
    for item in community_content.RECENT_STORIES:
        published = today - datetime.timedelta(days=item["days_ago"])
        label, year = _recent_round(item["round"], today)
        page, created = get_or_create_child(
            ctx,
            index,
            PartnerStoryPageFactory,
            item["slug"],
            title=item["title"],
            year=year,
            round_label=label,
            summary=item["summary"],
            pull_quote=item["pull_quote"],
            body=stream_from_spec([("paragraph", text) for text in item["body"]]),
            first_published_at=timezone.make_aware(
                datetime.datetime.combine(published, datetime.time(9))
            ),
        )
        if not created:
            continue
        for n, (name, country, institution) in enumerate(item["partners"]):
            StoryPartnerFactory.create(
                page=page, name=name, country=country, institution=institution, sort_order=n
            )
        page.tags.add(*item["tags"])
        save_with_relations(page)


DEMO_MEMBERS = 40
DEMO_MEMBER_EMAIL = "member@iln.example.org"
DEMO_COUNTRIES = ["NZ", "GH", "CA", "IN", "BR", "FR", "KE", "PH", "ES", "EG", "JO", "AU", "US"]
DEMO_INTERESTS = [
    "community outreach",
    "professional development",
    "children and youth",
    "collection development",
    "digital literacy",
    "reading promotion",
    "advocacy",
    "user experience",
    "open access",
    "makerspaces",
    "research support",
    "indigenous knowledge",
]


def build_members(ctx):
    """Demo members (40 x scale) with profiles, partners of the demo stories linked to
    profiles, and one demo member account whose password is printed when created."""
    # Same names and details on every machine and every run.
    factory.random.reseed_random("iln-demo-members")
    rng = random.Random("iln-demo-members")
    User = get_user_model()
    existing = set(
        User.objects.filter(email__endswith="@members.iln.example.org").values_list(
            "email", flat=True
        )
    )
    for n in range(1, DEMO_MEMBERS * ctx.scale + 1):
        email = f"demo.member{n}@members.iln.example.org"
        interests = rng.sample(DEMO_INTERESTS, k=rng.randint(1, 4))
        if email in existing:
            continue
        profile = _demo_profile(
            email,
            country=DEMO_COUNTRIES[n % len(DEMO_COUNTRIES)],
            visibility=Visibility.PUBLIC if n % 5 == 0 else Visibility.MEMBERS,
            interests=interests,
        )
        ctx.count("member profile")
        if n % 4 == 0:  # some portraits (plain colours), public and members-only alike
            add_photo(profile, colour=DEMO_PHOTO_COLOURS[n % len(DEMO_PHOTO_COLOURS)])
    _link_story_partners(ctx)
    _demo_member_account(ctx)


DEMO_PHOTO_COLOURS = [(11, 93, 122), (240, 165, 0), (42, 157, 143), (231, 111, 81)]


def _demo_profile(email, **fields):
    """A profile for a demo account that cannot log in (no usable password)."""
    user = UserFactory(username=email[:150], email=email, password=None)
    return MemberProfileFactory(user=user, time_zone="UTC", **fields)


def _link_story_partners(ctx):
    """Partners of the demo stories get (and link to) a demo member profile."""
    index = StoryIndexPage.objects.child_of(ctx.home).first()
    if index is None:
        return
    partners = StoryPartner.objects.filter(
        member__isnull=True, page__path__startswith=index.path
    ).order_by("pk")
    for partner in partners:
        email = f"{slugify(partner.name) or 'partner'}@members.iln.example.org"
        profile = MemberProfile.objects.filter(user__email=email).first()
        if profile is None:
            profile = _demo_profile(
                email,
                display_name=partner.name,
                country=partner.country,
                institution=partner.institution,
                interests=["community outreach"],
            )
            ctx.count("member profile")
        partner.member = profile
        partner.save(update_fields=["member"])


def _demo_member_account(ctx):
    """A member account to try the members area with. Its password comes from
    DEMO_MEMBER_PASSWORD, or is generated and printed once, when the account is created."""
    User = get_user_model()
    if User.objects.filter(email=DEMO_MEMBER_EMAIL).exists():
        ctx.log(f"Demo member account '{DEMO_MEMBER_EMAIL}' already exists (password unchanged).")
        return
    password = os.environ.get("DEMO_MEMBER_PASSWORD") or secrets.token_urlsafe(12)
    user = UserFactory(username="demo-member", email=DEMO_MEMBER_EMAIL, password=password)
    MemberProfileFactory(
        user=user,
        display_name="Demo Member",
        country="NZ",
        city="Wellington",
        institution="Wellington City Libraries",
        sector="public",
        role="Community librarian",
        career_stage="mid",
        time_zone="Pacific/Auckland",
        languages="English, te reo Māori",
        bio="A demo account: try the directory, edit this profile or submit a story.",
        interests=["community outreach", "reading promotion"],
    )
    ctx.count("demo member account")
    ctx.log(f"Created demo member account: e-mail '{DEMO_MEMBER_EMAIL}', password '{password}'")
