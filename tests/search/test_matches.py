"""The full-text match runs once per search, and the counts over its matches are one
statement over their search documents, whatever the number of matches."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from search import documents, facets
from search.engines.sqlite import documents_of
from search.models import SearchDocument

# More ids than any driver takes as separate bind parameters (SQLite: 32,766 by default,
# 250,000 in some builds).
MANY = 300_000

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="the SQLite engine hands FTS5's matches to the documents as an id list",
)


def many_ids_and(*pages):
    unused = Page.objects.order_by("-pk").values_list("pk", flat=True).first() + 1
    return list(range(unused, unused + MANY)) + [page.pk for page in pages]


@sqlite_only
@pytest.mark.django_db
def test_facet_counts_take_more_ids_than_bind_parameters_allow(make_discussion):
    flood = make_discussion(
        "Flood notes",
        posts=[{"text": "Water everywhere.", "country": "KE"}],
        tags=["floods"],
        date=datetime.date(2016, 5, 1),
    )
    make_discussion("Unrelated", posts=[{"text": "Nothing.", "country": "NZ"}], tags=["other"])

    counts, _ids = documents.counts_and_page(documents_of(many_ids_and(flood)))
    found = facets.from_counts(counts)

    assert [(f.value, f.count) for f in found.types] == [("discussion", 1)]
    assert [(f.value, f.count) for f in found.tags] == [("floods", 1)]
    assert [(f.value, f.count) for f in found.countries] == [("KE", 1)]
    assert [(f.value, f.count) for f in found.years] == [("2016", 1)]


@sqlite_only
@pytest.mark.django_db
def test_an_id_list_selects_exactly_the_listed_documents(make_discussion):
    first, second = make_discussion("First"), make_discussion("Second")
    make_discussion("Third")

    found = documents_of(many_ids_and(first, second)).values_list("page_id", flat=True)

    assert sorted(found) == sorted([first.pk, second.pk])
    assert not documents_of([]).exists()


@pytest.mark.django_db
def test_the_full_text_match_runs_once_per_search(client, make_discussion):
    for n in range(3):
        make_discussion(f"Flood story {n}", posts=[{"text": "flood", "country": "NZ"}])
    client.get("/search/", {"q": "warm up"})  # site and locale caches

    for sort in ("relevance", "date"):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/search/", {"q": "flood", "sort": sort})
        assert response.context["outcome"].total == 3
        matching = [q["sql"] for q in captured if " MATCH " in q["sql"] or "@@" in q["sql"]]
        # PostgreSQL first asks its planner how many pages match (EXPLAIN: nothing is
        # read), to tell a search that matches most of the archive (test_broad_searches).
        planned = [sql for sql in matching if sql.startswith("EXPLAIN")]
        assert len(planned) == (connection.vendor == "postgresql")
        # the id list (best first when sorted by relevance), nothing else
        assert len(matching) - len(planned) == 1, matching


@pytest.mark.django_db
def test_facet_counts_are_one_statement_over_the_search_documents(make_discussion):
    flood = make_discussion(
        "Flood notes", posts=[{"text": "Water.", "country": "KE"}], tags=["floods"]
    )

    with CaptureQueriesContext(connection) as captured:
        counts, _ids = documents.counts_and_page(SearchDocument.objects.filter(page=flood))
        found = facets.from_counts(counts)

    assert [(f.value, f.count) for f in found.types] == [("discussion", 1)]
    assert [(f.value, f.label) for f in found.tags] == [("floods", "floods")]
    assert [(f.value, f.label) for f in found.countries] == [("KE", "Kenya")]
    statements = [q["sql"] for q in captured]
    assert len([sql for sql in statements if "search_searchdocument" in sql]) == 1
    tables = " ".join(statements)
    for table in ("topics_discussionpost", "topics_discussionpagetag", "stories_storypartner"):
        assert table not in tables
