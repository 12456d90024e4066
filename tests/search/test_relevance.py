"""Relevance: each of 20 queries finds its expected discussion in the top 3 of 220."""

import pytest

from search.query import SearchParams, parse_query
from search.results import run_search
from topics.importer import DiscussionImporter, ImportReport

from .relevance_corpus import QUERIES, build_corpus


def ranks(language="en"):
    """{query: 1-based rank of the expected discussion in the first 10 results, or None}."""
    found = {}
    for text, expected in QUERIES:
        outcome = run_search(SearchParams(query=parse_query(text), language=language))
        archive_ids = [hit.page.archive_id for hit in outcome.hits]
        found[text] = archive_ids.index(expected) + 1 if expected in archive_ids else None
    return found


@pytest.mark.django_db
def test_expected_results_are_in_the_top_three(site_tree, capsys):
    records = build_corpus()
    report = ImportReport()
    DiscussionImporter(archive=site_tree.discussions).run(records_from(records), report)
    assert report.created == len(records) >= 220

    found = ranks()
    mrr = sum(1 / rank for rank in found.values() if rank) / len(found)
    with capsys.disabled():
        print(f"\nSearch relevance: mean reciprocal rank {mrr:.3f} over {len(found)} queries")
        for text, rank in found.items():
            if rank != 1:
                print(f"  rank {rank}: {text}")

    misses = {text: rank for text, rank in found.items() if not rank or rank > 3}
    assert misses == {}
    assert mrr >= 0.8


def records_from(records):
    import json

    from topics.importer import parse_line

    for number, record in enumerate(records, start=1):
        yield parse_line(number, json.dumps(record))
