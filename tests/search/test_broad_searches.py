"""PostgreSQL: a search that matches most of the archive ("library" in three quarters of
100,000 discussions) is answered from its newest matches (DocumentsEngine.run_broad):
the total is PostgreSQL's estimate ("About N results"), the facets count the top matches,
which are ranked; the rest follow newest first, every match still reachable. The limits
are lowered here so that a dozen pages are "most of the archive"."""

import datetime

import pytest
from django.db import connection

from search import documents
from search.engines import postgres

from .conftest import result_titles

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL engine"),
]


@pytest.fixture
def libraries(make_discussion, monkeypatch):
    monkeypatch.setattr(postgres, "BROAD_MATCHES", 3)
    monkeypatch.setattr(postgres, "TOP_MATCHES", 5)
    monkeypatch.setattr(documents, "estimated_count", lambda matched: matched.count())
    pages = []
    for n in range(12):
        pages.append(
            make_discussion(
                f"Notes {n:02d}",
                posts=[{"text": "Our library " + "library " * (n % 3), "country": "KE"}],
                date=datetime.date(2010 + n, 1, 1),
            )
        )
    make_discussion("Unrelated", posts=["Nothing here."], date=datetime.date(2030, 1, 1))
    return pages


def test_broad_search_counts_the_top_matches_and_estimates_the_total(client, libraries):
    response = client.get("/search/", {"q": "library"})

    outcome = response.context["outcome"]
    assert outcome.approximate
    assert outcome.total == 12
    assert {f.value: f.count for f in outcome.facets.countries} == {"KE": 5}
    newest_five = {f"Notes {n:02d}" for n in range(7, 12)}
    assert set(result_titles(response)[:5]) == newest_five  # the top matches, ranked
    assert result_titles(response)[5:] == [f"Notes {n:02d}" for n in (6, 5, 4, 3, 2)]
    body = response.content.decode()
    assert "About 12 results" in body
    assert outcome.rounded_total == 12
    assert "1,000 most recent results" in body


def test_every_broad_match_is_reachable_once(client, libraries):
    seen = []
    for page in (1, 2):
        seen += result_titles(client.get("/search/", {"q": "library", "page": page}))

    assert sorted(seen) == sorted(page.title for page in libraries)


def test_broad_search_sorted_by_date(client, libraries):
    response = client.get("/search/", {"q": "library", "sort": "date"})

    assert result_titles(response) == [f"Notes {n:02d}" for n in range(11, 1, -1)]


def test_a_page_past_the_end_of_a_broad_search_shows_the_last(client, libraries):
    response = client.get("/search/", {"q": "library", "page": "40"})

    assert response.context["results"].number == 2
    assert result_titles(response) == ["Notes 01", "Notes 00"]


def test_narrow_searches_are_exact(client, libraries):
    response = client.get("/search/", {"q": "nothing"})

    assert not response.context["outcome"].approximate
    assert result_titles(response) == ["Unrelated"]
