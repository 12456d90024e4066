from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site-wide settings and texts"

    def ready(self):
        from . import page_cache

        page_cache.connect()
