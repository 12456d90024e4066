"""Every page type renders with representative content, in the site's layout."""

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


def test_topic_page_shows_prompts_body_blocks_tags_and_discussions(client, site_tree):
    topic = make_topic(site_tree.topics)
    make_discussion(site_tree.discussions, 7, topic=topic)
    html = get_ok(client, topic.url)
    assert "What would you build first?" in html
    assert "<h2>Before you write</h2>" in html
    assert "<strong>together</strong>" in html
    assert 'class="callout callout--tip"' in html
    assert "<summary>How long should a message be?</summary>" in html
    assert "?tag=makerspaces" in html
    assert "Chat about floods and libraries 7" in html
    assert 'aria-label="Breadcrumb"' in html


def test_discussion_page_lists_every_post_with_country(client, site_tree):
    discussion = make_discussion(site_tree.discussions, posts=4)
    html = get_ok(client, discussion.url)
    for i in range(4):
        assert f"Post {i} on floods." in html
    assert "Ghana" in html and "Kenya" in html


def test_country_page_shows_facts_and_related_content(client, site_tree):
    country = make_country(site_tree.countries, "GH")
    country.library_associations = "Ghana Library Association"
    country.save()
    make_story(site_tree.stories)
    make_discussion(site_tree.discussions, posts=2)
    html = get_ok(client, country.url)
    assert "Ghana Library Association" in html
    assert "Two reading rooms 0" in html
    assert "Chat about floods and libraries 0" in html


def test_country_index_groups_countries_by_region_with_counts(client, site_tree):
    make_country(site_tree.countries, "NZ")
    make_story(site_tree.stories)
    html = get_ok(client, site_tree.countries.url)
    assert "Asia and the Pacific" in html
    assert "1 story" in html


def test_story_page_links_countries_to_their_profiles(client, site_tree):
    ghana = make_country(site_tree.countries, "GH")
    story = make_story(site_tree.stories)
    html = get_ok(client, story.url)
    assert "Aroha T." in html and "Kwame A." in html
    assert f'href="{ghana.url}"' in html
    assert "New Zealand" in html  # no profile: named, not linked


def test_guidance_pages_render_faq_blocks(client, site_tree):
    guidance = make_guidance(site_tree.guidance)
    assert "Being a good partner 0" in get_ok(client, site_tree.guidance.url)
    html = get_ok(client, guidance.url)
    assert '<details class="faq__item">' in html


@pytest.mark.parametrize(
    "index_attr,empty_text",
    [
        ("topics", "No topics have been published yet."),
        ("discussions", "The archive is empty."),
        ("countries", "No country profiles have been published yet."),
        ("stories", "No partner stories have been published yet."),
        ("guidance", "No guidance has been published yet."),
    ],
)
def test_empty_indexes_say_so(client, site_tree, index_attr, empty_text):
    html = get_ok(client, getattr(site_tree, index_attr).url)
    assert empty_text in html


def test_topic_index_filters_by_tag_and_year(client, site_tree):
    make_topic(site_tree.topics, 0, tags=("makerspaces",))  # 2014
    make_topic(site_tree.topics, 30, tags=("advocacy",))  # 2015
    html = get_ok(client, site_tree.topics.url + "?tag=advocacy")
    assert "Makerspaces on a shoestring 30" in html
    assert "Makerspaces on a shoestring 0<" not in html
    html = get_ok(client, site_tree.topics.url + "?year=2014")
    assert "Makerspaces on a shoestring 0<" in html
    assert "Makerspaces on a shoestring 30" not in html


def test_indexes_paginate_twelve_a_page(client, site_tree):
    for n in range(13):
        make_topic(site_tree.topics, n, tags=())
    first = get_ok(client, site_tree.topics.url)
    second = get_ok(client, site_tree.topics.url + "?page=2")
    assert first.count('class="card"') == 12
    assert second.count('class="card"') == 1
    assert "Page 2 of 2" in second
