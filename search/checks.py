"""System check: say clearly when SQLite cannot do full-text search (FTS5 missing)."""

from django.core import checks
from django.db import connection

FTS5_MISSING = checks.Warning(
    "Full-text search is unavailable: this Python's SQLite library was built without FTS5.",
    hint=(
        "Search falls back to slow substring matching without ranking or stemming. Use a "
        "Python whose SQLite has FTS5 (most builds do), or PostgreSQL (DATABASE_URL)."
    ),
    id="search.W001",
)


@checks.register()
def check_sqlite_fts5(app_configs, **kwargs):
    # fts5_available() probes an in-memory database: no access to the project's database.
    from modelsearch.backends.database.sqlite.utils import fts5_available

    if connection.vendor == "sqlite" and not fts5_available():
        return [FTS5_MISSING]
    return []
