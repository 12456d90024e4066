"""What a search looks through: every live, public page of the searchable types
(search.registry) in the visitor's language, plus English pages that have no translation
in it (discussions and stories exist only in English), narrowed by the search's filters.

Two forms of the same scope: the pages' search documents, for the engines that keep them
(PostgreSQL, SQLite), and the pages themselves, for the engines that search through a
search server. The filters are defined once, by search.registry.FACET_FIELDS, for both.
"""

import json

from django.core.cache import cache
from django.db.models import F, Lookup, Q
from wagtail.models import Locale, Page, PageViewRestriction

from . import registry, results_cache
from .models import SearchDocument


def _facts(language):
    """(default locale id, the language's locale id, paths of view-restricted pages): three
    queries, cached until the content changes (search.results_cache's generation, which
    page, privacy and locale changes replace)."""
    key = f"search:scope:{results_cache.generation()}:{language}"
    facts = cache.get(key)
    if facts is None:
        default = Locale.get_default()
        locale = Locale.objects.filter(language_code=language).first() or default
        restricted = list(
            PageViewRestriction.objects.values_list("page__path", flat=True).distinct()
        )
        facts = (default.pk, locale.pk, restricted)
        cache.set(key, facts, 3600)
    return facts


def in_language(language):
    """A filter() condition, for pages or documents: in `language`, or in English with no
    translation in it."""
    default_id, locale_id, _restricted = _facts(language)
    if locale_id == default_id:
        return Q(locale_id=default_id)
    translated = Page.objects.filter(locale_id=locale_id).values("translation_key")
    return Q(locale_id=locale_id) | (Q(locale_id=default_id) & ~Q(translation_key__in=translated))


class HasElement(Lookup):
    """`lhs` (a JSON list) has the element `rhs`: PostgreSQL's jsonb containment (which
    its GIN indexes serve), SQLite's json_each."""

    lookup_name = "has_element"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE value = %s)", [*params, self.rhs]

    def as_postgresql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        return f"{lhs} @> %s::jsonb", [*params, json.dumps([self.rhs])]


def documents(language, filters):
    """The search documents in scope."""
    found = SearchDocument.objects.filter(live=True)
    restricted = _facts(language)[2]
    if restricted:
        private = Q()
        for path in restricted:
            private |= Q(path__startswith=path)
        found = found.exclude(page_id__in=Page.objects.filter(private).values("pk"))
    found = found.filter(in_language(language))
    if filters.types:
        ids = registry.content_type_ids()
        found = found.filter(content_type_id__in=[ids[key] for key in filters.types])
    for field, value in _facet_filters(filters):
        if field.many:
            condition = Q(HasElement(F(field.column), value))
        else:
            condition = Q(**{field.column: value})
        found = found.filter(condition | Q(page_id=value) if field.with_page else condition)
    return found


def pages(language, filters=None):
    """The pages in scope (as wagtailcore.Page: the search server's results are ids)."""
    ids = registry.content_type_ids()
    keys = filters.types if filters and filters.types else ids
    found = Page.objects.live().public().filter(content_type__in=[ids[key] for key in keys])
    found = found.filter(in_language(language))
    for field, value in _facet_filters(filters):
        condition = Q(id=value) if field.with_page else Q()
        for searchable in registry.TYPES:
            path = getattr(searchable, field.attribute)
            if path:
                matching = searchable.model.objects.filter(**{path: value}).values("pk")
                condition |= Q(id__in=matching)
        found = found.filter(condition)
    return found


def _facet_filters(filters):
    """[(facet field, value)] of the facet filters that are set."""
    if not filters:
        return []
    values = [(field, getattr(filters, field.name)) for field in registry.FACET_FIELDS]
    return [(field, value) for field, value in values if value is not None]
