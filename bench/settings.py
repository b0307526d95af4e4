"""Settings for `manage.py bench` and the gunicorn it load-tests: the project's, with the floor view's urlconf.

The middleware, templates and database are the project's own; only what a
benchmark needs differs: DEBUG off (no query log, cached templates), the test
client's host allowed, and persistent database connections (DB_CONN_MAX_AGE,
default 600 s here) so each request measures the application, not a PostgreSQL
handshake.
"""
import os
import warnings

from oversight.settings import *  # noqa: F403 (the project's settings, then the differences below)
from oversight.settings import ALLOWED_HOSTS, DATABASES, INSTALLED_APPS, LOGGING

# The benchmark and its scale data load only here, never in the project's own settings.
INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"
DEBUG = False
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "600"))

# Each benchmark session signs in by force_login: Axes' per-login INFO lines would drown the table.
LOGGING = {**LOGGING, "loggers": {"axes": {"level": "WARNING"}}}
# WhiteNoise warns that STATIC_ROOT is missing; the benchmark asks for no static file.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
