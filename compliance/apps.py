from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "compliance"

    def ready(self):
        # Flags on the child's record, and a sweep queued when a record a rule reads is saved,
        # without any other app importing this one.
        from cases import timeline

        from . import queueing, review_evidence, worklist  # noqa: F401 (worklist registers the home's due dates)
        from .timeline import open_flags

        timeline.register(open_flags)
        queueing.connect()
        review_evidence.register_all()
