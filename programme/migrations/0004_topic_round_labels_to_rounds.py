"""Topic pages belong to a round through programme.RoundTopic, no longer through their
free-text `round_label` ("Round 5, topic 3"), which topics' next migration removes.

For each topic page with a label, the label's prefix ("Round 5") names a round, found by
its slug or created finished (those topics are history), and the page gets a RoundTopic
released on the page's date. A created round's dates come from its topics: the
partnerships started a fortnight before "topic 2" was released (when the labels number
the topics; else on the first topic's date) and ended four months later, or on the last
topic's date if later; applications closed a fortnight before the start and opened four
weeks before that. Translations of a page (one translation key) get one RoundTopic, on the
page that was created first (the source). A page that has a RoundTopic already keeps it."""

import datetime
import re

from django.db import migrations
from django.utils.text import slugify

LABEL = re.compile(r"^\s*(?P<round>.*?)\s*(?:[,;:–—-]\s*|\s+)topic\s*(?P<number>\d+)\s*$", re.I)
FORTNIGHT = datetime.timedelta(days=14)
PARTNERSHIP_MONTHS = 4


def split_label(label):
    """("Round 5", 3) for "Round 5, topic 3"; ("Round 5", None) for "Round 5"."""
    label = " ".join(label.split())
    match = LABEL.match(label)
    if match and match.group("round"):
        return match.group("round"), int(match.group("number"))
    return label, None


def add_months(day, months):
    """programme.models.add_months, frozen here as the migration needs it."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def round_dates(topics):
    """(applications open, applications close, partnerships start, partnerships end) of a
    round from its [(date, number or None)] topics."""
    starts = [day - FORTNIGHT * (number - 1) for day, number in topics if number]
    start = min(starts) if starts else min(day for day, _number in topics)
    end = max(add_months(start, PARTNERSHIP_MONTHS), max(day for day, _number in topics))
    closes = datetime.datetime.combine(start - FORTNIGHT, datetime.time(0), datetime.UTC)
    return closes - datetime.timedelta(days=28), closes, start, end


def unique_slug(Round, base):
    slug, n = base, 1
    while Round.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base[:95]}-{n}"
    return slug


def labels_to_round_topics(apps, schema_editor):
    TopicPage = apps.get_model("topics", "TopicPage")
    Round = apps.get_model("programme", "Round")
    RoundTopic = apps.get_model("programme", "RoundTopic")

    pages = (
        TopicPage.objects.exclude(round_label="")
        .filter(round_topic__isnull=True)
        .order_by("pk")
        .values_list("pk", "translation_key", "round_label", "date")
    )
    translations_done = set(
        TopicPage.objects.filter(round_topic__isnull=False).values_list(
            "translation_key", flat=True
        )
    )
    by_round = {}
    for pk, translation_key, label, day in pages:
        if translation_key in translations_done:
            continue
        translations_done.add(translation_key)
        name, number = split_label(label)
        if not name:
            continue
        by_round.setdefault(name, []).append((pk, day, number))

    for name, topics in by_round.items():
        base = slugify(name)[:100] or "round"
        round_ = Round.objects.filter(slug=base).first() or Round.objects.filter(name=name).first()
        if round_ is None:
            opens, closes, start, end = round_dates([(day, number) for _pk, day, number in topics])
            round_ = Round.objects.create(
                name=name[:100],
                slug=unique_slug(Round, base),
                applications_open=opens,
                applications_close=closes,
                partnership_start=start,
                partnership_end=end,
                state="finished",
            )
        ordered = sorted(topics, key=lambda topic: (topic[1], topic[2] or 0, topic[0]))
        RoundTopic.objects.bulk_create(
            RoundTopic(round=round_, topic_id=pk, release_date=day, sort_order=n)
            for n, (pk, day, _number) in enumerate(ordered)
        )


def round_topics_to_labels(apps, schema_editor):
    """Backwards: the labels again, "<round name>, topic <n>" (the round's topics in release
    order). Rounds stay."""
    TopicPage = apps.get_model("topics", "TopicPage")
    RoundTopic = apps.get_model("programme", "RoundTopic")
    numbers = {}
    for round_topic in RoundTopic.objects.select_related("round").order_by(
        "round_id", "release_date", "sort_order", "pk"
    ):
        number = numbers[round_topic.round_id] = numbers.get(round_topic.round_id, 0) + 1
        label = f"{round_topic.round.name}, topic {number}"[:100]
        TopicPage.objects.filter(pk=round_topic.topic_id).update(round_label=label)


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0003_round_calendar_checkins_feedback"),
        ("topics", "0002_image_block"),
    ]

    operations = [migrations.RunPython(labels_to_round_topics, round_topics_to_labels)]
