"""Least privilege in the database: the application connects as a role that cannot rewrite the trail.

Migrations run as the owner role (it owns every table). The application's role may read and write
the records, but on the history, access-log and disposal tables it may only read and add rows: no
UPDATE, DELETE or TRUNCATE, and no superuser rights, so `session_replication_role` (which would skip
the access log's trigger) is out of its reach too. Disposal removes a disposed child's history through
the owner's function `traceability_dispose_history` (migration 0004).
"""
from django.apps import apps
from django.db import connection
from psycopg2 import sql

# Append-only for the application: the trail.
TRAIL_TABLES = ("traceability_accesslogentry", "traceability_disposalrecord")


def trail_tables():
    """Every history table (django-simple-history) and the access-log and disposal tables."""
    history = {model._meta.db_table for model in apps.get_models() if model.__name__.startswith("Historical")}
    return sorted(history | set(TRAIL_TABLES))


def grant_app_role(role, password=None):
    """Create or update the application's role on this database (idempotent); run as the owner role."""
    ident = sql.Identifier(role)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [role])
        verb = sql.SQL("ALTER") if cursor.fetchone() else sql.SQL("CREATE")
        attributes = sql.SQL("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS")
        statement = sql.SQL("{} ROLE {} {}").format(verb, ident, attributes)
        if password:
            statement = sql.SQL("{} PASSWORD {}").format(statement, sql.Literal(password))
        cursor.execute(statement)
        database = sql.Identifier(connection.settings_dict["NAME"])
        for grant in (
            "GRANT CONNECT ON DATABASE {db} TO {role}",
            "GRANT USAGE ON SCHEMA public TO {role}",
            "REVOKE CREATE ON SCHEMA public FROM {role}",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
            "REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM {role}",
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        ):
            cursor.execute(sql.SQL(grant).format(db=database, role=ident))
        for table in trail_tables():
            revoke = sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {} FROM {}")
            cursor.execute(revoke.format(sql.Identifier(table), ident))
    return trail_tables()
