"""The home page (figures, featured content, the call to apply) and guidance pages render
with representative content, in the site's layout."""

import pytest

from tests.factories_content import (
    make_country,
    make_discussion,
    make_guidance,
    make_story,
    make_topic,
)

pytestmark = pytest.mark.django_db


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_page_shows_figures_featured_content_and_call_to_action(client, site_tree):
    make_topic(site_tree.topics, 1)
    make_story(site_tree.stories, 1)
    make_discussion(site_tree.discussions, 1)
    html = get_ok(client, "/")
    assert "Makerspaces on a shoestring 1" in html
    assert "Two reading rooms 1" in html
    assert "countries represented" in html
    assert 'id="main"' in html and "Skip to main content" in html
    assert "Applications for the next round open soon" in html


def test_home_page_figures_come_from_the_data(client, site_tree):
    from home.stats import compute_site_figures

    make_topic(site_tree.topics, 1)
    make_topic(site_tree.topics, 2)
    make_discussion(site_tree.discussions, 1, posts=3)  # NZ, GH, KE
    make_country(site_tree.countries, "BR")
    figures = compute_site_figures()
    assert figures["topics"] == 2
    assert figures["countries"] == 4
    assert figures["discussions"] == 1


def test_guidance_pages_render_faq_blocks(client, site_tree):
    guidance = make_guidance(site_tree.guidance)
    assert "Being a good partner 0" in get_ok(client, site_tree.guidance.url)
    html = get_ok(client, guidance.url)
    assert '<details class="faq__item">' in html


def test_empty_guidance_index_says_so(client, site_tree):
    assert "No guidance has been published yet." in get_ok(client, site_tree.guidance.url)
