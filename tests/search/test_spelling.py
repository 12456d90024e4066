"""Spelling correction from the index's own vocabulary (search.spelling, search.vocabulary):
misspelt words are corrected, words the index knows never are, the page says what it did,
the autocomplete tolerates a typo, and French content corrects French words."""

import pytest
from django.core.management import call_command

from search import spelling, vocabulary
from search.models import SearchTerm
from search.query import SearchParams, parse_query
from search.results import run_search

from .conftest import result_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(make_discussion):
    return {
        "burnout": make_discussion(
            "Volunteer burnout",
            posts=["Burnout among volunteers was our biggest problem.", "Rotas help."],
        ),
        "hurricane": make_discussion(
            "After the hurricane",
            posts=["The hurricane tore the roof off.", "Hurricane season starts in June."],
        ),
        "earthquake": make_discussion(
            "Earthquake drills", posts=["We bolted the shelves after the earthquake."]
        ),
        "floor": make_discussion("A new floor", posts=["The floor of the reading room."]),
        "flood": make_discussion("Flood recovery", posts=["After the flood we dried books."]),
    }


def outcome_for(text, language="en", **params):
    return run_search(SearchParams(query=parse_query(text), language=language, **params))


@pytest.mark.parametrize(
    ("typed", "corrected", "title"),
    [
        ("burnot", "burnout", "Volunteer burnout"),  # dropped letter
        ("hurricaine", "hurricane", "After the hurricane"),  # inserted letter
        ("earthqauke", "earthquake", "Earthquake drills"),  # transposed letters
        ("volunteer burnot", "volunteer burnout", "Volunteer burnout"),  # in a longer query
    ],
)
def test_a_misspelt_word_is_corrected_and_its_results_shown(
    archive, client, typed, corrected, title
):
    response = client.get("/search/", {"q": typed})

    outcome = response.context["outcome"]
    assert outcome.correction.applied
    assert outcome.correction.query.text == corrected
    assert result_titles(response)[0] == title
    body = response.content.decode()
    assert f"Showing results for <strong><em>{corrected}</em></strong>" in body
    assert f"Search instead for <em>{typed}</em>" in body
    assert "verbatim=1" in body
    assert response.context["query"] == typed  # the search box keeps what was typed


def test_search_instead_for_the_typed_words(archive, client):
    response = client.get("/search/", {"q": "burnot", "verbatim": "1"})

    outcome = response.context["outcome"]
    assert outcome.total == 0
    assert outcome.correction is None
    assert "Nothing matched" in response.content.decode()


@pytest.mark.parametrize("known", ["flood", "floor", "hurricane", "burnout", "drills"])
def test_a_word_the_index_knows_is_never_replaced(archive, known):
    outcome = outcome_for(known)

    assert outcome.correction is None
    assert outcome.total >= 1
    assert spelling.suggest(parse_query(known), "en") is None


def test_a_known_word_is_not_replaced_even_when_the_query_finds_nothing(archive):
    # "floor" and "hurricane" are each known; no page has both: the search drops the
    # commoner one rather than "correcting" floor into flood.
    outcome = outcome_for("floor hurricane")

    assert outcome.correction is None
    assert outcome.any_word


def test_a_rare_word_near_a_common_one_is_offered_not_replaced(make_discussion, client):
    for n in range(spelling.RARE_RATIO + 1):
        make_discussion(f"Library notes {n}", posts=["Our library opened late."])
    make_discussion("A typo", posts=["The libary was closed."])

    response = client.get("/search/", {"q": "libary"})

    outcome = response.context["outcome"]
    assert outcome.total == 1  # the page that has the typo is still found
    assert outcome.correction is not None and not outcome.correction.applied
    assert outcome.correction.query.text == "library"
    assert "Did you mean" in response.content.decode()


def test_only_unknown_words_are_corrected(archive):
    suggestion = spelling.suggest(parse_query("hurricaine floor"), "en")

    assert suggestion.replaced == (("hurricaine", "hurricane"),)
    assert suggestion.query.terms == ("hurricane", "floor")


