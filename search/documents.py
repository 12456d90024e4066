"""Search documents: one narrow row per searchable page (search.models.SearchDocument).

The database search backends (search.backends) write a page's document whenever they index
the page, so documents follow publish, unpublish, edits and deletion exactly as the index
does, and `update_index` rebuilds them. The search page then reads scope, filters, facet
counts and the date sort from this one table; on PostgreSQL the document also holds the
page's text vector, so that the match, its ranking and every facet are one statement.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F, prefetch_related_objects
from wagtail.models import Page

from . import facets, registry, results_cache, vocabulary
from .models import SearchDocument

_SYNCED_FIELDS = [
    "content_type_id",
    "locale",
    "translation_key",
    "live",
    "date",
    "title",
    *(field.column for field in registry.FACET_FIELDS),
]


def maintained():
    """Whether documents are kept for the default search backend (the database backends
    of search.backends; not Elasticsearch/OpenSearch or Wagtail's stock backends)."""
    from wagtail.search.backends import get_search_backend

    return getattr(get_search_backend(), "keeps_search_documents", False)


def sync(objs):
    """Write (insert or update) the documents of indexed pages; others are ignored.
    Returns the ids of the pages written."""
    pages = [obj for obj in objs if registry.type_of(obj)]
    if not pages:
        return []
    for searchable in registry.TYPES:
        of_type = [page for page in pages if type(page) is searchable.model]
        prefetch_related_objects(of_type, *searchable.prefetch)
    content_types = ContentType.objects.get_for_models(*{type(page) for page in pages})
    documents = [
        SearchDocument(
            page_id=page.pk,
            content_type_id=content_types[type(page)].pk,
            locale_id=page.locale_id,
            translation_key=page.translation_key,
            live=page.live,
            title=page.title,
            **registry.type_of(page).document(page),
        )
        for page in pages
    ]
    ids = [page.pk for page in pages]
    known = set(SearchDocument.objects.filter(page_id__in=ids).values_list("page_id", flat=True))
    vocabulary.record(pages, new_ids=set(ids) - known)
    results_cache.content_changed()
    SearchDocument.objects.bulk_create(
        documents,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=_SYNCED_FIELDS,
    )
    return [page.pk for page in pages]


def remove(obj):
    results_cache.content_changed()
    SearchDocument.objects.filter(page_id=obj.pk).delete()


def copy_vectors(content_type_id, page_ids):
    """PostgreSQL: each document's vector from the page's index entry (already built in
    the page's language): the title weighted A, the body with the index's own weights."""
    from wagtail.search.models import IndexEntry

    if not page_ids:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {SearchDocument._meta.db_table} AS d "  # noqa: S608 (table names only)
            "SET vector = setweight(e.title, 'A') || e.body "
            f"FROM {IndexEntry._meta.db_table} AS e "
            "WHERE e.content_type_id = %s AND e.object_id = ANY(%s) "
            "AND d.page_id = CAST(e.object_id AS integer)",
            [content_type_id, [str(pk) for pk in page_ids]],
        )


