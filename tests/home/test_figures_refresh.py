"""The home page's figures follow what is published at once (their cache is keyed by the
content's generation, core.page_cache), and its countries agree with the country profiles."""

import pytest

from tests.factories_content import make_country, make_story

pytestmark = pytest.mark.django_db


def test_a_published_story_is_counted_at_once(site_tree, client):
    from home.stats import site_figures

    before = site_figures()
    story = make_story(site_tree.stories, 1, partners=[("A", "NZ"), ("B", "GH")])
    after = site_figures()
    assert after["stories"] == before["stories"] + 1

    story.unpublish()
    assert site_figures()["stories"] == before["stories"]


def test_countries_represented_include_every_country_profile(site_tree):
    from home.stats import site_figures

    for code in ("KE", "NZ", "BR"):
        make_country(site_tree.countries, code)
    figures = site_figures()
    assert figures["country_profiles"] == 3
    assert figures["countries"] >= figures["country_profiles"]


def test_the_home_page_says_how_many_countries_have_a_profile(site_tree, client):
    make_country(site_tree.countries, "KE")
    html = client.get("/").content.decode()
    assert "1 with a country profile" in html
