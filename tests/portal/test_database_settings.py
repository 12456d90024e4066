"""Database and cache settings as they are built from the environment: SQLite in WAL with a
busy timeout, PostgreSQL connections kept (production) and checked, with a short connect
timeout, Redis errors never raised."""

import os
import runpy
from unittest import mock

from tests.production_settings import production_values


def base_values(**env):
    """portal.settings.base executed afresh under `env`."""
    environ = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    environ.update(env)
    with mock.patch.dict(os.environ, environ, clear=True):
        return runpy.run_module("portal.settings.base")


def test_sqlite_runs_in_wal_with_a_busy_timeout_and_immediate_transactions(tmp_path):
    database = base_values(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")["DATABASES"][
        "default"
    ]
    assert "PRAGMA journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database["OPTIONS"]["timeout"] >= 10
    assert database["CONN_HEALTH_CHECKS"] is True


def test_postgresql_connections_are_checked_and_give_up_connecting_quickly():
    database = base_values(DATABASE_URL="postgres://iln@db.internal:5432/iln")["DATABASES"][
        "default"
    ]
    assert database["CONN_HEALTH_CHECKS"] is True
    assert 0 < database["OPTIONS"]["connect_timeout"] <= 5
    assert "init_command" not in database["OPTIONS"]


def test_production_keeps_connections_unless_told_otherwise():
    assert production_values()["DATABASES"]["default"]["CONN_MAX_AGE"] == 60
    told = production_values(DATABASE_CONN_MAX_AGE="0")["DATABASES"]["default"]
    assert told["CONN_MAX_AGE"] != 60  # base.py's value from the variable


def test_redis_errors_are_logged_not_raised():
    values = base_values(REDIS_URL="redis://cache.internal:6379/0")
    cache = values["CACHES"]["default"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 1
    assert values["DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS"] is True
    assert values["PAGE_CACHE_SECONDS"] > 0
