"""Demo calendars of the rounds on the calendar now (see demo.site for the conventions),
after demo.programme.build_rounds: the round under way releases a topic every fortnight
from its start (those whose day has come are published, the others scheduled with
Wagtail's scheduled publishing, as the round's calendar in the admin does), and the round
open for applications has its first three topics prepared ahead (scheduled).

The topics of 2014-2016 belong to finished rounds of their own (demo.topics)."""

from django.utils import timezone

from programme import calendar
from programme.models import Round, RoundTopic
from topics.factories import TopicPageFactory
from topics.models import TopicIndexPage

from . import calendar_content
from .site import get_or_create_child, save_with_relations


def build_calendar(ctx):
    index = TopicIndexPage.objects.filter(locale=ctx.home.locale).first()
    if index is None:
        return
    for slug, topics in (
        ("running", calendar_content.RUNNING_ROUND_TOPICS),
        ("current", calendar_content.OPEN_ROUND_TOPICS),
    ):
        round_ = Round.objects.filter(slug=slug).first()
        if round_ is not None:
            _round_topics(ctx, index, round_, topics)


def _round_topics(ctx, index, round_, topics):
    today = timezone.localdate()
    dates = calendar.propose_release_dates(round_, len(topics))
    for number, (item, day) in enumerate(zip(topics, dates, strict=True), start=1):
        released = day <= today
        moment = calendar.release_at(day)
        page, created = get_or_create_child(
            ctx,
            index,
            TopicPageFactory,
            item["slug"],
            title=item["title"],
            date=day,
            introduction=item["introduction"],
            prompts=[("prompt", prompt) for prompt in item["prompts"]],
            body=[],
            live=released,
            first_published_at=moment if released else None,
            last_published_at=moment if released else None,
        )
        if created and item.get("tags"):
            page.tags.add(*item["tags"])
            save_with_relations(page)
        round_topic, made = RoundTopic.objects.get_or_create(
            topic=page, defaults={"round": round_, "release_date": day, "sort_order": number}
        )
        if made:
            ctx.count("round topic")
            if not released:
                calendar.schedule_release(round_topic)
                ctx.count("scheduled topic")
