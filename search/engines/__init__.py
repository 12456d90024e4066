"""Search engines: one interface, `find(params)`, with an implementation per backend.

    Engine(backend).find(params) -> Found(total, page, ids, facets, any_word)

- search.engines.postgres.DocumentsEngine: PostgreSQL; the match, ranking, count, facets
  and the page of result ids in one statement over the search documents.
- search.engines.sqlite.FTSEngine: SQLite; FTS5 finds and ranks every match (one pass),
  then one statement over the matches' documents counts them and sorts by date.
- search.engines.server.ServerEngine: search servers (Elasticsearch, OpenSearch) and
  Wagtail's stock database backends; the top matches, then GROUP BYs over their pages.

The engine is chosen by the class of the configured Wagtail search backend: the backends of
search.backends name theirs (`search_engine`), any other backend gets ServerEngine.

Every engine requires every word, or one of its alternatives (other spellings, editors'
synonyms: search.expansion); when no page has them all, the commonest words are dropped
(`relax`) and the search runs again, marked `any_word`.

Spelling (search.spelling): when a word of the query looks misspelt, the corrected query
is run too if the query as typed finds nothing, or counted if it found little; its results
are shown instead ("Showing results for …") when a typed word is unknown to the index and
the corrected query finds far more, else the correction is only offered ("Did you mean
…?"). `params.verbatim` turns this off ("Search instead for …").
"""

from dataclasses import dataclass, replace

from wagtail.search.backends import get_search_backend

from .. import expansion, spelling
from ..facets import Facets
from ..query import ParsedQuery

PER_PAGE = 10
# The corrected query's results replace those of the query as typed when they are at
# least this many times as many (and a typed word is unknown to the index).
FAR_MORE = 10


@dataclass(frozen=True)
class Correction:
    query: ParsedQuery  # the corrected query
    applied: bool  # the results are the corrected query's; else only offered


@dataclass
class Found:
    """What a search found, without the pages themselves (so that it can be cached)."""

    total: int
    page: int  # the page number shown (the last one if the asked one is past it)
    ids: list  # the ids of that page's results, in order
    facets: Facets
    any_word: bool = False
    approximate: bool = False  # `total` is an estimate; facets count the top matches
    correction: Correction | None = None
    searched: ParsedQuery | None = None  # the query run, alternatives included


def page_number(asked, total):
    """The page to show: the one asked for, or the last one if it is past the end."""
    return max(1, min(asked, (total - 1) // PER_PAGE + 1))


def offset(page):
    return (page - 1) * PER_PAGE


def relax(query, count):
    """The query without its most common words, dropped one by one until something matches
    (`count(parsed_query)`: the number of pages with every word of it).

    Used when no page has every word: "library responses to floods" then finds the
    discussion about floods that never says "library". Ranking any-word matches instead
    would favour pages that repeat the commonest word (PostgreSQL's ts_rank has no IDF).
    Costs at most 2 x MAX_TERMS count queries, only on this path."""
    frequency = {term: count(query.only(term)) for term in query.terms}
    by_frequency = sorted(query.terms, key=lambda term: (-frequency[term], term))
    for n in range(1, len(by_frequency)):
        candidate = query.without(set(by_frequency[:n]))
        if count(candidate):
            return candidate
    found = [term for term in reversed(by_frequency) if frequency[term]]
    return query.without(set(query.terms) - {found[0]}) if found else query


class Engine:
    """Finds what a search matches. Subclasses say what a search looks through (`scope`),
    how many pages have every word of a query (`count`) and what one query finds (`run`)."""

    def __init__(self, backend):
        self.backend = backend

    def find(self, params):
        scope = self.scope(params)
        language = params.language
        searched = expansion.expand(params.query, language)
        found = self.run(scope, params, searched)
        suggestion = None if params.verbatim else spelling.suggest(params.query, language, searched)
        correction = None
        if suggestion:
            fixed = expansion.expand(suggestion.query, language)
            if suggestion.unknown and not found.total:
                better = self.run(scope, params, fixed)
                if better.total:
                    found, searched = better, fixed
                    correction = Correction(suggestion.query, applied=True)
                elif len(fixed.terms) > 1:  # relaxed below, as corrected
                    searched = fixed
                    correction = Correction(suggestion.query, applied=True)
            else:
                more = self.count(scope, fixed)
                if suggestion.unknown and more >= FAR_MORE * found.total:
                    found, searched = self.run(scope, params, fixed), fixed
                    correction = Correction(suggestion.query, applied=True)
                elif more > found.total:
                    correction = Correction(suggestion.query, applied=False)
        if not found.total and len(searched.terms) > 1:
            relaxed = relax(searched, lambda query: self.count(scope, query))
            found = replace(self.run(scope, params, relaxed), any_word=True)
            searched = relaxed
        if correction and correction.applied and not found.total:
            correction = None
        return replace(found, correction=correction, searched=searched)

    def autocomplete(self, words, language, limit):
        """[(title, url)] of up to `limit` pages in scope whose titles have words starting
        with each of `words` (the backend's autocomplete index)."""
        from .. import scope

        pages = scope.pages(language).autocomplete(" ".join(words))[:limit]
        return [(page.title, page.url) for page in pages]

    def scope(self, params):
        raise NotImplementedError

    def count(self, scope, query):
        raise NotImplementedError

    def run(self, scope, params, query):
        raise NotImplementedError


def get_engine(backend=None):
    """The engine of a Wagtail search backend (the default one if not given)."""
    from .server import ServerEngine

    backend = backend or get_search_backend()
    return getattr(type(backend), "search_engine", ServerEngine)(backend)


def find(params):
    return get_engine().find(params)
