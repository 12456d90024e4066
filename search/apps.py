from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from . import checks, documents, signals  # noqa: F401 (checks registers the FTS5 check)

        signals.connect()
        post_migrate.connect(documents.fill_if_empty, sender=self)
