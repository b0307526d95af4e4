from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "audits"

    def ready(self):
        # The child's record and the manager's worklist show audits without `cases` importing this app.
        from cases import timeline, worklist

        from .timeline import case_file_audits
        from .worklist import reviewing_officer_to_tell

        timeline.register(case_file_audits)
        worklist.register_for_manager(reviewing_officer_to_tell)