def rebuild(chunk_size=2000, stdout=None):
    """Write every searchable page's document (for a site whose documents table is new);
    prints progress to `stdout` when given."""
    written = 0
    for model in registry.MODELS:
        content_type_id = ContentType.objects.get_for_model(model).pk
        ids = list(
            model.objects.filter(content_type_id=content_type_id)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for start in range(0, len(ids), chunk_size):
            with transaction.atomic():
                pages = list(model.objects.filter(pk__in=ids[start : start + chunk_size]))
                synced = sync(pages)
                if connection.vendor == "postgresql":
                    copy_vectors(content_type_id, synced)
            written += len(synced)
            if stdout:
                stdout.write(f"  search documents: {written} written\n")
    vocabulary.rebuild(stdout=stdout)
    return written


def fill_if_empty(sender, stdout=None, **kwargs):
    """post_migrate: a site upgraded to search documents (or to the vocabulary) gets them
    at once (not needed on a new site: indexing each page writes its document)."""
    from .models import SearchTerm

    if not maintained():
        return
    if SearchDocument.objects.exists():
        if not SearchTerm.objects.exists():
            if stdout:
                stdout.write("Counting the search vocabulary of existing pages…\n")
            vocabulary.rebuild(stdout=stdout)
        return
    if not Page.objects.filter(content_type__in=registry.content_type_ids().values()).exists():
        return
    if stdout:
        stdout.write("Writing the search documents of existing pages…\n")
    rebuild(stdout=stdout)


# Facet counts and a page of results in one statement --------------------------------------

_EACH = {
    "postgresql": "jsonb_array_elements_text({column}) AS e(value)",
    "sqlite": "json_each({column}) AS e",
}
ORDERS = {"rank": "rank DESC, page_id", "date": "date DESC NULLS LAST, page_id DESC"}


NEWEST = F("date").desc(nulls_last=True), F("page_id").desc()


def counts_and_page(documents, order=None, offset=0, limit=10, newest=None):
    """One query over `documents`: counts by content type and by each facet field
    (search.registry.FACET_FIELDS), and (with `order`: "rank" or "date") the ids of one
    page of them in that order. With `newest` (a number), only that many of the newest
    documents are counted and ordered (the top matches of a search that matches most of
    the archive: search.engines.postgres).

    Returns ({"type" or facet name: {value as text: count}}, [page ids]). `documents` must
    be annotated with `rank` for order="rank"."""
    facet_columns = [field.column for field in registry.FACET_FIELDS]
    columns = ["page_id", "content_type_id", "date", *facet_columns]
    if order == "rank":
        columns.append("rank")
    rows = documents.values(*columns)
    rows = rows.order_by(*NEWEST)[:newest] if newest else rows.order_by()
    sql, params = rows.query.sql_with_params()
    parts = [
        "SELECT 'type', CAST(content_type_id AS TEXT), COUNT(*) FROM m GROUP BY content_type_id"
    ]
    for field in registry.FACET_FIELDS:
        if field.many:
            # The lists are grouped before they are taken apart: far fewer lists than
            # documents (tags and countries repeat together), so far fewer elements.
            each = _EACH[connection.vendor].format(column="g.list")
            parts.append(
                f"SELECT '{field.name}', e.value, CAST(SUM(g.n) AS BIGINT) FROM "
                f"(SELECT {field.column} AS list, COUNT(*) AS n FROM m "
                f"GROUP BY {field.column}) AS g, {each} GROUP BY e.value"
            )
        else:
            parts.append(
                f"SELECT '{field.name}', CAST({field.column} AS TEXT), COUNT(*) FROM m "
                f"WHERE {field.column} IS NOT NULL GROUP BY {field.column}"
            )
    if order:
        ordering = ORDERS[order]
        parts.append(
            "SELECT 'hit', CAST(page_id AS TEXT), position FROM ("
            f"SELECT page_id, ROW_NUMBER() OVER (ORDER BY {ordering}) AS position FROM ("
            f"SELECT * FROM m ORDER BY {ordering} LIMIT %s OFFSET %s) AS chosen) AS hits"
        )
    statement = (
        f"WITH m({', '.join(columns)}) AS ({sql}) " + " UNION ALL ".join(parts)  # noqa: S608
    )
    params = [*params, *([limit, offset] if order else [])]
    counts = facets.empty_counts()
    hits = []
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for facet, value, number in cursor.fetchall():
            if facet == "hit":
                hits.append((number, int(value)))
            else:
                counts[facet][value] = int(number)
    return counts, [pk for _position, pk in sorted(hits)]


def estimated_count(documents):
    """PostgreSQL's estimate of how many rows a queryset has (its planner's statistics:
    one EXPLAIN, nothing read)."""
    sql, params = documents.order_by().values("page_id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])
