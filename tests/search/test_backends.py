"""Backend selection and configuration (no OpenSearch cluster here: the wiring only)."""

import importlib

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

import portal.settings.base as base_settings
from search.backends import SearchBackend
from search.checks import FTS5_MISSING, check_sqlite_fts5


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
    from search.backends import _postgres_backend_class

    backend = _postgres_backend_class()(
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
def test_search_backend_factory_is_what_settings_use():
    assert type(SearchBackend({})) is type(get_search_backend())
