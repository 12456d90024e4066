"""No query string may produce a 500, and each bad one has a definite outcome: what is
searched, how many results, which parameters are ignored and which messages say so."""

from dataclasses import dataclass

import pytest
from wagtail.models import Page

from search.query import Filters

ASK_FOR_WORDS = "Please type some words"
NOTHING = "Nothing matched"
IGNORED = "were not recognised and have been ignored"
CLIPPED = "only its beginning was used"
ANY_WORD = "no page contains all your words"
MESSAGES = (ASK_FOR_WORDS, NOTHING, IGNORED, CLIPPED, ANY_WORD)


@dataclass(frozen=True)
class Bad:
    params: dict
    searched: str  # the query shown back
    total: int = 0
    messages: tuple = ()
    ignored: tuple = ()
    suggests: bool = False  # the autocomplete suggests "Flood recovery"


FLOOD = {"searched": "flood", "total": 1, "suggests": True}


def ignoring(name):
    return {**FLOOD, "ignored": (name,), "messages": (IGNORED,)}


BAD_QUERIES = {
    "empty": Bad({"q": ""}, ""),
    "whitespace": Bad({"q": "   \t  "}, ""),
    "very long": Bad({"q": "flood " * 2000}, ("flood " * 33).strip(), 1, (CLIPPED,), suggests=True),
    "open quote": Bad({"q": '"flood recovery'}, '"flood recovery', 1, suggests=True),
    "parentheses": Bad({"q": "(flood OR (drought"}, "(flood OR (drought", 1, (ANY_WORD,)),
    "boolean operators": Bad(
        {"q": "flood AND NOT OR drought"}, "flood AND NOT OR drought", 1, (ANY_WORD,)
    ),
    "star": Bad({"q": "*"}, "*", 0, (ASK_FOR_WORDS,)),
    "prefix star": Bad({"q": "flo*"}, "flo*", 0, (NOTHING,), suggests=True),
    "fts syntax": Bad(
        {"q": "title:flood NEAR(a b) ^c -d +e"},
        "title:flood NEAR(a b) ^c -d +e",
        1,
        (ANY_WORD,),
    ),
    "sql": Bad(
        {"q": "'; DROP TABLE wagtailcore_page; --"},
        "'; DROP TABLE wagtailcore_page; --",
        0,
        (NOTHING,),
    ),
    "nul byte": Bad({"q": "flo\x00od"}, "flo od", 0, (NOTHING,)),
    "emoji": Bad({"q": "🌊 flood 🏚️"}, "🌊 flood 🏚️", 1, suggests=True),
    "right to left": Bad({"q": "\u202efeed مكتبة فيضان"}, "feed مكتبة فيضان", 0, (NOTHING,)),
    "page abc": Bad({"q": "flood", "page": "abc"}, **FLOOD),
    "page huge": Bad({"q": "flood", "page": "99999999999999"}, **FLOOD),
    "page negative": Bad({"q": "flood", "page": "-3"}, **FLOOD),
    "unknown type": Bad({"q": "flood", "type": "spaceship"}, **ignoring("type")),
    "unknown tag": Bad({"q": "flood", "tag": "no such tag!"}, **ignoring("tag")),
    "unknown country": Bad({"q": "flood", "country": "XX"}, **ignoring("country")),
    "bad year": Bad({"q": "flood", "year": "20x6"}, **ignoring("year")),
    "bad topic": Bad({"q": "flood", "topic": "1 OR 1=1"}, **ignoring("topic")),
    "bad sort": Bad({"q": "flood", "sort": "pk; drop"}, **ignoring("sort")),
    "nul in filter": Bad({"q": "flood", "tag": "a\x00b"}, **ignoring("tag")),
    "repeated q": Bad({"q": ["flood", "drought"]}, "drought", 0, (NOTHING,)),
    "bad verbatim": Bad({"q": "flood", "verbatim": "yes\x00please"}, **FLOOD),
    "bad search id": Bad({"q": "flood", "s": "'; DROP TABLE search_searchevent; --"}, **FLOOD),
    "misspelt": Bad({"q": "floood"}, "floood", 1, suggests=True),
    "misspelt, verbatim": Bad(
        {"q": "floood", "verbatim": "1"}, "floood", 0, (NOTHING,), suggests=True
    ),
    "long misspelt word": Bad({"q": "x" * 60 + "flood"}, "x" * 60 + "flood", 0, (NOTHING,)),
}


@pytest.fixture
def flood(make_discussion):
    return make_discussion("Flood recovery", posts=["After the flood we rebuilt."])


@pytest.mark.django_db
@pytest.mark.parametrize("bad", BAD_QUERIES.values(), ids=BAD_QUERIES.keys())
def test_bad_input_has_a_definite_outcome(client, flood, bad):
    pages = Page.objects.count()

    response = client.get("/search/", bad.params)

    assert response.status_code == 200
    outcome, params = response.context["outcome"], response.context["params"]
    body = response.content.decode()
    assert response.context["query"] == bad.searched
    assert outcome.total == bad.total
    assert [hit.page.pk for hit in outcome.hits] == [flood.pk] * bad.total
    messages = tuple(message for message in MESSAGES if message in body)
    assert messages == tuple(
        m for m in MESSAGES if m in bad.messages + (IGNORED,) * bool(bad.ignored)
    )
    assert params.ignored == bad.ignored
    assert (params.page, params.sort, params.filters) == (1, "relevance", Filters())
    assert Page.objects.count() == pages


@pytest.mark.django_db
@pytest.mark.parametrize("bad", BAD_QUERIES.values(), ids=BAD_QUERIES.keys())
def test_bad_input_autocomplete_answers_json(client, flood, bad):
    response = client.get("/search/autocomplete/", bad.params)

    assert response.status_code == 200
    expected = [{"title": "Flood recovery", "url": flood.url}] if bad.suggests else []
    assert response.json()["results"] == expected


@pytest.mark.django_db
def test_unknown_values_are_dropped_known_ones_kept(client, flood, make_topic):
    make_topic("Flood planning")

    response = client.get(
        "/search/", {"q": "flood", "type": ["discussion", "spaceship", ""], "year": "abc"}
    )

    params = response.context["params"]
    assert params.filters.types == ("discussion",)
    assert params.ignored == ("type", "year")
    assert [hit.page.title for hit in response.context["outcome"].hits] == ["Flood recovery"]
    assert IGNORED in response.content.decode()


@pytest.mark.django_db
def test_empty_parameters_are_not_reported(client, flood):
    response = client.get("/search/", {"q": "flood", "type": "", "tag": "", "sort": "", "page": ""})

    assert response.context["params"].ignored == ()
    assert IGNORED not in response.content.decode()
    assert response.context["outcome"].total == 1


@pytest.mark.django_db
def test_symbols_only_ask_for_words(client, flood):
    response = client.get("/search/", {"q": "*** ((( )))"})

    assert ASK_FOR_WORDS in response.content.decode()
    assert response.context["outcome"].total == 0


@pytest.mark.django_db
def test_page_beyond_the_end_shows_the_last_page(client, flood):
    response = client.get("/search/", {"q": "flood", "page": "40"})

    assert [hit.page.title for hit in response.context["outcome"].hits] == ["Flood recovery"]
    assert response.context["results"].number == 1
