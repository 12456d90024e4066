"""The portal's database search backends: Wagtail's (modelsearch) database backends, tuned.

WAGTAILSEARCH_BACKENDS points at this package ("search.backends"); Wagtail calls its
`SearchBackend(params)`, which picks the class for the default database, as
`wagtail.search.backends.database` does:

* SQLite with FTS5: search.backends.sqlite.WeightedSQLiteSearchBackend (Porter stemming,
  titles and tags ranked above body text);
* PostgreSQL: search.backends.postgres.LocalisedPostgresSearchBackend (a text search
  configuration per locale; English matched too);
* anything else (MySQL, SQLite without FTS5): Wagtail's stock database backend.

Both of ours keep the search documents (search.documents) in step with the index, and name
the engine that runs the search page over them (`search_engine`, see search.engines).
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as stock_database_backend


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up)
    if connection.vendor == "postgresql":
        from .postgres import LocalisedPostgresSearchBackend

        return LocalisedPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import WeightedSQLiteSearchBackend, fts5_status

        if fts5_status()[0]:
            return WeightedSQLiteSearchBackend(params)
    return stock_database_backend(params)
