"""What every page shares through core: the sitemap, robots.txt, SEO and Open Graph tags,
the navigation and accessibility landmarks. (The RSS feeds are tested with their apps.)"""

import xml.etree.ElementTree as ET

import pytest

from tests.factories_content import (
    make_country,
    make_discussion,
    make_guidance,
    make_story,
    make_topic,
)

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_every_page_type(client, site_tree):
    pages = [
        make_topic(site_tree.topics),
        make_discussion(site_tree.discussions),
        make_country(site_tree.countries, "GH"),
        make_story(site_tree.stories),
        make_guidance(site_tree.guidance),
    ]
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {
        loc.text for loc in ET.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP_NS)
    }
    for page in [site_tree.home, *vars(site_tree).values(), *pages]:
        assert page.full_url in locations, page.title


def test_unpublished_pages_stay_out_of_the_sitemap(client, site_tree):
    topic = make_topic(site_tree.topics)
    topic.unpublish()
    assert topic.full_url.encode() not in client.get("/sitemap.xml").content


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body and "Disallow: /members/" in body


def test_seo_and_open_graph_tags(client, site_tree):
    topic = make_topic(site_tree.topics)
    topic.seo_title = "Makerspaces: the topic"
    topic.search_description = "Build a makerspace with what you have."
    topic.save()
    html = client.get(topic.url).content.decode()
    assert "<title>Makerspaces: the topic | ILN Portal</title>" in html
    assert '<meta name="description" content="Build a makerspace with what you have.">' in html
    assert '<meta property="og:title" content="Makerspaces: the topic">' in html
    assert f'<link rel="canonical" href="{topic.full_url}">' in html


def test_navigation_lists_sections_and_marks_the_current_one(client, site_tree):
    topic = make_topic(site_tree.topics)
    html = client.get(topic.url).content.decode()
    for section in ("topics", "discussions", "countries", "stories", "guidance"):
        assert f'href="{getattr(site_tree, section).url}"' in html
    assert f'<a href="{site_tree.topics.url}" aria-current="page">' in html


def test_pages_have_landmarks_and_a_skip_link(client, site_tree):
    html = client.get(site_tree.topics.url).content.decode()
    assert '<a class="skip-link" href="#main">' in html
    for landmark in ("<header", '<main id="main"', "<footer", 'aria-label="Main"'):
        assert landmark in html
    assert '<label for="site-search-q"' in html
