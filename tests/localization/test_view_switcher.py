"""Views that are not Wagtail pages (search, members, accounts) offer every language."""

import pytest

pytestmark = pytest.mark.django_db


def test_search_page_links_to_itself_in_every_language(client, site_tree):
    html = client.get("/search/", {"q": "floods"}).content.decode()
    assert '<nav class="language-switcher"' in html
    for code in ("fr", "es", "ar"):
        assert f'href="/{code}/search/?q=floods" hreflang="{code}"' in html
    assert '<span aria-current="page" lang="en">English</span>' in html


def test_the_current_language_is_marked_on_a_translated_view(client, site_tree):
    html = client.get("/fr/accounts/login/").content.decode()
    assert '<span aria-current="page" lang="fr">français</span>' in html
    assert 'href="/accounts/login/" hreflang="en"' in html


def test_not_found_pages_switch_to_each_languages_home(client, site_tree):
    html = client.get("/ar/no-such-page/").content.decode()
    assert '<span aria-current="page" lang="ar">' in html
    for code, home in (("en", "/"), ("fr", "/fr/"), ("es", "/es/")):
        assert f'href="{home}" hreflang="{code}"' in html
    # The page's own way out keeps the visitor's language too.
    assert '<a href="/ar/">' in html and '<a href="/ar/search/">' in html
