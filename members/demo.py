"""Demo country profiles and partner stories (see home.demo for the conventions)."""

import datetime

from django.utils import timezone

from home.demo import get_or_create_child, stream_from_spec
from topics.demo import scaled

from . import demo_data
from .factories import (
    CountryIndexPageFactory,
    CountryProfilePageFactory,
    PartnerStoryPageFactory,
    StoryIndexPageFactory,
    StoryPartnerFactory,
)


def build_countries(ctx):
    index, _ = get_or_create_child(
        ctx,
        ctx.home,
        CountryIndexPageFactory,
        "countries",
        title="Country profiles",
        introduction=demo_data.COUNTRIES_INTRO,
    )
    for item in demo_data.COUNTRIES:
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
        introduction=demo_data.STORIES_INTRO,
    )
    for copy, item in scaled(demo_data.STORIES, ctx.scale):
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
        page.save()
