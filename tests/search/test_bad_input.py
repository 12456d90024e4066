"""No query string may produce a 500: each of these answers 200 with results or a message."""

import pytest

BAD_QUERIES = {
    "empty": {"q": ""},
    "whitespace": {"q": "   \t  "},
    "very long": {"q": "flood " * 2000},
    "open quote": {"q": '"flood recovery'},
    "parentheses": {"q": "(flood OR (drought"},
    "boolean operators": {"q": "flood AND NOT OR drought"},
    "star": {"q": "*"},
    "prefix star": {"q": "flo*"},
    "fts syntax": {"q": "title:flood NEAR(a b) ^c -d +e"},
    "sql": {"q": "'; DROP TABLE wagtailcore_page; --"},
    "nul byte": {"q": "flo\x00od"},
    "emoji": {"q": "🌊 flood 🏚️"},
    "right to left": {"q": "\u202efeed مكتبة فيضان"},
    "page abc": {"q": "flood", "page": "abc"},
    "page huge": {"q": "flood", "page": "99999999999999"},
    "page negative": {"q": "flood", "page": "-3"},
    "unknown type": {"q": "flood", "type": "spaceship"},
    "unknown tag": {"q": "flood", "tag": "no such tag!"},
    "unknown country": {"q": "flood", "country": "XX"},
    "bad year": {"q": "flood", "year": "20x6"},
    "bad topic": {"q": "flood", "topic": "1 OR 1=1"},
    "bad sort": {"q": "flood", "sort": "pk; drop"},
    "nul in filter": {"q": "flood", "tag": "a\x00b"},
    "repeated q": {"q": ["flood", "drought"]},
}


@pytest.fixture
def flood(make_discussion):
    return make_discussion("Flood recovery", posts=["After the flood we rebuilt."])


@pytest.mark.django_db
@pytest.mark.parametrize("params", BAD_QUERIES.values(), ids=BAD_QUERIES.keys())
def test_bad_input_answers_200(client, flood, params):
    response = client.get("/search/", params)

    assert response.status_code == 200
    outcome = response.context["outcome"]
    body = response.content.decode()
    # Either results, or one of the explicit messages.
    assert (
        outcome.total
        or "Nothing matched" in body
        or "Please type some words" in body
        or not response.context["query"]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("params", BAD_QUERIES.values(), ids=BAD_QUERIES.keys())
def test_bad_input_autocomplete_answers_json(client, flood, params):
    response = client.get("/search/autocomplete/", params)

    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)


@pytest.mark.django_db
def test_unknown_filters_are_ignored_with_a_message(client, flood):
    response = client.get("/search/", {"q": "flood", "type": "spaceship", "year": "abc"})

    assert response.context["outcome"].total == 1
    assert "were not recognised and have been ignored" in response.content.decode()


@pytest.mark.django_db
def test_long_query_is_clipped_and_says_so(client, flood):
    response = client.get("/search/", {"q": "flood " * 2000})

    assert response.context["outcome"].total == 1
    assert len(response.context["query"]) <= 200
    assert "only its beginning was used" in response.content.decode()


@pytest.mark.django_db
def test_symbols_only_ask_for_words(client, flood):
    response = client.get("/search/", {"q": "*** ((( )))"})

    assert "Please type some words" in response.content.decode()
    assert response.context["outcome"].total == 0


@pytest.mark.django_db
def test_page_beyond_the_end_shows_the_last_page(client, flood):
    response = client.get("/search/", {"q": "flood", "page": "40"})

    assert [hit.page.title for hit in response.context["outcome"].hits] == ["Flood recovery"]
