"""Backend selection and configuration (no OpenSearch cluster here: the wiring only)."""

import importlib

import pytest
from django.db import connection
from modelsearch.backends.database.fallback import DatabaseSearchBackend
from wagtail.search.backends import get_search_backend

import portal.settings.base as base_settings
from search import backends, engines
from search.backends.postgres import LocalisedPostgresSearchBackend
from search.checks import FTS5_MISSING, check_sqlite_fts5
from search.engines.postgres import DocumentsEngine
from search.engines.server import ServerEngine
from search.engines.sqlite import FTSEngine


@pytest.fixture
def reload_settings(monkeypatch):
    def reload(**environ):
        for name in ("SEARCH_URL", "SEARCH_BACKEND", "SEARCH_INDEX"):
            monkeypatch.delenv(name, raising=False)
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        return importlib.reload(base_settings).WAGTAILSEARCH_BACKENDS["default"]

    yield reload
    monkeypatch.undo()
    importlib.reload(base_settings)


def test_database_backend_by_default(reload_settings):
    assert reload_settings()["BACKEND"] == "search.backends"


def test_search_url_selects_elasticsearch_or_opensearch(reload_settings):
    elastic = reload_settings(SEARCH_URL="https://search.example.org:9200")
    opensearch = reload_settings(
        SEARCH_URL="https://search.example.org:9200",
        SEARCH_BACKEND="wagtail.search.backends.opensearch2",
        SEARCH_INDEX="iln_staging",
    )

    assert elastic["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert elastic["URLS"] == ["https://search.example.org:9200"]
    assert elastic["INDEX"] == "iln_portal"
    assert opensearch["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert opensearch["INDEX"] == "iln_staging"


@pytest.mark.django_db
def test_default_backend_matches_the_database():
    backend = get_search_backend()

    expected = {
        "sqlite": "WeightedSQLiteSearchBackend",
        "postgresql": "LocalisedPostgresSearchBackend",
    }
    assert type(backend).__name__ == expected[connection.vendor]


def test_postgres_configuration_per_locale():
    backend = LocalisedPostgresSearchBackend(
        {"SEARCH_CONFIG": "english", "LANGUAGE_CONFIGS": {"ar": "simple"}}
    )

    assert backend.config_for_language("fr") == "french"
    assert backend.config_for_language("es-mx") == "spanish"
    assert backend.config_for_language("ar") == "simple"
    assert backend.config_for_language("xx") == "english"


def test_fts5_check_warns_when_missing(monkeypatch):
    from modelsearch.backends.database.sqlite import utils

    monkeypatch.setattr(connection, "vendor", "sqlite")
    monkeypatch.setattr(utils, "fts5_available", lambda: False)
    assert check_sqlite_fts5(None) == [FTS5_MISSING]

    monkeypatch.setattr(utils, "fts5_available", lambda: True)
    assert check_sqlite_fts5(None) == []


@pytest.mark.django_db
def test_other_databases_get_the_stock_backend_and_the_server_engine(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "oracle")

    backend = backends.SearchBackend({})

    assert type(backend) is DatabaseSearchBackend
    assert type(engines.get_engine(backend)) is ServerEngine


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 backend needs SQLite")
@pytest.mark.django_db
def test_sqlite_without_fts5_gets_the_stock_backend(monkeypatch):
    from search.backends import sqlite

    assert type(backends.SearchBackend({})) is sqlite.WeightedSQLiteSearchBackend
    monkeypatch.setattr(sqlite, "fts5_status", lambda: (False, "no FTS5"))
    monkeypatch.setattr("modelsearch.backends.database.USE_SQLITE_FTS", False)

    assert type(backends.SearchBackend({})) is DatabaseSearchBackend


@pytest.mark.django_db
def test_each_backend_has_its_engine():
    expected = {"sqlite": FTSEngine, "postgresql": DocumentsEngine}

    assert type(engines.get_engine()) is expected[connection.vendor]
    assert type(engines.get_engine(LocalisedPostgresSearchBackend({}))) is DocumentsEngine
