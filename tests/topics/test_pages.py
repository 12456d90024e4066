"""Topic and discussion pages and their indexes: body blocks, prompts, tags, posts with
countries, the tag and year filters, pagination, empty indexes and the topics feed."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories_content import make_discussion, make_topic

pytestmark = pytest.mark.django_db


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


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


@pytest.mark.parametrize(
    "index_attr,empty_text",
    [
        ("topics", "No topics have been published yet."),
        ("discussions", "The archive is empty."),
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


def test_rss_feed_lists_published_topics(client, site_tree):
    topic = make_topic(site_tree.topics)
    make_topic(site_tree.topics, 1).unpublish()
    response = client.get("/topics/feed/")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    assert [node.text for node in channel.findall("item/title")] == [topic.title]
