"""`make bench`'s split sweep on one and on two worker processes, on seed_scale's tiny data: the processes
raise exactly the flags of one process's sweep, and the measurement reports both medians.

Nothing here is judged by its timings: the figures belong to `make bench`, never to a test.
"""
import pytest
from django.db import connection
from django.utils import timezone

from bench import sweep_workers
from compliance import sweep
from compliance.models import Flag, SweepRun

from ..conftest import ROLES, connect_as
from .test_seed_scale import seed

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="seed_scale writes with PostgreSQL's COPY"),
    pytest.mark.db_owner,  # the bulk loader drops and re-adds foreign keys
]


def open_flags():
    return set(Flag.objects.open().values_list("rule", "kind", "child", "staff", "team", "due_since"))


@pytest.fixture
def owner(django_db_setup):
    # Also when this runs first: the marker is read before the session has made the roles.
    if ROLES:
        connect_as("owner")


@pytest.mark.django_db(transaction=True)
def test_one_and_two_worker_processes_raise_the_single_sweeps_flags_and_report_both_medians(owner):
    seed()
    today, now = timezone.localdate(), timezone.now()
    sweep.full_sweep(today=today, now=now)
    expected = open_flags()
    assert len({flag[0] for flag in expected}) >= 5
    Flag.objects.all().delete()

    result = sweep_workers.measure(today, now, repeats=1, count=3)

    assert open_flags() == expected
    assert result["parts"] == 3 and set(result["median_s"]) == {1, 2} and result["speedup"] > 0
    # Per pool size a first run and one timed, every one finished by the parent as the chord's callback is.
    assert SweepRun.objects.filter(parts=3, finished_at__isnull=False).count() == 4
    lines = sweep_workers.lines(result)
    assert "1 worker" in lines[1] and "2 workers" in lines[1] and "3 parts by team" in lines[0]
