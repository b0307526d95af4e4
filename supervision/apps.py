from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "supervision"

    def ready(self):
        # The child's record shows case discussions without `cases` importing this app.
        from cases import timeline, worklist

        from .timeline import case_discussions
        from .worklist import induction_for_manager

        timeline.register(case_discussions)
        # A manager's joiners with their induction open are on the manager's "needs you".
        worklist.register_for_manager(induction_for_manager)
