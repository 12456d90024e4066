"""Relevance: each query finds its expected discussion in the top 3 of 220: 20 well-spelt
queries, and 26 misspelt or variant-spelt ones (issue #15). The corpus is imported once
for the module."""

import json

import pytest

from search.query import SearchParams, parse_query
from search.results import run_search
from tests.factories_content import make_home, make_site_tree
from topics.importer import DiscussionImporter, ImportReport, parse_line

from .relevance_corpus import MISSPELT_QUERIES, QUERIES, build_corpus


def records_from(records):
    for number, record in enumerate(records, start=1):
        yield parse_line(number, json.dumps(record))


@pytest.fixture(scope="module")
def relevance_corpus(module_data):
    def build():
        site_tree = make_site_tree(make_home())
        records = build_corpus()
        report = ImportReport()
        DiscussionImporter(archive=site_tree.discussions).run(records_from(records), report)
        return len(records), report.created

    return module_data(build)


def search(text, language="en"):
    return run_search(SearchParams(query=parse_query(text), language=language))


def rank(outcome, expected):
    """1-based rank of the expected discussion in the first 10 results, or None."""
    archive_ids = [hit.page.archive_id for hit in outcome.hits]
    return archive_ids.index(expected) + 1 if expected in archive_ids else None


def report(found, label, capsys):
    mrr = sum(1 / rank for rank in found.values() if rank) / len(found)
    with capsys.disabled():
        print(f"\nSearch relevance ({label}): mean reciprocal rank {mrr:.3f} over {len(found)}")
        for text, position in found.items():
            if position != 1:
                print(f"  rank {position}: {text}")
    return mrr


@pytest.mark.django_db
def test_expected_results_are_in_the_top_three(relevance_corpus, capsys):
    total, created = relevance_corpus
    assert created == total >= 220

    found = {text: rank(search(text), expected) for text, expected in QUERIES}

    mrr = report(found, "well spelt", capsys)
    assert {text: r for text, r in found.items() if not r or r > 3} == {}
    assert mrr >= 0.8


@pytest.mark.django_db
def test_misspelt_and_variant_queries_find_the_expected_result(relevance_corpus, capsys):
    assert len(MISSPELT_QUERIES) >= 20
    found, behaviour = {}, {}
    for text, expected, _how in MISSPELT_QUERIES:
        outcome = search(text)
        found[text] = rank(outcome, expected)
        correction = outcome.correction
        behaviour[text] = "corrected" if correction and correction.applied else "as typed"

    mrr = report(found, "misspelt and variant spellings", capsys)
    assert {text: r for text, r in found.items() if not r or r > 3} == {}
    assert behaviour == {text: how for text, _expected, how in MISSPELT_QUERIES}
    assert mrr >= 0.8
