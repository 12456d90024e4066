"""No query string produces a 500; unknown URLs get the styled 404."""

import pytest

from tests.factories_content import make_discussion, make_story, make_topic

pytestmark = pytest.mark.django_db

BAD_VALUES = [
    "abc",
    "999999",
    "-1",
    "0",
    "1.5",
    "<script>alert(1)</script>",
    "\x00",
    "a\x00b",
    "x" * 10_000,
    "'; DROP TABLE wagtailcore_page; --",
    "%",
    "😀",
    "٢٠١٥",  # Arabic-Indic digits
]
PARAMS = ["page", "tag", "year", "kind"]


@pytest.fixture
def listings(site_tree):
    for n in range(13):  # two pages of topics
        make_topic(site_tree.topics, n)
    make_discussion(site_tree.discussions)
    make_story(site_tree.stories)
    return [
        "/",
        site_tree.topics.url,
        site_tree.discussions.url,
        site_tree.stories.url,
        site_tree.countries.url,
        site_tree.guidance.url,
    ]


def test_bad_query_strings_never_give_a_server_error(client, listings):
    for url in listings:
        for param in PARAMS:
            for value in BAD_VALUES:
                response = client.get(url, {param: value})
                assert response.status_code == 200, (url, param, value[:20])


def test_script_in_tag_filter_is_not_reflected_unescaped(client, listings):
    response = client.get(listings[1], {"tag": "<script>alert(1)</script>"})
    assert b"<script>alert(1)" not in response.content


def test_out_of_range_pages_fall_back_to_first_or_last(client, site_tree, listings):
    last = client.get(site_tree.topics.url, {"page": "999999"}).content.decode()
    assert "Page 2 of 2" in last
    first = client.get(site_tree.topics.url, {"page": "-1"}).content.decode()
    assert "Page 1 of 2" in first
    junk = client.get(site_tree.topics.url, {"page": "abc"}).content.decode()
    assert "Page 1 of 2" in junk


@pytest.mark.parametrize(
    "url", ["/no-such-page/", "/topics/no-such-topic/", "/xx/", "/topics/%00/", "/a" * 300 + "/"]
)
def test_unknown_urls_get_the_styled_404(client, site_tree, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html  # the site's own layout, not Django's


def test_server_error_page_is_friendly_and_self_contained(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong" in response.content
