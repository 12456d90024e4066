"""Search documents: one narrow row per searchable page (search.models.SearchDocument).

The database search backends (search.backends) write a page's document whenever they index
the page, so documents follow publish, unpublish, edits and deletion exactly as the index
does, and `update_index` rebuilds them. The search page then reads scope, filters, facet
counts and the date sort from this one table; on PostgreSQL the document also holds the
page's text vector, so that the match, its ranking and every facet are one statement.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, prefetch_related_objects
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from countries.models import CountryProfilePage
from home.models import GuidancePage
from stories.models import PartnerStoryPage
from topics.models import DiscussionPage, TopicPage

from . import results_cache
from .models import SearchDocument

DOCUMENT_MODELS = (TopicPage, DiscussionPage, PartnerStoryPage, CountryProfilePage, GuidancePage)
# Relations read for the facet values (prefetched in bulk when a batch is indexed).
_FACET_RELATIONS = {
    TopicPage: ("tags",),
    DiscussionPage: ("tags", "posts"),
    PartnerStoryPage: ("tags", "partners"),
}
_SYNCED_FIELDS = [
    "content_type_id",
    "locale",
    "translation_key",
    "live",
    "date",
    "year",
    "topic_id",
    "tags",
    "countries",
]


def maintained():
    """Whether documents are kept for the default search backend (the database backends
    of search.backends; not Elasticsearch/OpenSearch or Wagtail's stock backends)."""
    from wagtail.search.backends import get_search_backend

    return getattr(get_search_backend(), "keeps_search_documents", False)


def facet_values(page):
    """The document fields that depend on the page type (relations should be prefetched)."""
    date = year = topic_id = None
    countries = []
    if isinstance(page, DiscussionPage):
        date, topic_id = page.date, page.topic_id
        countries = [post.country for post in page.posts.all()]
    elif isinstance(page, TopicPage):
        date = page.date
    elif isinstance(page, PartnerStoryPage):
        year = page.year
        countries = [partner.country for partner in page.partners.all()]
    elif isinstance(page, CountryProfilePage):
        countries = [page.country]
    if date is None and page.first_published_at:
        sort_date = timezone.localdate(page.first_published_at)
    else:
        sort_date = date
    tags = sorted({tag.slug for tag in page.tags.all()}) if hasattr(page, "tags") else []
    return {
        "date": sort_date,
        "year": year or (date.year if date else None),
        "topic_id": topic_id,
        "tags": tags,
        "countries": sorted({str(code) for code in countries if code}),
    }


def sync(objs):
    """Write (insert or update) the documents of indexed pages; others are ignored."""
    pages = [obj for obj in objs if isinstance(obj, DOCUMENT_MODELS)]
    if not pages:
        return []
    for model, relations in _FACET_RELATIONS.items():
        prefetch_related_objects([p for p in pages if isinstance(p, model)], *relations)
    content_types = ContentType.objects.get_for_models(*{type(page) for page in pages})
    documents = [
        SearchDocument(
            page_id=page.pk,
            content_type_id=content_types[type(page)].pk,
            locale_id=page.locale_id,
            translation_key=page.translation_key,
            live=page.live,
            **facet_values(page),
        )
        for page in pages
    ]
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
    from django.db import transaction

    written = 0
    for model in DOCUMENT_MODELS:
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
    return written


def fill_if_empty(sender, stdout=None, **kwargs):
    """post_migrate: a site upgraded to search documents gets them at once (not needed
    on a new site: indexing each page writes its document)."""
    if not maintained() or SearchDocument.objects.exists():
        return
    if not Page.objects.filter(content_type__in=_content_types()).exists():
        return
    if stdout:
        stdout.write("Writing the search documents of existing pages…\n")
    rebuild(stdout=stdout)


def _content_types():
    return ContentType.objects.get_for_models(*DOCUMENT_MODELS).values()


# Reading documents ------------------------------------------------------------------------


def scoped(language):
    """Documents of live, public pages in `language`, plus English pages that have no
    translation in it (discussions and stories exist only in English)."""
    documents = SearchDocument.objects.filter(live=True)
    restricted = list(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
    if restricted:
        private = Q()
        for path in restricted:
            private |= Q(path__startswith=path)
        documents = documents.exclude(page_id__in=Page.objects.filter(private).values("pk"))
    return documents.filter(in_language(language))


def in_language(language):
    """A filter() condition, for pages or documents: in `language`, or in English with no
    translation in it (discussions and stories exist only in English)."""
    default = Locale.get_default()
    locale = Locale.objects.filter(language_code=language).first() or default
    if locale.pk == default.pk:
        return Q(locale_id=default.pk)
    translated = Page.objects.filter(locale=locale).values("translation_key")
    return Q(locale_id=locale.pk) | (Q(locale_id=default.pk) & ~Q(translation_key__in=translated))


def filtered(documents, filters, content_type_ids):
    """Documents narrowed by the search filters (PostgreSQL: JSON containment on lists)."""
    if filters.types:
        documents = documents.filter(
            content_type_id__in=[content_type_ids[key] for key in filters.types]
        )
    if filters.topic:
        documents = documents.filter(Q(topic_id=filters.topic) | Q(page_id=filters.topic))
    if filters.tag:
        documents = documents.filter(tags__contains=[filters.tag])
    if filters.country:
        documents = documents.filter(countries__contains=[filters.country])
    if filters.year:
        documents = documents.filter(year=filters.year)
    return documents


def text_query(query, configs, operator="and"):
    """A PostgreSQL tsquery for a ParsedQuery, in each of `configs` (OR-ed): every term
    (or any, with operator="or") and every phrase."""
    combined = None
    for config in configs:
        parts = [
            SearchQuery(" ".join(phrase), search_type="phrase", config=config)
            for phrase in query.phrases
        ]
        if query.terms and operator == "and":
            parts.append(SearchQuery(" ".join(query.terms), search_type="plain", config=config))
        elif query.terms:
            any_term = None
            for term in query.terms:
                one = SearchQuery(term, search_type="plain", config=config)
                any_term = one if any_term is None else any_term | one
            parts.append(any_term)
        in_config = parts[0]
        for part in parts[1:]:
            in_config &= part
        combined = in_config if combined is None else combined | in_config
    return combined


def matching(documents, tsquery):
    return documents.filter(vector=tsquery)


def ranked(documents, tsquery, weights):
    return documents.annotate(rank=SearchRank(F("vector"), tsquery, weights=weights))


# Facet counts and a page of results in one statement --------------------------------------

_EACH = {
    "postgresql": "jsonb_array_elements_text(m.{field}) AS e(value)",
    "sqlite": "json_each(m.{field}) AS e",
}


def counts_and_page(documents, order=None, offset=0, limit=10):
    """One query over `documents`: counts by content type, year, topic, tag and country,
    and (with `order`: "rank" or "date") the ids of one page of them in that order.

    Returns ({facet: {value: count}}, [page ids]). `documents` must be annotated with
    `rank` for order="rank"."""
    columns = ["page_id", "content_type_id", "year", "topic_id", "tags", "countries", "date"]
    if order == "rank":
        columns.append("rank")
    sql, params = documents.values(*columns).order_by().query.sql_with_params()
    each = _EACH[connection.vendor]
    parts = [
        "SELECT 'type', CAST(content_type_id AS TEXT), COUNT(*) FROM m GROUP BY content_type_id",
        "SELECT 'year', CAST(year AS TEXT), COUNT(*) FROM m WHERE year IS NOT NULL GROUP BY year",
        "SELECT 'topic', CAST(topic_id AS TEXT), COUNT(*) FROM m "
        "WHERE topic_id IS NOT NULL GROUP BY topic_id",
        f"SELECT 'tag', e.value, COUNT(*) FROM m, {each.format(field='tags')} GROUP BY e.value",
        f"SELECT 'country', e.value, COUNT(*) FROM m, {each.format(field='countries')} "
        "GROUP BY e.value",
    ]
    if order:
        ordering = "rank DESC, page_id" if order == "rank" else "date DESC NULLS LAST, page_id DESC"
        parts.append(
            "SELECT 'hit', CAST(page_id AS TEXT), position FROM ("
            f"SELECT page_id, ROW_NUMBER() OVER (ORDER BY {ordering}) AS position FROM ("
            f"SELECT * FROM m ORDER BY {ordering} LIMIT %s OFFSET %s) AS chosen) AS hits"
        )
    statement = (
        f"WITH m({', '.join(columns)}) AS ({sql}) " + " UNION ALL ".join(parts)  # noqa: S608
    )
    params = [*params, *([limit, offset] if order else [])]
    counts = {"type": {}, "year": {}, "topic": {}, "tag": {}, "country": {}}
    hits = []
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for facet, value, number in cursor.fetchall():
            if facet == "hit":
                hits.append((number, int(value)))
            else:
                counts[facet][value] = number
    return counts, [pk for _position, pk in sorted(hits)]