def test_short_words_numbers_and_stop_words_are_left_alone(archive):
    for text in ["flo", "2016", "the", "abc123"]:
        assert spelling.suggest(parse_query(text), "en") is None


def test_nothing_near_enough_is_no_correction(archive, client):
    response = client.get("/search/", {"q": "qwertyuiop"})

    assert response.context["outcome"].correction is None
    assert "Nothing matched" in response.content.decode()


def test_corrections_prefer_frequent_words(make_discussion):
    make_discussion("Cart", posts=["The book cart."])
    for n in range(3):
        make_discussion(f"Card {n}", posts=["A library card for everyone."])

    suggestion = spelling.suggest(parse_query("carq"), "en")

    assert suggestion.query.terms == ("card",)


def test_the_vocabulary_follows_the_pages(make_discussion):
    page = make_discussion("Bookmobile routes", posts=["Twelve villages."])

    words = dict(SearchTerm.objects.filter(language="en").values_list("word", "documents"))
    assert words["bookmobile"] == 1 and words["villages"] == 1

    page.title = "Bookmobile timetable"
    page.save_revision().publish()  # indexed again: counts once, new words added
    words = dict(SearchTerm.objects.filter(language="en").values_list("word", "documents"))
    assert words["bookmobile"] == 1 and words["timetable"] == 1


def test_update_search_vocabulary_counts_again(archive, capsys):
    SearchTerm.objects.all().delete()

    call_command("update_search_vocabulary")

    words = dict(SearchTerm.objects.filter(language="en").values_list("word", "documents"))
    assert words["hurricane"] == 1
    assert words["burnout"] == 1
    assert "Search vocabulary:" in capsys.readouterr().out
    assert spelling.suggest(parse_query("hurricaine"), "en").query.terms == ("hurricane",)


def test_words_near_a_typo_come_from_a_library(archive):
    def near(word, distance):
        found = vocabulary.near(word, ("en",), distance)
        return {other: edits for _language, other, _stem, _pages, edits in found}

    assert near("floo", 1) == {"flood": 1, "floor": 1}
    assert near("flod", 1) == {"flood": 1}
    assert {"flood": 1, "floor": 2}.items() <= near("flod", 2).items()


def test_autocomplete_tolerates_a_typo(archive, client):
    response = client.get("/search/autocomplete/", {"q": "hurricaine"})

    assert [result["title"] for result in response.json()["results"]] == ["After the hurricane"]


def test_autocomplete_prefixes_still_work(archive, client):
    response = client.get("/search/autocomplete/", {"q": "earth"})

    assert [result["title"] for result in response.json()["results"]] == ["Earthquake drills"]


def test_french_content_corrects_french_words(site_tree, french_section, translate, client):
    from home.factories import GuidancePageFactory

    page = GuidancePageFactory(parent=site_tree.guidance, title="Rural libraries")
    translate(page, "fr", {"Rural libraries": "Bibliothèques rurales"})

    french = dict(SearchTerm.objects.filter(language="fr").values_list("word", "documents"))
    assert "bibliothèques" in french

    # A dropped letter ("h"), and an accent left out (which the stemmers forgive).
    suggestion = spelling.suggest(parse_query("biblioteques"), "fr")
    assert suggestion.query.terms == ("bibliothèques",)
    # An English search is corrected from the English vocabulary only.
    assert spelling.suggest(parse_query("biblioteques"), "en") is None

    response = client.get("/fr/search/", {"q": "biblioteques rurales"})
    outcome = response.context["outcome"]
    assert outcome.correction.applied
    assert result_titles(response) == ["Bibliothèques rurales"]


def test_update_index_counts_the_vocabulary_afresh(archive):
    call_command("update_index", verbosity=0)

    words = dict(SearchTerm.objects.filter(language="en").values_list("word", "documents"))
    assert words["hurricane"] == 1
    assert words["burnout"] == 1
