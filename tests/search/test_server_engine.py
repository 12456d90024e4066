"""The search-server engine (Elasticsearch, OpenSearch, Wagtail's stock database backends),
run here on Wagtail's stock database backend: no search documents, the top matches from
the backend, facets as GROUP BYs over their pages."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import engines
from search.engines import server
from search.engines.server import ServerEngine
from search.models import SearchDocument

from .conftest import result_titles


@pytest.fixture(autouse=True)
def stock_backend(settings):
    """Wagtail's stock database backend, set before any page is created and indexed."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
    }


@pytest.mark.django_db
def test_the_stock_backend_gets_the_server_engine(corpus):
    assert type(engines.get_engine()) is ServerEngine
    assert not SearchDocument.objects.exists()


@pytest.mark.django_db
def test_facets_and_filters_without_documents(client, corpus):
    facets = client.get("/search/", {"q": "flood"}).context["outcome"].facets

    assert {f.value: f.count for f in facets.types} == {"topic": 1, "discussion": 2}
    assert {f.value: f.count for f in facets.countries} == {"NZ": 1, "KE": 1}
    assert {f.value: f.count for f in facets.years} == {"2016": 2, "2018": 1}
    assert {f.value: f.count for f in facets.tags} == {"floods": 2}
    assert {f.label: f.count for f in facets.topics} == {"Libraries and disasters": 1}

    def titles(**filters):
        return result_titles(client.get("/search/", {"q": "flood", **filters}))

    assert titles(type="discussion", year="2016") == ["When the river rose"]
    assert titles(country="ke") == ["Insurance after a flood"]
    assert titles(tag="floods", type="topic") == ["Libraries and disasters"]
    assert sorted(titles(topic=str(corpus["topic"].pk))) == [
        "Libraries and disasters",
        "When the river rose",
    ]


@pytest.mark.django_db
def test_sort_by_date_and_dropped_words(client, corpus):
    by_date = client.get("/search/", {"q": "flood", "sort": "date"})
    relaxed = client.get("/search/", {"q": "makerspaces qwertyuiop"})

    assert result_titles(by_date) == [
        "Insurance after a flood",
        "When the river rose",
        "Libraries and disasters",
    ]
    assert result_titles(relaxed) == ["Makerspaces on a budget"]
    assert relaxed.context["outcome"].any_word


@pytest.mark.django_db
def test_facets_read_only_the_tables_of_matched_types(client, corpus):
    client.get("/search/", {"q": "warm up"})

    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search/", {"q": "makerspaces"})

    assert result_titles(response) == ["Makerspaces on a budget"]
    tables = " ".join(q["sql"] for q in captured)
    assert "topics_discussionpost" in tables  # the discussion's countries
    for table in ("stories_storypartner", "stories_partnerstorypage", "countries_"):
        assert table not in tables


@pytest.mark.django_db
def test_facets_count_the_top_matches_and_the_total_all_of_them(
    client, monkeypatch, make_discussion
):
    for year in (2015, 2016, 2017):
        make_discussion(f"Seed library {year}", date=datetime.date(year, 1, 1))
    monkeypatch.setattr(server, "MAX_FACET_MATCHES", 2)

    outcome = client.get("/search/", {"q": "seed"}).context["outcome"]

    assert outcome.total == 3
    assert len(outcome.hits) == 3
    assert sum(f.count for f in outcome.facets.years) == 2


@pytest.mark.django_db
def test_synonyms_and_variants_reach_the_search_server(client, make_discussion):
    from search.models import SynonymSet

    make_discussion("Weeding the collection", posts=["We weed by loans."])
    make_discussion("Digitizing theses", posts=["Scanners."])
    SynonymSet.objects.create(terms="weeding, deselection")

    assert result_titles(client.get("/search/", {"q": "deselection"})) == ["Weeding the collection"]
    assert result_titles(client.get("/search/", {"q": "digitising"})) == ["Digitizing theses"]
