"""PostgreSQL: each page is indexed with the text search configuration of its locale
(french, spanish, arabic…), and a query in the visitor's language is also matched in
English, because discussions and stories exist only in English. The index also writes the
search documents, with each page's weighted text vector."""

from collections import defaultdict
from contextlib import contextmanager

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from modelsearch.backends.database.postgres import postgres
from wagtail.models import Locale

from .. import documents
from ..engines.postgres import DocumentsEngine
from .base import KeepsDocuments

DEFAULT_LANGUAGE_CONFIGS = {"en": "english", "fr": "french", "es": "spanish", "ar": "arabic"}


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
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    def build_tsquery(self, query, config=None):
        tsquery = super().build_tsquery(query, config=config)
        fallback = self.fallback_config
        if config and fallback and config != fallback:
            # English-only content is indexed in English: match it too.
            tsquery = tsquery | super().build_tsquery(query, config=fallback)
        return tsquery


class LocalisedPostgresSearchBackend(postgres.PostgresSearchBackend):
    keeps_search_documents = True
    search_engine = DocumentsEngine
    query_compiler_class = LocalisedQueryCompiler
    index_class = LocalisedIndex

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = {**DEFAULT_LANGUAGE_CONFIGS, **params.get("LANGUAGE_CONFIGS", {})}
        self.fallback_language = settings.LANGUAGE_CODE
        self.config = self.config or self.language_configs.get(self.fallback_language, "simple")
        self.fallback_config = self.config
        self._locale_languages = None

    def config_for_language(self, language_code):
        code = (language_code or "").split("-")[0]
        return self.language_configs.get(code, self.fallback_config)

    def config_for_object(self, obj):
        if self._locale_languages is None:
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
