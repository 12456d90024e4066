"""SQLite: Wagtail's FTS5 backend with the Porter stemmer (migration 0001 of this app) and
bm25 column weights, so that matches in titles and in strongly boosted fields (tags)
outrank matches in body text (stock modelsearch ranks every column alike); matches are
ranked in one FTS pass. The index also writes the search documents."""

from django.db import connection
from django.db.models import Func, TextField
from django.db.models.fields import FloatField
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.index import SearchField

from .. import documents
from ..engines.sqlite import FTSEngine
from .base import KeepsDocuments

# Fields boosted at least this much are ranked like the title (tags: boost=3).
TITLE_LIKE_BOOST = 3
# bm25 weights of the FTS5 columns, in table order: autocomplete, body, title.
COLUMN_WEIGHTS = (0.0, 1.0, 8.0)


def fts5_status():
    """(available, message): whether this SQLite can do full-text search with FTS5."""
    from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

    if connection.vendor != "sqlite":
        return True, "Not using SQLite."
    if not fts5_available():
        return False, "This SQLite library was built without FTS5."
    if not fts_table_exists():
        return False, "The FTS5 search table is missing: run `manage.py migrate`."
    return True, "SQLite FTS5 is available."


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        table = sqlite.SQLiteFTSIndexEntry._meta.db_table
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({table}, {weights})", []


class TitleBoostIndexer(sqlite.ObjectIndexer):
    """Puts strongly boosted fields (tags) in the FTS title column with the title."""

    def _texts(self, in_title):
        texts = []
        for field in self.search_fields:
            for current, value in self.prepare_field(self.obj, field):
                if not isinstance(current, SearchField):
                    continue
                title_like = current.field_name == "title" or (
                    (current.boost or 1) >= TITLE_LIKE_BOOST
                )
                if title_like == in_title:
                    texts.append(value)
        return " ".join(texts)

    @cached_property
    def title(self):
        return self._texts(in_title=True)

    @cached_property
    def body(self):
        return self._texts(in_title=False)


class RankedIdsMixin:
    def ranked_object_ids(self):
        """Ids of the matches within the queryset, best first, from one FTS pass.

        The stock compiler orders pages by a correlated subquery that runs the FTS
        match again for every matching page: a second for 1,000 matches."""
        query = sqlite.normalize(self.query)
        if isinstance(query, sqlite.MatchAll | sqlite.Not):
            return None
        match = sqlite.MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query)
        )
        in_scope = self.queryset.order_by().annotate(_oid=Cast("pk", TextField())).values("_oid")
        return (
            sqlite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=sqlite.get_descendants_content_types_pks(
                    self.queryset.model
                ),
                index_entry__object_id__in=in_scope,
            )
            .annotate(score=self._build_rank_expression(None, None))
            .order_by("score", "-index_entry_id")
            .values_list("index_entry__object_id", flat=True)
        )


class WeightedQueryCompiler(RankedIdsMixin, sqlite.SQLiteSearchQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        # bm25() scores the whole MATCH expression at once, whatever the query's
        # structure; lower is better, as the stock compiler expects.
        return WeightedBM25()


class RankedAutocompleteCompiler(RankedIdsMixin, sqlite.SQLiteAutocompleteQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        return sqlite.BM25()


class RankedResults(sqlite.SQLiteSearchResults):
    def _ranked(self):
        compiler = self.query_compiler
        if compiler.order_by_relevance and self._score_field is None:
            return compiler.ranked_object_ids()
        return None

    def ranked_ids(self):
        """Every match's id, best first, from one FTS pass (None if not ranked)."""
        ranked = self._ranked()
        return None if ranked is None else list(dict.fromkeys(int(pk) for pk in ranked))

    def _do_search(self):
        compiler = self.query_compiler
        ranked = self._ranked()
        if ranked is None:
            return super()._do_search()
        pks = [int(pk) for pk in ranked[self.start : self.stop]]
        pages = compiler.queryset.filter(pk__in=pks).in_bulk() if pks else {}
        return [pages[pk] for pk in pks if pk in pages]


class WeightedIndex(KeepsDocuments, sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        # As SQLiteIndex.add_items, with TitleBoostIndexer and one UPDATE per changed row.
        if not model.get_search_fields():
            return
        content_type_pk = sqlite.get_content_type_pk(model)
        rows = {}
        for obj in objs:
            indexer = TitleBoostIndexer(obj, self.backend)
            rows[indexer.id] = {
                "title": indexer.title,
                "autocomplete": indexer.autocomplete,
                "body": indexer.body,
            }
        if not rows:
            return
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed = set(entries.filter(object_id__in=rows.keys()).values_list("object_id", flat=True))
        for object_id in indexed:
            entries.filter(object_id=object_id).update(**rows[object_id])
        self.entries.bulk_create(
            [
                sqlite.IndexEntry(content_type_id=content_type_pk, object_id=object_id, **row)
                for object_id, row in rows.items()
                if object_id not in indexed
            ],
            batch_size=500,
        )
        self._refresh_title_norms()
        documents.sync(objs)


class WeightedSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    keeps_search_documents = True
    search_engine = FTSEngine
    query_compiler_class = WeightedQueryCompiler
    autocomplete_query_compiler_class = RankedAutocompleteCompiler
    index_class = WeightedIndex
    results_class = RankedResults
