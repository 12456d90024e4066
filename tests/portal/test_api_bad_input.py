"""The read-only API answers every query string with results or a 400, never a 500 (issue
#13, finding 5), and searches with the search page's cleaned query."""

import pytest

from topics.factories import DiscussionPageFactory

pytestmark = pytest.mark.django_db

BEYOND_BIGINT = str(2**63)
BEYOND_INT = str(2**31)

# Each answers 400 or 200 with results: never a 500.
HOSTILE = {
    "other site": {"site": "evil.example.com"},
    "other site with port": {"site": "evil.example.com:8080"},
    "site with a bad port": {"site": "localhost:abc"},
    "site with a huge port": {"site": "localhost:" + BEYOND_BIGINT},
    "search quote": {"search": '"'},
    "search nul": {"search": "\x00"},
    "search space": {"search": " "},
    "search empty": {"search": ""},
    "search syntax": {"search": 'flood AND (drought OR "x'},
    "search star": {"search": "*"},
    "search long": {"search": "flood " * 2000},
    "search operator": {"search": "flood", "search_operator": "xor"},
    "search and order": {"search": "flood", "order": "title"},
    "offset beyond int": {"offset": BEYOND_INT},
    "offset beyond bigint": {"offset": BEYOND_BIGINT},
    "offset huge": {"offset": "9" * 40},
    "offset negative": {"offset": "-1"},
    "offset text": {"offset": "abc"},
    "limit huge": {"limit": BEYOND_BIGINT},
    "child_of huge": {"child_of": BEYOND_BIGINT},
    "child_of text": {"child_of": "abc"},
    "descendant_of huge": {"descendant_of": BEYOND_BIGINT},
    "ancestor_of huge": {"ancestor_of": BEYOND_BIGINT},
    "translation_of huge": {"translation_of": BEYOND_BIGINT},
    "id huge": {"id": BEYOND_BIGINT},
    "id text": {"id": "abc"},
    "type unknown": {"type": "nope.Nope"},
    "locale nul": {"locale": "e\x00n"},
    "order unknown": {"order": "nope"},
    "fields unknown": {"fields": "nope"},
    "fields star": {"fields": "*"},
}


@pytest.mark.parametrize("params", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_listing_parameters_answer_400_or_results(client, site_tree, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code in (200, 400), response.content[:300]
    body = response.json()
    assert "items" in body if response.status_code == 200 else "message" in body


FIND = {
    "id text": {"id": "abc"},
    "id huge": {"id": BEYOND_BIGINT},
    "id negative": {"id": "-3"},
    "id nul": {"id": "\x00"},
    "html_path odd": {"html_path": "/\x00/../"},
}


@pytest.mark.parametrize("params", FIND.values(), ids=FIND.keys())
def test_hostile_find_parameters_answer_400_or_404(client, site_tree, params):
    response = client.get("/api/v2/pages/find/", params)
    assert response.status_code in (400, 404)


@pytest.mark.parametrize("pk", ["abc", BEYOND_BIGINT])
def test_hostile_detail_ids_answer_404(client, site_tree, pk):
    assert client.get(f"/api/v2/pages/{pk}/").status_code == 404


def test_an_unknown_site_is_a_400(client, site_tree):
    response = client.get("/api/v2/pages/", {"site": "evil.example.com"})
    assert response.status_code == 400
    assert client.get("/api/v2/pages/", {"site": "localhost"}).status_code == 200


def test_offset_beyond_a_database_integer_is_a_400(client, site_tree):
    response = client.get("/api/v2/pages/", {"offset": BEYOND_BIGINT})
    assert response.status_code == 400
    assert client.get("/api/v2/pages/", {"offset": "1000"}).json()["items"] == []


def test_find_by_a_non_numeric_id_is_a_400(client, site_tree):
    assert client.get("/api/v2/pages/find/", {"id": "abc"}).status_code == 400
    found = client.get("/api/v2/pages/find/", {"id": site_tree.home.pk})
    assert found.status_code == 302


@pytest.mark.parametrize("query", ['"', "\x00", " ", "", "*", "AND OR"])
def test_a_search_with_nothing_to_search_finds_nothing(client, site_tree, query):
    DiscussionPageFactory(parent=site_tree.discussions, title="Seed library")
    response = client.get("/api/v2/pages/", {"search": query})
    assert response.status_code == 200
    assert response.json()["items"] == []


def test_the_api_searches_the_cleaned_query_of_the_search_page(client, site_tree):
    """Quotes left open, operators, control characters and stop words are cleaned the way
    search.query.parse_query cleans the search page's query."""
    seed = DiscussionPageFactory(parent=site_tree.discussions, title="Seed library live")
    DiscussionPageFactory(parent=site_tree.discussions, title="Seed bank")
    for query in ['"seed library', "seed AND library", "seed\x00 library", "the seed library"]:
        response = client.get("/api/v2/pages/", {"search": query})
        assert response.status_code == 200, query
        assert [item["id"] for item in response.json()["items"]] == [seed.pk], query
    # A quoted phrase is a phrase.
    response = client.get("/api/v2/pages/", {"search": '"library seed"'})
    assert response.json()["items"] == []
