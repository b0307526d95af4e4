from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "supervision"

    def ready(self):
        # The child's record shows case discussions without `cases` importing this app.
        from cases import timeline

        from .timeline import case_discussions

        timeline.register(case_discussions)
