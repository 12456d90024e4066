"""Country profiles and their index: facts, related stories and discussions, regions with
counts, the empty index."""

import pytest

from tests.factories_content import make_country, make_discussion, make_story

pytestmark = pytest.mark.django_db


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


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


def test_empty_country_index_says_so(client, site_tree):
    html = get_ok(client, site_tree.countries.url)
    assert "No country profiles have been published yet." in html
