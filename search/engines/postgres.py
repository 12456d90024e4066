"""PostgreSQL: a search is one statement over the search documents (search.documents),
which hold each page's text vector in its language: the match, the ranking, the count,
every facet and the page of result ids (two statements when the asked page is past the
end; more, to count single words, when no page has every word). Before it, PostgreSQL's
estimate of the matches (an EXPLAIN): a search that matches most of the archive is
answered from its newest matches (`run_broad`), as reading every document to count and
rank them all would take hundreds of milliseconds at 100,000 documents.

The autocomplete reads the documents' titles (a GIN index on their words)."""

import datetime
from dataclasses import replace

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import BooleanField, F
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.postgres.weights import get_sql_weights
from wagtail.models import Page

from .. import documents, facets, scope
from ..models import SearchDocument
from ..query import Filters
from . import PER_PAGE, Engine, Found, offset, page_number

# A search estimated to match at least this many documents is answered from its newest
# TOP_MATCHES (DocumentsEngine.run_broad).
BROAD_MATCHES = 20_000
TOP_MATCHES = 1_000
AUTOCOMPLETE_CANDIDATES = 200
MIN_DATE = datetime.date.min

# Matches the GIN index of search migration 0003 (the title's words, unstemmed).
TITLE_PREFIXES = (
    f"to_tsvector('simple'::regconfig, {SearchDocument._meta.db_table}.title) "
    "@@ to_tsquery('simple'::regconfig, %s)"
)


def _words_query(words, config):
    search_type = "phrase" if len(words) > 1 else "plain"
    return SearchQuery(" ".join(words), search_type=search_type, config=config)


def text_query(query, configs):
    """A tsquery for a ParsedQuery in each of `configs` (OR-ed): every term and phrase, a
    term or phrase with alternatives (search.expansion) matching any of them."""
    combined = None
    for config in configs:
        parts = []
        plain = []
        for words, alternatives in query.clauses():
            if not alternatives and len(words) == 1:
                plain.append(words[0])
                continue
            part = _words_query(words, config)
            for alternative in alternatives:
                part |= _words_query(alternative, config)
            parts.append(part)
        if plain:
            parts.append(SearchQuery(" ".join(plain), search_type="plain", config=config))
        in_config = parts[0]
        for part in parts[1:]:
            in_config &= part
        combined = in_config if combined is None else combined | in_config
    return combined


class DocumentsEngine(Engine):
    def scope(self, params):
        """(documents in scope, text search configurations): the visitor's language's and
        the fallback (English, in which English-only content is indexed)."""
        language = self.backend.config_for_language(params.language)
        configs = list(dict.fromkeys([language, self.backend.fallback_config]))
        return scope.documents(params.language, params.filters), configs

    def count(self, scope, query):
        """Pages with every word: counted, or PostgreSQL's estimate when it is over
        BROAD_MATCHES (relax only compares words' frequencies)."""
        in_scope, configs = scope
        matched = in_scope.filter(vector=text_query(query, configs))
        estimate = documents.estimated_count(matched)
        return estimate if estimate >= BROAD_MATCHES else matched.count()

    def run(self, scope, params, query):
        in_scope, configs = scope
        tsquery = text_query(query, configs)
        matched = in_scope.filter(vector=tsquery)
        order = "rank" if params.sort == "relevance" else "date"
        if order == "rank":
            weights = get_sql_weights()
            matched = matched.annotate(rank=SearchRank(F("vector"), tsquery, weights=weights))
        estimate = documents.estimated_count(matched)
        if estimate >= BROAD_MATCHES:
            return self.run_broad(matched, params, order, estimate)
        counts, ids = documents.counts_and_page(matched, order, offset(params.page), PER_PAGE)
        total = sum(counts["type"].values())
        page = page_number(params.page, total)
        if total and page != params.page:  # past the last page: show the last one
            _counts, ids = documents.counts_and_page(matched, order, offset(page), PER_PAGE)
        return Found(total, page, ids, facets.from_counts(counts))

    def run_broad(self, matched, params, order, estimate):
        """A search that matches most of the archive ("library"): counting and ranking
        every match would read every document. Its facets count the TOP_MATCHES newest
        matches, which are ranked (the relevance order); the rest follow newest first;
        the total is PostgreSQL's estimate ("about N")."""
        page = page_number(params.page, estimate)
        start = offset(page)
        counts, ids = documents.counts_and_page(matched, order, start, PER_PAGE, newest=TOP_MATCHES)
        if start + PER_PAGE > TOP_MATCHES:  # past the top matches: newest first
            newest = matched.order_by(*documents.NEWEST).values_list("page_id", flat=True)
            ids = ids + list(newest[max(start, TOP_MATCHES) : start + PER_PAGE])
        if not ids and start:  # the estimate was high: the last page there is
            return self.run_broad(matched, replace(params, page=1), order, estimate)
        return Found(estimate, page, ids, facets.from_counts(counts), approximate=True)

    def autocomplete(self, words, language, limit):
        """From the search documents' titles (GIN-indexed words, unstemmed): of the first
        AUTOCOMPLETE_CANDIDATES titles with a word starting with each of `words`, those
        that start with the first word, then the shortest, then the newest. (Ordering
        every match would read thousands of documents for a short prefix.)"""
        if not words:
            return []
        prefixes = " & ".join(f"{word}:*" for word in words)
        matched = scope.documents(language, Filters()).filter(
            RawSQL(TITLE_PREFIXES, [prefixes], output_field=BooleanField())
        )
        candidates = matched.order_by().values_list("page_id", "title", "date")
        first = words[0].lower()

        def order(row):
            page_id, title, date = row
            return (
                not title.lower().startswith(first),
                len(title),
                -(date or MIN_DATE).toordinal(),
                page_id,
            )

        ids = [row[0] for row in sorted(candidates[:AUTOCOMPLETE_CANDIDATES], key=order)[:limit]]
        pages = Page.objects.filter(pk__in=ids).in_bulk()
        return [(pages[pk].title, pages[pk].url) for pk in ids if pk in pages]
