"""PostgreSQL: a search is one statement over the search documents (search.documents),
which hold each page's text vector in its language: the match, the ranking, the count,
every facet and the page of result ids (two statements when the asked page is past the
end; more, to count single words, when no page has every word)."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F
from modelsearch.backends.database.postgres.weights import get_sql_weights

from .. import documents, facets, scope
from . import PER_PAGE, Engine, Found, offset, page_number


def text_query(query, configs):
    """A tsquery for a ParsedQuery in each of `configs` (OR-ed): every term and phrase."""
    combined = None
    for config in configs:
        parts = [
            SearchQuery(" ".join(phrase), search_type="phrase", config=config)
            for phrase in query.phrases
        ]
        if query.terms:
            parts.append(SearchQuery(" ".join(query.terms), search_type="plain", config=config))
        in_config = parts[0]
        for part in parts[1:]:
            in_config &= part
        combined = in_config if combined is None else combined | in_config
    return combined


class DocumentsEngine(Engine):
    def scope(self, params):
        """(documents in scope, text search configurations): the visitor's language's and
        the fallback (English, in which English-only content is indexed)."""
        language = self.backend.config_for_language(params.language)
        configs = list(dict.fromkeys([language, self.backend.fallback_config]))
        return scope.documents(params.language, params.filters), configs

    def count(self, scope, query):
        in_scope, configs = scope
        return in_scope.filter(vector=text_query(query, configs)).count()

    def run(self, scope, params, query):
        in_scope, configs = scope
        tsquery = text_query(query, configs)
        matched = in_scope.filter(vector=tsquery)
        order = "rank" if params.sort == "relevance" else "date"
        if order == "rank":
            weights = get_sql_weights()
            matched = matched.annotate(rank=SearchRank(F("vector"), tsquery, weights=weights))
        counts, ids = documents.counts_and_page(matched, order, offset(params.page), PER_PAGE)
        total = sum(counts["type"].values())
        page = page_number(params.page, total)
        if total and page != params.page:  # past the last page: show the last one
            _counts, ids = documents.counts_and_page(matched, order, offset(page), PER_PAGE)
        return Found(total, page, ids, facets.from_counts(counts))
