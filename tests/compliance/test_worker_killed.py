"""A worker killed (SIGKILL) in the middle of a full sweep's part: the part is redelivered, the sweep's chord
completes, and it ends in exactly the flags of a clean run, its run finished."""
import os
import signal
import subprocess  # nosec B404: our own worker, started by the test
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from compliance import sweep, tasks
from compliance.models import Flag, SweepRun
from tests.compliance.test_worker import eventually
from tests.factories import ChildFactory, StaffFactory

pytestmark = pytest.mark.skipif(
    not settings.REDIS_URL or connection.vendor != "postgresql", reason="needs Redis and PostgreSQL"
)
ROOT = Path(__file__).resolve().parents[2]


def open_flags():
    return set(Flag.objects.open().values_list("rule", "child", "staff", "team", "due_since"))


def clean_run():
    """The flags one uninterrupted full sweep raises here, rolled back afterwards."""
    with transaction.atomic():
        sweep.full_sweep(today=timezone.localdate(), now=timezone.now())
        flags = open_flags()
        transaction.set_rollback(True)
    return flags


def pool_children(pid):
    """The worker's pool processes (the one running the task among them)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def sweep_blocked():
    """Backends of the worker's role waiting on our lock: the sweep is in the middle of a rule."""
    with connection.cursor() as cursor:
        # Inside a transaction pg_stat_activity is read once and kept; read it afresh each time.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND wait_event_type = 'Lock'"
        )
        return [row[0] for row in cursor.fetchall()]


@pytest.fixture
def worker_process():
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    queue = f"compliance-killed-{uuid.uuid4().hex}"
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": settings.REDIS_URL, "CELERY_TASK_ALWAYS_EAGER": "False",
           "SWEEP_PARTS": "4"}
    process = subprocess.Popen(  # nosec B603: fixed arguments
        [sys.executable, "-m", "celery", "-A", "oversight", "worker", "-Q", queue, "--concurrency", "1",
         "--pool", "prefork", "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "WARNING"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        yield process, queue
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        from oversight.celery import app

        with app.connection_for_write() as conn:
            conn.default_channel.client.delete(queue, f"_kombu.binding.{queue}")


@pytest.mark.django_db(transaction=True)
def test_a_sweep_killed_mid_way_is_redelivered_and_ends_in_the_flags_of_a_clean_run(monkeypatch, worker_process):
    process, queue = worker_process
    with monkeypatch.context() as quiet:
        # The world is built without queueing re-checks: only the full sweep under test runs.
        quiet.setattr(tasks.sweep_subjects, "apply_async", lambda **kwargs: None)
        for _ in range(3):
            ChildFactory(worker=StaffFactory())
    expected = clean_run()
    assert expected and not Flag.objects.exists()

    with transaction.atomic():
        # The sweep may read flags but not write them until we let go: it stops inside its first rule.
        with connection.cursor() as cursor:
            cursor.execute("LOCK TABLE compliance_flag IN EXCLUSIVE MODE")
        tasks.full_sweep.apply_async(queue=queue)
        assert eventually(lambda: sweep_blocked() and SweepRun.objects.filter(finished_at=None).exists(), 120), \
            "the worker did not start the sweep"
        killed = SweepRun.objects.get()
        children = pool_children(process.pid)
        assert len(children) == 1
        os.kill(children[0], signal.SIGKILL)
        # PostgreSQL ends a dead client's session when it next writes to it; we end it now.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pid) FROM unnest(%s::int[]) AS pid", [sweep_blocked()])

    finished = SweepRun.objects.filter(finished_at__isnull=False)
    assert eventually(finished.exists, 120), "the killed part was not redelivered"
    assert process.poll() is None, "the worker itself carried on"
    assert open_flags() == expected
    # The same run, finished by its chord's callback once the redelivered part was done: one part per team.
    assert finished.get() == killed and killed.parts == 3
