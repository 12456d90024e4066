from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    name = "programme"
    verbose_name = "Programme rounds and partnerships"

    def ready(self):
        from . import data_rights, panels  # noqa: F401 (register with the members app)
