from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "audits"

    def ready(self):
        # The child's record shows completed audits without `cases` importing this app.
        from cases import timeline

        from .timeline import case_file_audits

        timeline.register(case_file_audits)
