"""python manage.py create_app_role [--role oversight_app] : the application's least-privilege database role.

Run as the owner role (the one migrations run as) after every `migrate`: it is idempotent, and a table a
migration adds is closed to the application until it runs. The password is read from APP_DB_PASSWORD.
"""
import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from traceability.db_roles import grant_app_role


class Command(BaseCommand):
    help = "Create or update the application's database role: no superuser, and no rewriting of the trail."

    def add_arguments(self, parser):
        parser.add_argument("--role", default=os.environ.get("APP_DB_ROLE", "oversight_app"))

    def handle(self, *args, role, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Database roles are for PostgreSQL; the SQLite demo has none.")
        tables = grant_app_role(role, os.environ.get("APP_DB_PASSWORD") or None)
        self.stdout.write(f"Role {role}: read and write; insert-only on {len(tables)} trail tables.")
