"""SQLite: FTS5 (search.backends.sqlite) finds and ranks every match in one pass, as a list
of page ids; one statement over those pages' search documents then gives the counts, the
facets and, sorted by date, the page of results. The scope and the filters are the
documents' too (search.scope), so the match runs over the pages in scope only."""

import json

from django.db.models import F, Lookup
from wagtail.models import Page

from .. import documents, facets, scope
from ..models import SearchDocument
from . import PER_PAGE, Engine, Found, offset, page_number


class InIds(Lookup):
    """`lhs IN ids` with every id in one bind parameter, so that any number of ids fits
    (a plain IN list takes a parameter per id, and SQLite caps those: 32,766 by default)."""

    lookup_name = "in_ids"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        ids = json.dumps([int(pk) for pk in self.rhs])
        return f"{lhs} IN (SELECT value FROM json_each(%s))", [*params, ids]


def documents_of(ids):
    return SearchDocument.objects.filter(InIds(F("page_id"), ids))


class FTSEngine(Engine):
    def scope(self, params):
        in_scope = scope.documents(params.language, params.filters)
        return Page.objects.filter(pk__in=in_scope.values("page_id"))

    def count(self, pages, query):
        return pages.search(query.search_query()).count()

    def run(self, pages, params, query):
        results = pages.search(query.search_query())
        by_relevance = params.sort == "relevance"
        if by_relevance:
            ids = results.ranked_ids()
        else:
            matches = results.get_queryset().order_by().values_list("pk", flat=True)
            ids = list(dict.fromkeys(matches))
        total = len(ids)
        if not total:
            return Found(0, 1, [], facets.Facets())
        page = page_number(params.page, total)
        if by_relevance:
            counts, _ids = documents.counts_and_page(documents_of(ids))
            page_ids = ids[offset(page) : offset(page) + PER_PAGE]
        else:
            counts, page_ids = documents.counts_and_page(
                documents_of(ids), "date", offset(page), PER_PAGE
            )
        return Found(total, page, page_ids, facets.from_counts(counts))
