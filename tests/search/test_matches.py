"""The matches of a search are fetched once and handed to the facet, count and date-sort
queries as one bind parameter, whatever their number."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from search import engine

# More ids than any driver takes as separate bind parameters (PostgreSQL: 65,535;
# SQLite: 32,766 by default, 250,000 in some builds).
MANY = 300_000


def many_ids_and(*pages):
    unused = Page.objects.order_by("-pk").values_list("pk", flat=True).first() + 1
    return list(range(unused, unused + MANY)) + [page.pk for page in pages]


@pytest.mark.django_db
def test_facet_counts_take_more_ids_than_bind_parameters_allow(make_discussion):
    flood = make_discussion(
        "Flood notes",
        posts=[{"text": "Water everywhere.", "country": "KE"}],
        tags=["floods"],
        date=datetime.date(2016, 5, 1),
    )
    make_discussion("Unrelated", posts=[{"text": "Nothing.", "country": "NZ"}], tags=["other"])

    facets = engine.facet_counts(engine.Matches(many_ids_and(flood), complete=True))

    assert [(f.value, f.count) for f in facets.types] == [("discussion", 1)]
    assert [(f.value, f.count) for f in facets.tags] == [("floods", 1)]
    assert [(f.value, f.count) for f in facets.countries] == [("KE", 1)]
    assert [(f.value, f.count) for f in facets.years] == [("2016", 1)]


@pytest.mark.django_db
def test_condition_selects_exactly_the_listed_pages(make_discussion):
    first, second = make_discussion("First"), make_discussion("Second")
    make_discussion("Third")
    matches = engine.Matches(many_ids_and(first, second), complete=True)

    found = Page.objects.filter(matches.condition("id")).values_list("pk", flat=True)

    assert sorted(found) == sorted([first.pk, second.pk])
    assert not Page.objects.filter(engine.Matches([], complete=True).condition("id")).exists()


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
        # the id list (best first when sorted by relevance), nothing else
        assert len(matching) == 1, matching


@pytest.mark.django_db
def test_facet_counts_are_one_statement_over_the_search_documents(make_discussion):
    flood = make_discussion(
        "Flood notes", posts=[{"text": "Water.", "country": "KE"}], tags=["floods"]
    )

    with CaptureQueriesContext(connection) as captured:
        facets = engine.facet_counts(engine.Matches([flood.pk], complete=True))

    assert [(f.value, f.count) for f in facets.types] == [("discussion", 1)]
    assert [(f.value, f.label) for f in facets.tags] == [("floods", "floods")]
    statements = [q["sql"] for q in captured]
    assert len([sql for sql in statements if "search_searchdocument" in sql]) == 1
    tables = " ".join(statements)
    for table in ("topics_discussionpost", "topics_discussionpagetag", "members_storypartner"):
        assert table not in tables
