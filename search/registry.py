"""The searchable page types, and what each contributes to search.

Each page type that search finds says here, once, what its search document holds: its key
and labels, and the paths (Django lookups from the page, such as "posts__country") to its
date, year, topic, tag slugs and countries. Everything that iterates page types reads this:
the search documents (search.documents), the scope (search.scope), the facet counts of
every engine (search.engines), the result dates and the prefetches for snippets
(search.results). A new searchable type is one more entry in TYPES.

Search sits above the content it searches, so it imports the page models of the apps.
"""

from dataclasses import dataclass
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from countries.models import CountryProfilePage
from home.models import GuidancePage
from stories.models import PartnerStoryPage
from topics.models import DiscussionPage, TopicPage


@dataclass(frozen=True)
class FacetField:
    """A facet that is also a filter: one value per page, or a list (`many`).

    name: the query-string parameter, the search.query.Filters attribute and the key of
        the facet counts; `attribute`: the SearchableType attribute that holds each type's
        path to it; `column`: the search.models.SearchDocument column that stores it.
    with_page: the value is also a page that the filter keeps (a topic filter shows the
        topic page itself as well as the discussions in it)."""

    name: str
    attribute: str
    column: str
    many: bool = False
    with_page: bool = False


FACET_FIELDS = (
    FacetField("year", "year", "year"),
    FacetField("topic", "topic", "topic_id", with_page=True),
    FacetField("tag", "tags", "tags", many=True),
    FacetField("country", "countries", "countries", many=True),
)


def values_at(obj, path):
    """The values at a lookup path from `obj` ("posts__country": every post's country),
    following relations in memory (so that prefetched or unsaved child objects count).
    None or "" are left out; no path, no values."""
    if not path:
        return []
    found = [obj]
    for name in path.split("__"):
        step = []
        for item in found:
            value = getattr(item, name)
            step.extend(value.all() if hasattr(value, "all") else [value])
        found = step
    return [value for value in found if value is not None and str(value) != ""]


def first_at(obj, path):
    found = values_at(obj, path)
    return found[0] if found else None


def local_date(moment):
    return timezone.localdate(moment) if moment else None


@dataclass(frozen=True)
class SearchableType:
    key: str  # the `type` filter's value
    model: type
    label: str  # the type facet's label, plural
    singular: str  # a result's type
    date: str | None = None  # the result's date (a DateField), shown and sorted by
    year: str | None = None  # the year facet and filter
    topic: str | None = None  # the id of the topic page it belongs to
    tags: str | None = None  # tag slugs
    countries: str | None = None  # ISO 3166-1 alpha-2 codes

    def paths(self):
        """{facet field: path} of the facets this type has."""
        paths = {field: getattr(self, field.attribute) for field in FACET_FIELDS}
        return {field: path for field, path in paths.items() if path}

    @cached_property
    def prefetch(self):
        """The relations to prefetch before reading many pages of this type: those its
        facet paths follow and those its search fields index (for snippets)."""
        heads = [path.split("__")[0] for path in self.paths().values() if "__" in path]
        names = [name for name in heads if self.model._meta.get_field(name).is_relation]
        names += [
            field.field_name
            for field in self.model.get_search_fields()
            if isinstance(field, index.RelatedFields)
        ]
        return tuple(dict.fromkeys(names))

    def document(self, page):
        """The page's search document fields that depend on its type (relations should be
        prefetched); `date`, the sort date, is its own date, else its first publication."""
        values = {"date": first_at(page, self.date) or local_date(page.first_published_at)}
        for field in FACET_FIELDS:
            path = getattr(self, field.attribute)
            if field.many:
                values[field.column] = sorted({str(value) for value in values_at(page, path)})
            else:
                values[field.column] = first_at(page, path)
        return values

    def shown_date(self, page):
        """A result's date: its own date, else its year, else when it was last published."""
        return (
            first_at(page, self.date)
            or first_at(page, self.year)
            or local_date(page.last_published_at or page.first_published_at)
        )


# fmt: off
TYPES = (
    SearchableType("topic", TopicPage, _("Topics"), _("Topic"),
                   date="date", year="date__year", tags="tags__slug"),
    SearchableType("discussion", DiscussionPage, _("Discussions"), _("Discussion"),
                   date="date", year="date__year", tags="tags__slug",
                   topic="topic_id", countries="posts__country"),
    SearchableType("story", PartnerStoryPage, _("Partner stories"), _("Partner story"),
                   year="year", tags="tags__slug", countries="partners__country"),
    SearchableType("country", CountryProfilePage, _("Country profiles"), _("Country profile"),
                   countries="country"),
    SearchableType("guidance", GuidancePage, _("Guidance"), _("Guidance")),
)
# fmt: on
BY_KEY = {searchable.key: searchable for searchable in TYPES}
BY_MODEL = {searchable.model: searchable for searchable in TYPES}
MODELS = tuple(BY_MODEL)


def type_of(page):
    """The SearchableType of a specific page, or None."""
    return BY_MODEL.get(type(page))


def content_type_ids():
    """{type key: content type id} (from Django's content type cache after the first)."""
    by_model = ContentType.objects.get_for_models(*MODELS)
    return {searchable.key: by_model[searchable.model].pk for searchable in TYPES}


def by_content_type_id():
    """{content type id: SearchableType}."""
    return {pk: BY_KEY[key] for key, pk in content_type_ids().items()}
