from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from . import checks, signals  # noqa: F401 (checks registers the FTS5 check)

        signals.connect()
