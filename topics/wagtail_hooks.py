"""What topics and the discussion archive contribute to the pages above them: the home
page's figures and featured pages, and the country pages."""

from django.db.models import Count

from core.registries import featured_sources, home_figures, represented_countries
from countries import registry as countries

from .models import DiscussionPage, DiscussionPost, TopicPage


def _public_discussion_posts():
    """Posts of live discussions outside view restrictions."""
    return DiscussionPost.objects.filter(page__in=DiscussionPage.objects.live().public())


@home_figures.register("topics")
def count_topics():
    return TopicPage.objects.live().public().filter(locale__language_code="en").count()


@home_figures.register("discussions")
def count_discussions():
    return DiscussionPage.objects.live().public().count()


@represented_countries.register("discussions")
def discussion_countries():
    posts = _public_discussion_posts().exclude(country="")
    return posts.values_list("country", flat=True).distinct()


@featured_sources.register("topics")
def newest_topics(locale, limit):
    topics = TopicPage.objects.live().public().filter(locale=locale)
    # The card shows the topic's round (programme.RoundTopic, reverse one-to-one).
    return list(topics.select_related("round_topic__round").order_by("-date")[:limit])


@countries.register_figure("discussions")
def discussions_by_country(codes):
    rows = (
        _public_discussion_posts()
        .filter(country__in=codes)
        .values("country")
        .annotate(n=Count("page_id", distinct=True))
    )
    return {row["country"]: row["n"] for row in rows}


@countries.register_listing("discussions")
def discussions_of_country(code, user):
    return list(
        DiscussionPage.objects.live()
        .public()
        .filter(posts__country=code)
        .distinct()
        .order_by("-date")[:6]
    )
