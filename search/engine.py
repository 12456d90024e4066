"""Site search as a plain module: scope, filters, facet counts, sorting, snippets,
promotions and popular searches. No request needed: `run_search(SearchParams(...))`.

How a search runs (a bounded number of queries whatever the number of matches):
1. The scope is every live, public topic, discussion, story, country profile and guidance
   page in the visitor's language, plus English pages that have no translation in it
   (discussions and stories exist only in English).
2. Every word is required; if that finds nothing, the commonest words are dropped.
3. PostgreSQL: the search documents (search.documents: one narrow row per page, with its
   text vector) give the match, ranking, count, every facet and the page of result ids in
   one statement. SQLite and other backends: the backend (Wagtail) finds and ranks the
   matches, fetched once as a list of ids; the facet counts are one statement over those
   ids' documents (database backends) or GROUP BYs over the page tables (search servers).
4. What was found (count, facets, result ids) is cached until the content changes
   (search.results_cache); the pages of results are always fetched fresh.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import NotSupportedError, connection
from django.db.models import Count, F, Lookup, Q, prefetch_related_objects
from django.db.models.functions import Coalesce, ExtractYear, TruncDate
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import normalise_query_string

from core.filters import clean_tag, clean_year
from countries.models import CountryProfilePage
from home.models import GuidancePage
from stories.models import PartnerStoryPage, PartnerStoryPageTag, StoryPartner
from topics.models import DiscussionPage, DiscussionPageTag, DiscussionPost, TopicPage, TopicPageTag

from . import documents, results_cache
from .models import SearchDocument
from .query import ParsedQuery, parse_query
from .snippets import related_lookups, searchable_text, snippet

PER_PAGE = 10
FACET_LIMIT = 12
# Backends that cannot hand over their matches as a subquery (Elasticsearch, OpenSearch)
# compute facet counts over at most this many top matches.
MAX_FACET_MATCHES = 1000
# Other databases (MySQL…) take a match list as `IN (%s, …)` up to this many ids, and above
# it the backend's subquery (which runs the full-text match again in each query).
MAX_LISTED_IDS = 900
POPULAR_DAYS = 90
POPULAR_CACHE_SECONDS = 600
SORTS = ("relevance", "date")


@dataclass(frozen=True)
class ResultType:
    key: str
    model: type
    label: str  # the facet's label, plural
    singular: str  # a result's type


RESULT_TYPES = (
    ResultType("topic", TopicPage, _("Topics"), _("Topic")),
    ResultType("discussion", DiscussionPage, _("Discussions"), _("Discussion")),
    ResultType("story", PartnerStoryPage, _("Partner stories"), _("Partner story")),
    ResultType("country", CountryProfilePage, _("Country profiles"), _("Country profile")),
    ResultType("guidance", GuidancePage, _("Guidance"), _("Guidance")),
)
TYPES_BY_KEY = {result_type.key: result_type for result_type in RESULT_TYPES}
TAG_THROUGH_MODELS = (TopicPageTag, DiscussionPageTag, PartnerStoryPageTag)


@dataclass(frozen=True)
class Filters:
    types: tuple[str, ...] = ()
    topic: int | None = None
    tag: str | None = None
    country: str | None = None
    year: int | None = None

    def __bool__(self):
        return bool(self.types or self.topic or self.tag or self.country or self.year)


@dataclass(frozen=True)
class SearchParams:
    query: ParsedQuery
    filters: Filters = Filters()
    sort: str = "relevance"
    page: int = 1
    language: str = "en"
    ignored: tuple[str, ...] = ()  # parameters whose values were not understood


def _one(querydict, name):
    value = querydict.get(name)
    return value if isinstance(value, str) and "\x00" not in value else None


def params_from_querydict(querydict, language):
    """SearchParams from request.GET: anything not understood is dropped and noted."""
    ignored = []

    types = []
    for value in querydict.getlist("type"):
        if value in TYPES_BY_KEY and value not in types:
            types.append(value)
        elif value:
            ignored.append("type")

    def checked(name, cleaner):
        raw = _one(querydict, name)
        value = cleaner(raw) if raw else None
        if raw and value is None:
            ignored.append(name)
        return value

    def clean_topic(raw):
        return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 12 else None

    def clean_country(raw):
        code = raw.upper()
        return code if len(code) == 2 and code in countries else None

    sort = _one(querydict, "sort") or "relevance"
    if sort not in SORTS:
        ignored.append("sort")
        sort = "relevance"
    page = _one(querydict, "page") or "1"
    page = int(page) if page.isascii() and page.isdigit() and len(page) < 6 else 1

    return SearchParams(
        query=parse_query(querydict.get("q")),
        filters=Filters(
            types=tuple(types),
            topic=checked("topic", clean_topic),
            tag=checked("tag", clean_tag),
            country=checked("country", clean_country),
            year=checked("year", clean_year),
        ),
        sort=sort,
        page=max(page, 1),
        language=language,
        ignored=tuple(dict.fromkeys(ignored)),
    )


def content_type_ids():
    from django.contrib.contenttypes.models import ContentType

    by_model = ContentType.objects.get_for_models(*(t.model for t in RESULT_TYPES))
    return {t.key: by_model[t.model].pk for t in RESULT_TYPES}


def search_scope(language):
    """Live public pages of the searchable types in `language`, plus English-only ones."""
    scope = Page.objects.live().public().filter(content_type__in=content_type_ids().values())
    return scope.filter(documents.in_language(language))


def apply_filters(queryset, filters):
    """Filters as conditions on the page id, so that every backend can apply them."""
    if filters.types:
        ids = content_type_ids()
        queryset = queryset.filter(content_type__in=[ids[key] for key in filters.types])
    if filters.topic:
        discussions = DiscussionPage.objects.filter(topic_id=filters.topic).values("pk")
        queryset = queryset.filter(Q(id__in=discussions) | Q(id=filters.topic))
    if filters.tag:
        tagged = Q()
        for through in TAG_THROUGH_MODELS:
            tagged |= Q(
                id__in=through.objects.filter(tag__slug=filters.tag).values("content_object_id")
            )
        queryset = queryset.filter(tagged)
    if filters.country:
        code = filters.country
        queryset = queryset.filter(
            Q(id__in=DiscussionPost.objects.filter(country=code).values("page_id"))
            | Q(id__in=CountryProfilePage.objects.filter(country=code).values("pk"))
            | Q(id__in=StoryPartner.objects.filter(country=code).values("page_id"))
        )
    if filters.year:
        year = filters.year
        queryset = queryset.filter(
            Q(id__in=DiscussionPage.objects.filter(date__year=year).values("pk"))
            | Q(id__in=TopicPage.objects.filter(date__year=year).values("pk"))
            | Q(id__in=PartnerStoryPage.objects.filter(year=year).values("pk"))
        )
    return queryset


def _postgres_array(ids):
    """An integer array literal: with client-side binding (Django's default), psycopg
    formats a list parameter element by element, which costs more than this join."""
    return "{" + ",".join(str(int(pk)) for pk in ids) + "}"


class InIds(Lookup):
    """`lhs IN ids` with every id in one bind parameter, so that any number of ids fits:
    PostgreSQL `= ANY(%s)` (an array), SQLite `IN (SELECT value FROM json_each(%s))`.
    A plain IN list needs one parameter per id, and drivers cap those (65,535 on
    PostgreSQL; SQLite's default limit is 32,766)."""

    lookup_name = "in_ids"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::integer[])", [*params, _postgres_array(self.rhs)]
        if connection.vendor == "sqlite":
            ids = [int(pk) for pk in self.rhs]
            return f"{lhs} IN (SELECT value FROM json_each(%s))", [*params, json.dumps(ids)]
        raise NotSupportedError(f"InIds is not implemented for {connection.vendor}")


@dataclass
class Matches:
    """Every match of a search, fetched once.

    ids: the matches' page ids (all of them if `complete`, else the top MAX_FACET_MATCHES),
        best first if `ranked`.
    subquery: the backend's own queryset of the matches, for databases without InIds.
    content_types: {page id: content type id} of the matches when the match query returned
        them too (PostgreSQL); facet_counts fetches them otherwise."""

    ids: list
    complete: bool
    subquery: object = None
    ranked: bool = False  # ids are best first
    content_types: dict | None = None

    def condition(self, field, ids=None):
        """A filter() argument: `field` is one of the matches, or of `ids`: the matches of
        one page type, for a table of that type only (so that the backend's subquery of
        all the matches selects the same rows)."""
        ids = self.ids if ids is None else ids
        if connection.vendor in ("postgresql", "sqlite"):
            return InIds(F(field), ids)
        if self.subquery is None or len(ids) <= MAX_LISTED_IDS:
            return Q(**{f"{field}__in": ids})
        return Q(**{f"{field}__in": self.subquery})


def matched_ids(results, ranked=False):
    """The matches' ids from one query: all of them on the database backends (best first
    if `ranked`), the top MAX_FACET_MATCHES otherwise (Elasticsearch, OpenSearch).
    Where the match query is a plain queryset, it returns each match's content type too."""
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is None:
        return Matches([page.pk for page in results[:MAX_FACET_MATCHES]], complete=False)
    queryset = get_queryset()
    subquery = queryset.order_by().values("pk")
    rows = None
    if ranked:
        # SQLite (search.backends): bm25 over the FTS table in one pass; the others:
        # the backend's queryset is ordered by relevance already.
        ranked_ids = getattr(results, "ranked_ids", None)
        ids = ranked_ids() if ranked_ids is not None else None
        if ids is None:
            rows = queryset.values_list("pk", "content_type_id")
    else:
        rows = subquery.values_list("pk", "content_type_id")
    content_types = None
    if rows is not None:
        content_types = dict(rows)  # keeps the first occurrence's position: best first
        ids = list(content_types)
    return Matches(
        list(dict.fromkeys(ids)),
        complete=True,
        subquery=subquery,
        ranked=ranked,
        content_types=content_types,
    )


def pages_in_order(ids):
    """The specific live pages of `ids`, in that order (one query per page type)."""
    pages = Page.objects.live().filter(pk__in=ids).specific().in_bulk()
    return [pages[pk] for pk in ids if pk in pages]


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


def _top(counts, labels, limit=FACET_LIMIT):
    ranked = sorted(counts.items(), key=lambda item: (-item[1], str(labels.get(item[0]))))
    return [FacetValue(str(value), str(labels[value]), n) for value, n in ranked[:limit]]


def _ids_by_type(matches):
    """{result type key: [page ids]} of the matches (one query unless the match query
    returned the content types already)."""
    content_types = matches.content_types
    if content_types is None:
        content_types = dict(
            Page.objects.filter(matches.condition("id")).values_list("id", "content_type_id")
        )
    type_keys = {pk: key for key, pk in content_type_ids().items()}
    by_type = {}
    for pk, content_type_id in content_types.items():
        key = type_keys.get(content_type_id)
        if key is not None:
            by_type.setdefault(key, []).append(pk)
    return by_type


def _facet_querysets(matches, by_type):
    """The facet GROUP BYs as [(name, queryset of dicts)], each over the matches of the page
    types it concerns (so a small type gets a small id list, and a type without matches
    no query at all)."""

    def of(key, model, field, build):
        ids = by_type.get(key)
        if not ids:
            return []
        return [build(model.objects.filter(matches.condition(field, ids)))]

    def tags(queryset):
        return (
            queryset.order_by()
            .values("tag__slug", "tag__name")
            .annotate(n=Count("content_object_id", distinct=True))
        )

    def countries_of(queryset, counted):
        return queryset.order_by().values("country").annotate(n=Count(counted, distinct=True))

    def years(expression):
        return lambda queryset: (
            queryset.annotate(result_year=expression)
            .exclude(result_year=None)
            .order_by()
            .values("result_year")
            .annotate(n=Count("pk"))
        )

    groups = {
        "topics": of(
            "discussion",
            DiscussionPage,
            "pk",
            lambda queryset: (
                queryset.filter(topic__isnull=False)
                .values("topic_id", "topic__title")
                .annotate(n=Count("pk"))
                .order_by("-n", "topic__title")[:FACET_LIMIT]
            ),
        ),
        "tags": [
            *of("topic", TopicPageTag, "content_object_id", tags),
            *of("discussion", DiscussionPageTag, "content_object_id", tags),
            *of("story", PartnerStoryPageTag, "content_object_id", tags),
        ],
        "countries": [
            *of(
                "discussion",
                DiscussionPost,
                "page_id",
                lambda queryset: countries_of(queryset.exclude(country=""), "page_id"),
            ),
            *of("country", CountryProfilePage, "pk", lambda q: countries_of(q, "pk")),
            *of("story", StoryPartner, "page_id", lambda q: countries_of(q, "page_id")),
        ],
        "years": [
            *of("discussion", DiscussionPage, "pk", years(ExtractYear("date"))),
            *of("topic", TopicPage, "pk", years(ExtractYear("date"))),
            *of("story", PartnerStoryPage, "pk", years(F("year"))),
        ],
    }
    return [(name, queryset) for name, querysets in groups.items() for queryset in querysets]


def facet_counts(matches):
    """Counts of the matches by type, topic, tag, country and year: from the search
    documents in one query where the backend keeps them, else from the matches' content
    types and at most 10 GROUP BYs (one per facet and page type that has matches)."""
    if documents.maintained():
        counts, _ids = documents.counts_and_page(
            SearchDocument.objects.filter(matches.condition("page_id"))
        )
        return facets_from_counts(counts)
    by_type = _ids_by_type(matches)
    rows = {"topics": [], "tags": [], "countries": [], "years": []}
    for name, queryset in _facet_querysets(matches, by_type):
        rows[name].extend(queryset)
    facets = Facets()
    facets.types = [
        FacetValue(t.key, str(t.label), len(by_type[t.key]))
        for t in RESULT_TYPES
        if t.key in by_type
    ]
    facets.topics = [
        FacetValue(str(row["topic_id"]), row["topic__title"], row["n"]) for row in rows["topics"]
    ]

    tag_counts, tag_labels = {}, {}
    for row in rows["tags"]:
        tag_counts[row["tag__slug"]] = tag_counts.get(row["tag__slug"], 0) + row["n"]
        tag_labels[row["tag__slug"]] = row["tag__name"]
    facets.tags = _top(tag_counts, tag_labels)

    country_counts = {}
    for row in rows["countries"]:
        code = str(row["country"])
        country_counts[code] = country_counts.get(code, 0) + row["n"]
    facets.countries = _top(country_counts, {code: countries.name(code) for code in country_counts})

    year_counts = {}
    for row in rows["years"]:
        year = int(row["result_year"])
        year_counts[year] = year_counts.get(year, 0) + row["n"]
    facets.years = [
        FacetValue(str(year), str(year), year_counts[year])
        for year in sorted(year_counts, reverse=True)
    ]
    return facets


def facets_from_counts(counts):
    """Facets from documents.counts_and_page counts (labels: one query each for the
    topics' titles and the tags' names)."""
    facets = Facets()
    type_counts = counts["type"]
    facets.types = [
        FacetValue(key, str(TYPES_BY_KEY[key].label), type_counts[str(pk)])
        for key, pk in content_type_ids().items()
        if str(pk) in type_counts
    ]
    if counts["topic"]:
        titles = dict(
            Page.objects.filter(pk__in=[int(pk) for pk in counts["topic"]]).values_list(
                "pk", "title"
            )
        )
        facets.topics = _top(
            {pk: n for pk, n in counts["topic"].items() if int(pk) in titles},
            {pk: titles[int(pk)] for pk in counts["topic"] if int(pk) in titles},
        )
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


@dataclass
class Hit:
    page: Page
    type_label: str
    date: datetime.date | int | None
    snippet: str


def result_date(page):
    if isinstance(page, DiscussionPage | TopicPage):
        return page.date
    if isinstance(page, PartnerStoryPage):
        return page.year
    moment = page.last_published_at or page.first_published_at
    return timezone.localdate(moment) if moment else None


def build_hits(pages, query):
    """Hits for one page of results: related text prefetched per page type (bounded)."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        lookups = related_lookups(model)
        if lookups:
            prefetch_related_objects(group, *lookups)
    singular = {t.model: t.singular for t in RESULT_TYPES}
    return [
        Hit(
            page=page,
            type_label=str(singular.get(type(page)) or capfirst(page._meta.verbose_name)),
            date=result_date(page),
            snippet=snippet(searchable_text(page) or page.title, query.words),
        )
        for page in pages
    ]


@dataclass
class SearchOutcome:
    params: SearchParams
    page_obj: object = None
    hits: list[Hit] = field(default_factory=list)
    facets: Facets = field(default_factory=Facets)
    promotions: list = field(default_factory=list)
    any_word: bool = False  # no page had every word: the commonest were dropped

    @property
    def total(self):
        return self.page_obj.paginator.count if self.page_obj else 0


def relax(query, count):
    """The query without its most common words, dropped one by one until something matches
    (`count(parsed_query)`: the number of pages with every word of it).

    Used when no page has every word: "library responses to floods" then finds the
    discussion about floods that never says "library". Ranking any-word matches instead
    would favour pages that repeat the commonest word (PostgreSQL's ts_rank has no IDF).
    Costs at most 2 x MAX_TERMS count queries, only on this path."""
    frequency = {term: count(ParsedQuery(term, (term,))) for term in query.terms}
    by_frequency = sorted(query.terms, key=lambda term: (-frequency[term], term))
    for n in range(1, len(by_frequency)):
        candidate = query.without(set(by_frequency[:n]))
        if count(candidate):
            return candidate
    found = [term for term in reversed(by_frequency) if frequency[term]]
    return query.without(set(query.terms) - {found[0]}) if found else query


def _page_of(results, number, count=None):
    paginator = Paginator(results, PER_PAGE)
    if count is not None:
        paginator.count = count  # known already: no COUNT query
    return paginator.get_page(min(number, paginator.num_pages))


class _OnePage:
    """The `count` results of a search of which one page, `ids`, was fetched already: what
    Paginator slices when the database returned that page with the counts."""

    def __init__(self, count, ids):
        self.count, self.ids = count, ids

    def __len__(self):
        return self.count

    def __getitem__(self, key):
        return self.ids


@dataclass
class Found:
    """What a search found, without the pages themselves (so that it can be cached)."""

    total: int
    page: int  # the page number shown (the last one if the asked one is past it)
    ids: list  # the ids of that page's results, in order
    facets: Facets
    any_word: bool = False


def run_search(params):
    outcome = SearchOutcome(params=params)
    if not params.query:
        return outcome
    found = results_cache.cached(params, lambda: find(params))
    outcome.page_obj = _page_of(_OnePage(found.total, found.ids), found.page, found.total)
    # Fetched live: a cached list never shows a page unpublished since.
    outcome.page_obj.object_list = pages_in_order(found.ids)
    outcome.hits = build_hits(outcome.page_obj.object_list, params.query)
    outcome.facets = found.facets
    outcome.any_word = found.any_word
    if params.page == 1 and not params.filters:
        outcome.promotions = promotions_for(params.query.text)
    return outcome


def find(params):
    if connection.vendor == "postgresql" and documents.maintained():
        return _find_in_documents(params)
    return _find_with_backend(params)


def _find_in_documents(params):
    """PostgreSQL: match, rank, count, facets and one page of results from the search
    documents in one statement (two when no page has every word, more to relax then)."""
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    backend = get_search_backend()
    configs = list(
        dict.fromkeys([backend.config_for_language(params.language), backend.fallback_config])
    )
    scope = documents.filtered(
        documents.scoped(params.language), params.filters, content_type_ids()
    )
    order = "rank" if params.sort == "relevance" else "date"
    weights = get_sql_weights()

    def run(query, any_word=False):
        tsquery = documents.text_query(query, configs)
        matched = documents.matching(scope, tsquery)
        if order == "rank":
            matched = documents.ranked(matched, tsquery, weights)
        page = params.page
        counts, ids = documents.counts_and_page(matched, order, (page - 1) * PER_PAGE, PER_PAGE)
        total = sum(counts["type"].values())
        if total and (page - 1) * PER_PAGE >= total:  # past the last page: show the last one
            page = (total - 1) // PER_PAGE + 1
            _counts, ids = documents.counts_and_page(
                matched, order, (page - 1) * PER_PAGE, PER_PAGE
            )
        facets = facets_from_counts(counts) if total else Facets()
        return Found(total, page, ids, facets, any_word)

    query = params.query
    found = run(query)
    if not found.total and len(query.terms) > 1:

        def count(candidate):
            return documents.matching(scope, documents.text_query(candidate, configs)).count()

        found = run(relax(query, count), any_word=True)
    return found


def _find_with_backend(params):
    """Other databases and search servers: the match through the Wagtail backend, then
    the count, the facets and the date sort over its list of matches."""
    query = params.query
    scope = apply_filters(search_scope(params.language), params.filters)

    ranked = params.sort == "relevance"
    results = scope.specific().search(query.search_query("and"))
    matches = matched_ids(results, ranked)
    any_word = False
    if len(query.terms) > 1 and not matches.ids:

        def count(candidate):
            return scope.search(candidate.search_query("and")).count()

        relaxed = relax(query, count)
        results = scope.specific().search(relaxed.search_query("and"))
        matches = matched_ids(results, ranked)
        any_word = True

    if params.sort == "date":
        results = (
            Page.objects.filter(matches.condition("id"))
            .annotate(
                result_date=Coalesce(
                    "discussionpage__date",
                    "topicpage__date",
                    TruncDate("first_published_at"),
                )
            )
            .order_by(F("result_date").desc(nulls_last=True), "-id")
            .values_list("id", flat=True)
        )
    elif matches.ranked:
        results = matches.ids
    count = len(matches.ids) if matches.complete else None
    page_obj = _page_of(results, params.page, count)
    ids = [getattr(item, "pk", item) for item in page_obj.object_list]
    total = page_obj.paginator.count
    facets = facet_counts(matches) if total else Facets()
    return Found(total, page_obj.number, ids, facets, any_word)


def promotions_for(query_text):
    """Editors' picks for the query: live pages or external links, in the editors' order."""
    picks = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query_text)
    ).select_related("page")
    return [pick for pick in picks if pick.page is None or pick.page.live]


def log_query(query_text):
    """Count one search for the popular searches (wagtail.contrib.search_promotions)."""
    Query.get(query_text).add_hit()


def _popular_cache_key():
    return "search:popular"


def popular_searches(limit=8):
    """The most searched queries of the last POPULAR_DAYS days (cached)."""
    popular = cache.get(_popular_cache_key())
    if popular is None:
        since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
        popular = [query.query_string for query in Query.get_most_popular(date_since=since)[:limit]]
        cache.set(_popular_cache_key(), popular, POPULAR_CACHE_SECONDS)
    return popular


def autocomplete_titles(raw, language, limit=8):
    """[(title, url)] of pages whose titles start with the typed words."""
    query = parse_query(raw)
    if not query:
        return []
    words = " ".join(query.terms + tuple(w for phrase in query.phrases for w in phrase))
    pages = search_scope(language).autocomplete(words)[:limit]
    return [(page.title, page.url) for page in pages]
