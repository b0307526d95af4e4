"""Project wiring: production settings pass Django's deployment checks; the worker reaches its broker."""
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def test_production_configuration_passes_check_deploy():
    # The browser tests allow sync ORM calls beside Playwright's event loop; production never does.
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "False",
        "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-8f3k2j5h7g9d1s0a4q6w",
        "ALLOWED_HOSTS": "oversight.example.gov.uk",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "DEBUG": "False", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_the_worker_broker_is_redis_and_answers():
    from oversight.celery import app

    assert settings.CELERY_BROKER_URL.startswith("redis://"), "make test runs against Redis (REDIS_URL)"
    with app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1)
        assert connection.connected
