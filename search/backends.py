"""The portal's database search backend: Wagtail's (modelsearch) database backends, tuned.

WAGTAILSEARCH_BACKENDS points at this module; `SearchBackend(params)` picks the class for the
default database, like `wagtail.search.backends.database` does, with two adjustments:

* SQLite (FTS5): the FTS table uses the Porter stemmer (see migration 0001 of this app), and
  results are ranked with bm25 column weights, so matches in titles and in strongly boosted
  fields (tags) outrank matches in body text. Stock modelsearch ranks every column alike.
* PostgreSQL: each page is indexed with the text search configuration of its locale
  (french, spanish, arabic…), and a query in the visitor's language is also matched in
  English, because discussions and stories exist only in English.

Both also keep the search documents (search.documents) in step with the index.
Anything else (MySQL, SQLite without FTS5) gets Wagtail's stock database backend.
"""

from collections import defaultdict
from contextlib import contextmanager
from functools import cache

from django.conf import settings
from django.db import connection
from django.db.models import Func, Q, TextField
from django.db.models.fields import FloatField
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.functional import cached_property
from modelsearch.backends.database import SearchBackend as stock_database_backend
from modelsearch.index import SearchField

from . import documents
from .models import SearchDocument

# Fields boosted at least this much are ranked like the title on SQLite (tags: boost=3).
TITLE_LIKE_BOOST = 3
# bm25 weights of the FTS5 columns, in table order: autocomplete, body, title.
SQLITE_COLUMN_WEIGHTS = (0.0, 1.0, 8.0)

DEFAULT_LANGUAGE_CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "ar": "arabic"}


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


class KeepsDocuments:
    """Index mixin: a page's search document goes with its index entry (search.documents);
    add_items writes them."""

    def delete_item(self, item):
        super().delete_item(item)
        documents.remove(item)

    def reset(self):
        super().reset()
        SearchDocument.objects.all().delete()


def SearchBackend(params):  # noqa: N802 (the factory name Wagtail looks up)
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    if connection.vendor == "sqlite" and fts5_status()[0]:
        return _sqlite_backend_class()(params)
    return stock_database_backend(params)


@cache  # one class per process (imported lazily: each needs its database's modules)
def _sqlite_backend_class():
    from modelsearch.backends.database.sqlite import sqlite

    class WeightedBM25(Func):
        output_field = FloatField()

        def as_sql(self, compiler, connection, **extra_context):
            table = sqlite.SQLiteFTSIndexEntry._meta.db_table
            weights = ", ".join(str(weight) for weight in SQLITE_COLUMN_WEIGHTS)
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
            in_scope = (
                self.queryset.order_by().annotate(_oid=Cast("pk", TextField())).values("_oid")
            )
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
            return None if ranked is None else [int(pk) for pk in ranked]

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
            indexed = set(
                entries.filter(object_id__in=rows.keys()).values_list("object_id", flat=True)
            )
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
        query_compiler_class = WeightedQueryCompiler
        autocomplete_query_compiler_class = RankedAutocompleteCompiler
        index_class = WeightedIndex
        results_class = RankedResults

    return WeightedSQLiteSearchBackend


@cache
def _postgres_backend_class():
    from modelsearch.backends.database.postgres import postgres

    class LocalisedIndex(KeepsDocuments, postgres.PostgresIndex):
        def add_items(self, model, objs):
            by_config = defaultdict(list)
            for obj in objs:
                by_config[self.backend.config_for_object(obj)].append(obj)
            for config, group in by_config.items():
                with self.backend.indexing_config(config):
                    super().add_items(model, group)
            if model.get_search_fields():
                page_ids = documents.sync(objs)
                documents.copy_vectors(postgres.get_content_type_pk(model), page_ids)

    class LocalisedQueryCompiler(postgres.PostgresSearchQueryCompiler):
        fallback_config = None

        def get_config(self, backend):
            self.fallback_config = backend.fallback_config
            return backend.config_for_language(translation.get_language())

        def search(self, config, start, stop, score_field=None, backend=None):
            # The stock compiler matches `title || body`, an expression no index covers,
            # so every search reads every index entry. Matching each column lets
            # PostgreSQL use their GIN indexes.
            if self.fields is not None or isinstance(
                self.query, postgres.MatchAll | postgres.Not | postgres.Fuzzy
            ):
                return super().search(config, start, stop, score_field, backend)
            search_query = self.build_tsquery(self.query, config=config)
            vectors = self.get_search_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
            queryset = self.queryset.filter(
                Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
            )
            return self._apply_ordering_and_scoring(
                queryset, rank_expression, start, stop, score_field
            )

        def build_tsquery(self, query, config=None):
            tsquery = super().build_tsquery(query, config=config)
            fallback = self.fallback_config
            if config and fallback and config != fallback:
                # English-only content is indexed in English: match it too.
                tsquery = tsquery | super().build_tsquery(query, config=fallback)
            return tsquery

    class LocalisedPostgresSearchBackend(postgres.PostgresSearchBackend):
        keeps_search_documents = True
        query_compiler_class = LocalisedQueryCompiler
        index_class = LocalisedIndex

        def __init__(self, params):
            super().__init__(params)
            self.language_configs = {
                **DEFAULT_LANGUAGE_CONFIGS,
                **params.get("LANGUAGE_CONFIGS", {}),
            }
            self.fallback_language = settings.LANGUAGE_CODE
            self.config = self.config or self.language_configs.get(self.fallback_language, "simple")
            self.fallback_config = self.config
            self._locale_languages = None

        def config_for_language(self, language_code):
            code = (language_code or "").split("-")[0]
            return self.language_configs.get(code, self.fallback_config)

        def config_for_object(self, obj):
            if self._locale_languages is None:
                from wagtail.models import Locale

                self._locale_languages = dict(Locale.objects.values_list("pk", "language_code"))
            language = self._locale_languages.get(getattr(obj, "locale_id", None))
            return self.config_for_language(language or self.fallback_language)

        @contextmanager
        def indexing_config(self, config):
            stock, self.config = self.config, config
            try:
                yield
            finally:
                self.config = stock

    return LocalisedPostgresSearchBackend
