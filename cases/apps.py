from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _register_sqlite_fold(sender, connection, **kwargs):
    """SQLite has no unaccent: give it the search's fold function in Python (PostgreSQL's is in SQL)."""
    if connection.vendor == "sqlite":
        from .search import fold

        connection.connection.create_function("oversight_fold", 1, fold, deterministic=True)


class CasesConfig(AppConfig):
    name = "cases"

    def ready(self):
        from . import timeline, worklist
        from .record_timeline import SOURCES

        connection_created.connect(_register_sqlite_fold, dispatch_uid="cases_sqlite_fold")
        for source in SOURCES:
            timeline.register(source)
        worklist.register(worklist.allocations_to_acknowledge)
