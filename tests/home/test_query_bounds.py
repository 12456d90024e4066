"""A public page's query count does not grow with its content: the same bound holds for
indexes and pages holding 5 and 50 items (child pages, tags, posts, partners)."""

import pytest

from tests.factories_content import (
    COUNTRIES,
    make_country,
    make_discussion,
    make_guidance,
    make_story,
    make_topic,
)

pytestmark = pytest.mark.django_db

SIZES = [5, 50]


@pytest.fixture(
    params=[pytest.param(n, marks=[pytest.mark.slow] if n > 5 else []) for n in SIZES],
    ids=lambda n: f"{n}-items",
)
def filled(request, site_tree):
    n = request.param
    first_topic = None
    for i in range(n):
        topic = make_topic(site_tree.topics, i, tags=[f"tag-{i}", "makerspaces", "advocacy"])
        first_topic = first_topic or topic
        make_story(site_tree.stories, i, partners=[("A", "NZ"), ("B", COUNTRIES[i % 10])])
        make_guidance(site_tree.guidance, i)
    for i in range(min(n, 12)):
        make_discussion(site_tree.discussions, i, posts=3, topic=first_topic)
    big_discussion = make_discussion(site_tree.discussions, 999, posts=n, topic=first_topic)
    # Country profiles: real codes only, so 5 or all 10 available.
    for code in COUNTRIES[: min(n, len(COUNTRIES))]:
        make_country(site_tree.countries, code)
    site_tree.first_topic = first_topic
    site_tree.big_discussion = big_discussion
    return site_tree


# (url getter, maximum queries). Bounds are fixed numbers, the same for 5 and 50 items.
PAGES = {
    # home: +1 for the current round in the call to apply.
    "home": (lambda t: "/", 21),
    "topic index": (lambda t: t.topics.url, 21),
    "topic index filtered": (lambda t: t.topics.url + "?tag=makerspaces&year=2014", 21),
    # topic: +3 for the side column's other topics (siblings, view restrictions, specific).
    "topic": (lambda t: t.first_topic.url, 23),
    # discussion archive: +1 for the view restrictions a listed discussion's topic is
    # checked against (core.restrictions: one lookup per request).
    # discussion archive: +5 since its topic and tag filters (9257783): the public topics
    # and the archive's tags for the selects; the same 26 for 5 and 50 items.
    "discussion archive": (lambda t: t.discussions.url, 26),
    # discussion: +1 for the same check of its topic.
    "discussion": (lambda t: t.big_discussion.url, 20),
    # country index, country, story: +1 for the footer's translatable SiteTexts (one query).
    # country index and country: +2 as stories and discussions are counted over public
    # pages only (one view-restriction lookup each).
    # country index: +5 for "librarians from N countries" (each app's represented countries).
    "country index": (lambda t: t.countries.url, 26),
    "country": (lambda t: t.countries.get_children().first().url, 25),
    "story index": (lambda t: t.stories.url, 19),
    # story: +2 for the side column's other stories (one query, one view-restriction lookup).
    "story": (lambda t: t.stories.get_children().first().url, 26),
    "guidance index": (lambda t: t.guidance.url, 17),
    "guidance": (lambda t: t.guidance.get_children().first().url, 16),
}


def test_query_count_is_bounded(filled, client, django_assert_max_num_queries):
    # One fixture build per size (building 50 of everything is the slow part).
    for name, (url_for, bound) in PAGES.items():
        url = url_for(filled)
        client.get(url)  # warm per-process caches (site root paths, content types)
        with django_assert_max_num_queries(bound, info=name):
            response = client.get(url)
        assert response.status_code == 200, name
