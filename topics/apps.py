from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "topics"
    verbose_name = "Topics and discussions"

    def ready(self):
        from core import page_cache

        from .importer import discussions_imported

        # An import writes pages in bulk (no per-page signals): the page cache starts anew
        # once, when it is done.
        discussions_imported.connect(page_cache.content_changed, dispatch_uid="page-cache-import")
