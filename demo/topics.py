"""Demo topics and archived discussions (see demo.site for the conventions)."""

import datetime

from django.utils import timezone

from programme.models import Round, RoundTopic
from topics.factories import (
    DiscussionArchivePageFactory,
    DiscussionPageFactory,
    DiscussionPostFactory,
    TopicIndexPageFactory,
    TopicPageFactory,
)
from topics.models import TopicPage

from . import topic_content
from .site import get_or_create_child, save_with_relations, stream_from_spec


def scaled(items, scale):
    """The items, then (for scale > 1) numbered variants with their own slugs/ids, so
    benchmarks get N times the volume with the same shape of content."""
    for copy in range(1, scale + 1):
        for item in items:
            yield copy, item


def _suffix(copy):
    return "" if copy == 1 else f"-{copy}"


def build_topics(ctx):
    index, _ = get_or_create_child(
        ctx,
        ctx.home,
        TopicIndexPageFactory,
        "topics",
        title="Discussion topics",
        introduction=topic_content.TOPICS_INTRO,
    )
    for copy, item in scaled(topic_content.TOPICS, ctx.scale):
        date = item["date"] + datetime.timedelta(days=(copy - 1) * 366)
        page, created = get_or_create_child(
            ctx,
            index,
            TopicPageFactory,
            item["slug"] + _suffix(copy),
            title=item["title"] if copy == 1 else f"{item['title']} ({date.year})",
            date=date,
            introduction=item["introduction"],
            prompts=[("prompt", prompt) for prompt in item["prompts"]],
            body=stream_from_spec(item["body"]),
            first_published_at=timezone.make_aware(
                datetime.datetime.combine(date, datetime.time(9))
            ),
        )
        if created and item.get("tags"):
            page.tags.add(*item["tags"])
            save_with_relations(page)
        if copy == 1 and item.get("round_label"):
            _in_historical_round(ctx, page, item["round_label"])


# The rounds of 2014-2016 the demo topics belong to: finished, before the portal (no
# applications or partnerships in it). Their topics say which round ("Round 5, topic 3").
HISTORICAL_ROUNDS = {
    "Round 1": ("2014-autumn", "Round 1 · autumn 2014"),
    "Round 3": ("2015-autumn", "Round 3 · autumn 2015"),
    "Round 5": ("2016-autumn", "Round 5 · autumn 2016"),
}


def _in_historical_round(ctx, page, label):
    """A RoundTopic for `page` in the finished round its label names ("Round 5, topic 3"),
    released on the page's date; the round is created on its first topic, its partnerships
    starting a fortnight before topic 2 and lasting four months."""
    if RoundTopic.objects.filter(topic=page).exists():
        return
    prefix, number = (part.strip() for part in label.split(", topic "))
    slug, name = HISTORICAL_ROUNDS[prefix]
    start = page.date - datetime.timedelta(days=14 * (int(number) - 1))
    closes = timezone.make_aware(
        datetime.datetime.combine(start - datetime.timedelta(days=14), datetime.time(12))
    )
    round_, created = Round.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "applications_open": closes - datetime.timedelta(days=28),
            "applications_close": closes,
            "partnership_start": start,
            "state": Round.State.FINISHED,
        },
    )
    if created:
        ctx.count("historical round")
    RoundTopic.objects.create(
        round=round_, topic=page, release_date=page.date, sort_order=int(number)
    )
    ctx.count("round topic")


def build_discussions(ctx):
    archive, _ = get_or_create_child(
        ctx,
        ctx.home,
        DiscussionArchivePageFactory,
        "discussions",
        title="Discussion archive",
        introduction=topic_content.DISCUSSIONS_INTRO,
    )
    topics_by_slug = {page.slug: page for page in TopicPage.objects.filter(locale=ctx.home.locale)}
    for copy, item in scaled(topic_content.DISCUSSIONS, ctx.scale):
        date = item["date"] + datetime.timedelta(days=(copy - 1) * 366)
        page, created = get_or_create_child(
            ctx,
            archive,
            DiscussionPageFactory,
            item["slug"] + _suffix(copy),
            title=item["title"] if copy == 1 else f"{item['title']} ({date.year})",
            archive_id=item["slug"] + _suffix(copy),
            kind=item["kind"],
            date=date,
            summary=item["summary"],
            topic=topics_by_slug.get(item.get("topic", "")),
            first_published_at=timezone.make_aware(
                datetime.datetime.combine(date, datetime.time(18))
            ),
        )
        if not created:
            continue
        posted = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))
        for n, (author, country, text) in enumerate(item["posts"]):
            DiscussionPostFactory.create(
                page=page,
                author_name=author,
                country=country,
                text=text,
                posted_at=posted + datetime.timedelta(minutes=17 * n),
                sort_order=n,
            )
        if item.get("tags"):
            page.tags.add(*item["tags"])
        save_with_relations(page)
        ctx.count("DiscussionPost", len(item["posts"]))
