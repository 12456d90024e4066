"""Facets: the matches of a search counted by type, topic, tag, country and year.

Every engine counts in the same shape, {"type" or facet name: {value as text: count}}
(`empty_counts`), and `from_counts` labels and orders the counts for the
search page, whatever engine counted them."""

from dataclasses import dataclass, field

from django_countries import countries
from taggit.models import Tag
from wagtail.models import Page

from core.restrictions import viewable

from . import registry

FACET_LIMIT = 12


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class Facets:
    types: list[FacetValue] = field(default_factory=list)
    topics: list[FacetValue] = field(default_factory=list)
    tags: list[FacetValue] = field(default_factory=list)
    countries: list[FacetValue] = field(default_factory=list)
    years: list[FacetValue] = field(default_factory=list)


def empty_counts():
    return {"type": {}, **{field.name: {} for field in registry.FACET_FIELDS}}


def _top(counts, labels, limit=FACET_LIMIT):
    """The `limit` commonest values that have a label, then by label."""
    labelled = [(value, n) for value, n in counts.items() if value in labels]
    ranked = sorted(labelled, key=lambda item: (-item[1], str(labels[item[0]])))
    return [FacetValue(value, str(labels[value]), n) for value, n in ranked[:limit]]


def from_counts(counts):
    """Facets from counts (labels: one query each for the topics' titles and the tags'
    names, only when there are such counts)."""
    facets = Facets()
    type_counts = counts["type"]
    facets.types = [
        FacetValue(key, str(registry.BY_KEY[key].label), type_counts[str(pk)])
        for key, pk in registry.content_type_ids().items()
        if str(pk) in type_counts
    ]
    if counts["topic"]:
        ids = [int(pk) for pk in counts["topic"]]
        # Live, unrestricted topics only (the facets are cached and shared by every visitor):
        # a public discussion does not give away its restricted topic's title.
        topics = viewable(Page.objects.live().filter(pk__in=ids), None)
        titles = topics.values_list("pk", "title")
        facets.topics = _top(counts["topic"], {str(pk): title for pk, title in titles})
    if counts["tag"]:
        names = dict(Tag.objects.filter(slug__in=counts["tag"]).values_list("slug", "name"))
        facets.tags = _top(counts["tag"], {slug: names.get(slug, slug) for slug in counts["tag"]})
    facets.countries = _top(
        counts["country"], {code: countries.name(code) for code in counts["country"]}
    )
    facets.years = [
        FacetValue(year, year, counts["year"][year])
        for year in sorted(counts["year"], key=int, reverse=True)
    ]
    return facets
