from django.apps import AppConfig


class TraceabilityConfig(AppConfig):
    name = "traceability"
    verbose_name = "Traceability and security"

    def ready(self):
        from . import signals

        signals.connect()
