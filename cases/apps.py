from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"

    def ready(self):
        from . import timeline
        from .record_timeline import SOURCES

        for source in SOURCES:
            timeline.register(source)
