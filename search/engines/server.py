"""Search servers (Elasticsearch, OpenSearch) and Wagtail's stock database backends (MySQL,
SQLite without FTS5), which keep no search documents: the backend finds and ranks the
matches, fetched once as the top MAX_FACET_MATCHES; the facets are GROUP BYs over those
pages' tables (one per facet of each page type that has matches, at most ten), the date
sort one query over them."""

from django.db.models import Count, F
from django.db.models.functions import Coalesce, TruncDate
from wagtail.models import Page

from .. import facets, registry, scope
from . import PER_PAGE, Engine, Found, offset, page_number

# The search server's matches are counted into facets and sorted by date up to this many.
MAX_FACET_MATCHES = 1000


def facet_counts(top):
    """Counts of the matches [(page id, content type id)] by type and by each facet of
    their page types (search.registry), in the shape of facets.empty_counts()."""
    counts = facets.empty_counts()
    types = registry.by_content_type_id()
    by_type = {}
    for pk, content_type_id in top:
        by_type.setdefault(content_type_id, []).append(pk)
    for content_type_id, ids in by_type.items():
        counts["type"][str(content_type_id)] = len(ids)
        searchable = types[content_type_id]
        for field, path in searchable.paths().items():
            rows = (
                searchable.model.objects.filter(pk__in=ids)
                .order_by()
                .values_list(path)
                .annotate(n=Count("pk", distinct=True))
            )
            for value, n in rows:
                if value is not None and str(value) != "":
                    key = str(value)
                    counts[field.name][key] = counts[field.name].get(key, 0) + n
    return counts


def by_date(ids):
    """`ids` newest first: each type's own date (search.registry), else the publication."""
    dates = [
        F(f"{searchable.model._meta.model_name}__{searchable.date}")
        for searchable in registry.TYPES
        if searchable.date
    ]
    return list(
        Page.objects.filter(pk__in=ids)
        .annotate(result_date=Coalesce(*dates, TruncDate("first_published_at")))
        .order_by(F("result_date").desc(nulls_last=True), "-id")
        .values_list("id", flat=True)
    )


class ServerEngine(Engine):
    def scope(self, params):
        return scope.pages(params.language, params.filters)

    def count(self, pages, query):
        return pages.search(query.search_query()).count()

    def run(self, pages, params, query):
        results = pages.search(query.search_query())
        top = [(page.pk, page.content_type_id) for page in results[:MAX_FACET_MATCHES]]
        if params.sort == "date":  # the top matches, newest first
            ranked = by_date([pk for pk, _content_type in top])
            total = len(ranked)
        else:
            ranked = [pk for pk, _content_type in top]
            total = len(top) if len(top) < MAX_FACET_MATCHES else results.count()
        page = page_number(params.page, total)
        start = offset(page)
        if start + PER_PAGE <= len(ranked) or total <= len(ranked):
            ids = ranked[start : start + PER_PAGE]
        else:  # past the top matches: ask the backend for that page
            ids = [result.pk for result in results[start : start + PER_PAGE]]
        return Found(total, page, ids, facets.from_counts(facet_counts(top)))
