"""The search page (issue #12): one search box; the header's is left out there."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_search_page_has_one_search_box_and_one_search_landmark(client, site_tree):
    html = client.get("/search/", {"q": "flood"}).content.decode()
    assert html.count('role="search"') == 1
    assert html.count('type="search"') == 1
    assert 'id="site-search-q"' not in html


def test_other_pages_keep_the_headers_search_box(client, site_tree):
    html = client.get("/").content.decode()
    assert 'id="site-search-q"' in html
