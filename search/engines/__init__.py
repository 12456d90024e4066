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

Every engine requires every word; when no page has them all, the commonest words are
dropped (`relax`) and the search runs again, marked `any_word`.
"""

from dataclasses import dataclass, replace

from wagtail.search.backends import get_search_backend

from ..facets import Facets
from ..query import ParsedQuery

PER_PAGE = 10


@dataclass
class Found:
    """What a search found, without the pages themselves (so that it can be cached)."""

    total: int
    page: int  # the page number shown (the last one if the asked one is past it)
    ids: list  # the ids of that page's results, in order
    facets: Facets
    any_word: bool = False


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
    frequency = {term: count(ParsedQuery(term, (term,))) for term in query.terms}
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
        found = self.run(scope, params, params.query)
        if not found.total and len(params.query.terms) > 1:
            relaxed = relax(params.query, lambda query: self.count(scope, query))
            found = replace(self.run(scope, params, relaxed), any_word=True)
        return found

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
