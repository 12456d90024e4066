"""Spelling variants (British and American) and editors' synonym sets: applied at query
time by every engine, both ways; synonyms can be removed; editors keep them in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from search.expansion import expand
from search.models import SynonymSet
from search.query import parse_query
from search.synonyms import parse_terms
from search.variants import variants

from .conftest import result_titles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("digitising", "digitizing"),
        ("digitised", "digitized"),
        ("organisation", "organization"),
        ("organisations", "organizations"),
        ("catalogue", "catalog"),
        ("cataloguing", "cataloging"),
        ("licence", "license"),
        ("licences", "licenses"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("colour", "color"),
        ("centre", "center"),
        ("travelled", "traveled"),
        ("analyse", "analyze"),
    ],
)
def test_variants_go_both_ways(british, american):
    assert american in variants(british)
    assert british in variants(american)


@pytest.mark.parametrize("word", ["promise", "exercise", "flood", "rise", "size", "library"])
def test_words_without_a_variant(word):
    assert variants(word) == ()


def test_variants_are_english_only():
    assert variants("organisation", "fr") == ()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("digitizing", "Digitising the newspapers"),
        ("digitising", "Digitizing theses"),
        ("catalog", "Our catalogue"),
        ("catalogue", "Catalog migration"),
        ("licenses", "E-book licences"),
        ("program", "Reading programme"),
        ("organizations", "Partner organisations"),
    ],
)
def test_a_search_finds_the_other_spelling(make_discussion, client, query, title):
    for each in [
        "Digitising the newspapers",
        "Digitizing theses",
        "Our catalogue",
        "Catalog migration",
        "E-book licences",
        "Reading programme",
        "Partner organisations",
    ]:
        make_discussion(each)

    response = client.get("/search/", {"q": query})

    assert title in result_titles(response)
    assert response.context["outcome"].correction is None


def test_snippets_mark_the_other_spelling(make_discussion, client):
    make_discussion("Notes", posts=["We started digitizing the newspapers."])

    response = client.get("/search/", {"q": "digitising"})

    assert "<mark>digitizing</mark>" in response.content.decode()


# Synonym sets --------------------------------------------------------------------------


def test_terms_are_read_like_a_query():
    assert parse_terms("Weeding = deselection") == (("weeding",), ("deselection",))
    assert parse_terms("makerspace, maker space\nFab Lab; fab lab") == (
        ("makerspace",),
        ("maker", "space"),
        ("fab", "lab"),
    )
    assert parse_terms("e-book, ebook") == (("e", "book"), ("ebook",))


def test_expansion_turns_a_multi_word_synonym_into_a_phrase():
    SynonymSet.objects.create(terms="makerspace, maker space, fab lab")

    expanded = expand(parse_query("maker space funding"), "en")

    assert expanded.terms == ("funding",)
    assert expanded.phrases == (("maker", "space"),)
    assert expanded.alternatives_of(("maker", "space")) == (("makerspace",), ("fab", "lab"))


@pytest.fixture
def collection(make_discussion):
    return {
        "weeding": make_discussion("Weeding the collection", posts=["We weed by loans."]),
        "deselection": make_discussion("Deselection policy", posts=["A written policy."]),
        "ebook": make_discussion("Ebook lending", posts=["Lending rose."]),
        "e-book": make_discussion("E-book platforms", posts=["Two platforms."]),
        "makerspace": make_discussion("Our makerspace", posts=["Printers."]),
        "maker space": make_discussion("A maker space for teens", posts=["Robots."]),
        "fab lab": make_discussion("The fab lab", posts=["Laser cutters."]),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("deselection", {"Weeding the collection", "Deselection policy"}),
        ("weeding", {"Weeding the collection", "Deselection policy"}),
        ("weed", {"Weeding the collection", "Deselection policy"}),  # by stem
        ("ebook", {"Ebook lending", "E-book platforms"}),
        ("e-book", {"Ebook lending", "E-book platforms"}),
        ("fab lab", {"Our makerspace", "A maker space for teens", "The fab lab"}),
        ("makerspace", {"Our makerspace", "A maker space for teens", "The fab lab"}),
        ('"maker space"', {"Our makerspace", "A maker space for teens", "The fab lab"}),
    ],
)
def test_synonyms_apply_in_both_directions(collection, client, query, expected):
    SynonymSet.objects.create(terms="weeding = deselection")
    SynonymSet.objects.create(terms="e-book, ebook")
    SynonymSet.objects.create(terms="makerspace\nmaker space\nfab lab")

    response = client.get("/search/", {"q": query})

    assert set(result_titles(response)) == expected


def test_synonyms_can_be_removed(collection, client):
    synonyms = SynonymSet.objects.create(terms="weeding, deselection")
    assert len(result_titles(client.get("/search/", {"q": "deselection"}))) == 2

    synonyms.delete()

    assert result_titles(client.get("/search/", {"q": "deselection"})) == ["Deselection policy"]


def test_an_edited_set_applies_from_the_next_search(collection, client):
    synonyms = SynonymSet.objects.create(terms="weeding, culling")
    assert result_titles(client.get("/search/", {"q": "deselection"})) == ["Deselection policy"]

    synonyms.terms = "weeding, deselection"
    synonyms.save()

    assert len(result_titles(client.get("/search/", {"q": "deselection"}))) == 2


def test_a_set_for_one_language_only(collection, client):
    SynonymSet.objects.create(terms="weeding, deselection", language="fr")

    assert result_titles(client.get("/search/", {"q": "deselection"})) == ["Deselection policy"]
    assert expand(parse_query("deselection"), "fr").alternatives_of(("deselection",)) == (
        ("weeding",),
    )


# Admin -------------------------------------------------------------------------------------


def test_editors_and_moderators_may_keep_synonyms_and_promotions():
    for name in ("Editors", "Moderators"):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {
            "add_synonymset",
            "change_synonymset",
            "delete_synonymset",
            "add_searchpromotion",
        } <= codenames


def test_an_editor_adds_a_synonym_set_in_the_admin(editor, client, collection):
    client.force_login(editor)
    add_url = reverse(SynonymSet.snippet_viewset.get_url_name("add"))

    form = client.get(add_url, {"terms": "deselection"})
    assert form.status_code == 200
    assert "deselection, " in form.content.decode()  # prefilled from the report's link

    response = client.post(add_url, {"terms": "deselection, weeding", "language": ""})

    assert response.status_code == 302
    assert SynonymSet.objects.get().parsed_terms() == (("deselection",), ("weeding",))
    listing = client.get(reverse(SynonymSet.snippet_viewset.get_url_name("list")))
    assert listing.status_code == 200
    assert "deselection, weeding" in listing.content.decode()
    assert len(result_titles(client.get("/search/", {"q": "deselection"}))) == 2


def test_a_set_needs_two_terms(editor, client):
    client.force_login(editor)
    add_url = reverse(SynonymSet.snippet_viewset.get_url_name("add"))

    response = client.post(add_url, {"terms": "weeding, Weeding", "language": ""})

    assert response.status_code == 200
    assert "at least two different" in response.content.decode()
    assert not SynonymSet.objects.exists()


def test_alternatives_become_or_in_the_wagtail_query():
    from wagtail.search.query import And, Or, PlainText

    SynonymSet.objects.create(terms="makerspace, fab lab")

    query = expand(parse_query("makerspace digitising budget"), "en").search_query()

    assert isinstance(query, And)
    plain, *alternatives = query.subqueries
    assert isinstance(plain, PlainText) and plain.query_string == "budget"
    shapes = [
        [(type(part).__name__, part.query_string) for part in alternative.subqueries]
        for alternative in alternatives
    ]
    assert all(isinstance(alternative, Or) for alternative in alternatives)
    assert shapes == [
        [("PlainText", "makerspace"), ("Phrase", "fab lab")],
        [("PlainText", "digitising"), ("PlainText", "digitizing")],
    ]


def test_a_word_with_synonyms_or_variants_is_not_corrected(collection, client):
    SynonymSet.objects.create(terms="ebook, e-book")

    for query in ("ebook", "cataloging"):
        response = client.get("/search/", {"q": query})
        assert response.context["outcome"].correction is None
    assert set(result_titles(client.get("/search/", {"q": "ebook"}))) == {
        "Ebook lending",
        "E-book platforms",
    }


def test_a_synonym_is_not_corrected_into_a_commoner_word(make_discussion, client):
    make_discussion("E-book platforms", posts=["Two platforms."])
    for n in range(12):
        make_discussion(f"Book club {n}", posts=["A book a month."])
    SynonymSet.objects.create(terms="ebook, e-book")

    response = client.get("/search/", {"q": "ebook"})

    assert response.context["outcome"].correction is None
    assert result_titles(response) == ["E-book platforms"]
