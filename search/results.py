"""What the search page and the autocomplete show, for SearchParams (no request needed):
`run_search(params)` -> SearchOutcome.

A search's engine (search.engines) finds the count, the facets and the ids of one page
of results; that is cached until the content changes (search.results_cache). The pages
themselves are always fetched fresh, then made into hits: type, date and a snippet.
"""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page as PageOfResults
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from wagtail.models import Page

from core.localization import locale_code

from . import engines, registry, results_cache, spelling
from .facets import Facets
from .promotions import promotions_for
from .query import SearchParams
from .snippets import snippet, snippet_text


@dataclass
class Hit:
    page: Page
    type_label: str
    date: datetime.date | int | None
    snippet: str


@dataclass
class SearchOutcome:
    params: SearchParams
    page_obj: PageOfResults | None = None
    hits: list[Hit] = field(default_factory=list)
    facets: Facets = field(default_factory=Facets)
    promotions: list = field(default_factory=list)
    any_word: bool = False  # no page had every word: the commonest were dropped
    correction: engines.Correction | None = None  # shown instead, or offered
    approximate: bool = False  # the total is an estimate; facets count the top matches

    @property
    def total(self):
        return self.page_obj.paginator.count if self.page_obj else 0

    @property
    def rounded_total(self):
        """An estimated total to three significant figures (73,370 -> 73,400); an exact one
        as it is."""
        total = self.total
        if self.approximate and total >= 1000:
            return round(total, 3 - len(str(total)))
        return total


def pages_in_order(ids):
    """The specific live pages of `ids`, in that order (one query per page type)."""
    pages = Page.objects.live().filter(pk__in=ids).specific().in_bulk()
    return [pages[pk] for pk in ids if pk in pages]


def build_hits(pages, words):
    """Hits for one page of results, their snippets marking `words`: related text
    prefetched per page type (bounded)."""
    for searchable in registry.TYPES:
        of_type = [page for page in pages if type(page) is searchable.model]
        if of_type and searchable.prefetch:
            prefetch_related_objects(of_type, *searchable.prefetch)
    return [
        Hit(
            page=page,
            type_label=str(registry.type_of(page).singular),
            date=registry.type_of(page).shown_date(page),
            snippet=snippet(snippet_text(page) or page.title, words, locale_code(page.locale_id)),
        )
        for page in pages
    ]


def run_search(params):
    outcome = SearchOutcome(params=params)
    if not params.query:
        return outcome
    found = results_cache.cached(params, lambda: engines.find(params))
    paginator = Paginator(range(found.total), engines.PER_PAGE)
    # Fetched live: a cached list never shows a page unpublished since.
    outcome.page_obj = PageOfResults(pages_in_order(found.ids), found.page, paginator)
    # The words typed, and those searched for them (corrections, variants, synonyms).
    words = params.query.words + (found.searched.words if found.searched else ())
    outcome.hits = build_hits(outcome.page_obj.object_list, tuple(dict.fromkeys(words)))
    outcome.facets = found.facets
    outcome.any_word = found.any_word
    outcome.correction = found.correction
    outcome.approximate = found.approximate
    if params.page == 1 and not params.filters:
        outcome.promotions = promotions_for(params.query.text)
        if not outcome.promotions and found.correction and found.correction.applied:
            outcome.promotions = promotions_for(found.correction.query.text)
    return outcome


def autocomplete_titles(query, language, limit=8):
    """[(title, url)] of pages in scope whose titles have words starting with the words of
    `query` (a ParsedQuery); when none do, with its misspelt words corrected."""
    if not query:
        return []
    engine = engines.get_engine()
    titles = engine.autocomplete(query.typed_words, language, limit)
    if not titles:
        suggestion = spelling.suggest(query, language)
        if suggestion:
            titles = engine.autocomplete(suggestion.query.typed_words, language, limit)
    return titles
