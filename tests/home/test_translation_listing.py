"""The admin's page listing shows, beside each English page, the translations that are
missing or still drafts, in one query per listing."""

import re

import pytest

from tests.factories_content import FRENCH_GUIDANCE

pytestmark = pytest.mark.django_db


def gaps(html, title):
    """The translation labels in the listing row of the page called `title`."""
    row = next(row for row in html.split("<tr") if f">\n            {title}" in row or title in row)
    return re.findall(r"\b(FR|ES|AR): (missing|draft)", row)


def test_the_listing_shows_missing_and_draft_translations(
    client, editor, site_tree, guidance, french_section, translate
):
    translate(guidance, "es", FRENCH_GUIDANCE, publish=False)
    client.force_login(editor)

    html = client.get(f"/admin/pages/{site_tree.guidance.pk}/").content.decode()
    assert gaps(html, guidance.title) == [("ES", "draft"), ("AR", "missing")]


def test_english_only_pages_and_translations_show_none(client, editor, site_tree, french_section):
    from tests.factories_content import make_story

    story = make_story(site_tree.stories, 1)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{site_tree.stories.pk}/").content.decode()
    assert gaps(html, story.title) == []
    html = client.get(f"/admin/pages/{french_section['index'].pk}/").content.decode()
    assert "missing" not in html


def test_one_query_for_the_whole_listing(client, editor, site_tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.factories import GuidancePageFactory

    for n in range(10):
        GuidancePageFactory(parent=site_tree.guidance, title=f"Page {n}", slug=f"page-{n}")
    client.force_login(editor)
    url = f"/admin/pages/{site_tree.guidance.pk}/"
    client.get(url)
    with CaptureQueriesContext(connection) as listing:
        html = client.get(url).content.decode()
    assert html.count("AR: missing") == 10
    # The translations of all the listed pages are read at once.
    reads = [q["sql"] for q in listing.captured_queries if '"translation_key" IN' in q["sql"]]
    assert len(reads) == 1, reads
