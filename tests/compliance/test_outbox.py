"""Work the worker never drops: re-checks owed after a save live in the save's transaction until done,
and a full sweep that never finished is shown and repaired by the next one."""
import datetime

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from compliance import sweep, tasks
from compliance.models import Flag, PendingRecheck, SweepRun
from organisation.models import Role
from tests.compliance.test_worker import eventually, worker  # noqa: F401 (the real worker fixture)
from tests.factories import ChildFactory, StaffFactory


@pytest.fixture
def manager(db, monkeypatch, django_capture_on_commit_callbacks):
    """A line manager (the staff standards apply to the managed: SPEC 4b), whose own re-check is done with."""
    with monkeypatch.context() as quiet:
        quiet.setattr(tasks.sweep_subjects, "apply_async", lambda **kwargs: None)
        with django_capture_on_commit_callbacks(execute=True):
            member = StaffFactory(role=Role.TEAM_MANAGER)
    PendingRecheck.objects.all().delete()
    return member


@pytest.fixture
def broker_down(monkeypatch):
    def down(**kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.sweep_subjects, "apply_async", down)


def test_a_save_writes_its_recheck_in_its_own_transaction(db, monkeypatch, django_capture_on_commit_callbacks):
    sent = []
    monkeypatch.setattr(tasks.sweep_subjects, "apply_async", lambda kwargs, retry: sent.append(kwargs))
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        child = ChildFactory()  # its worker and team are saved too
        owed = list(PendingRecheck.objects.order_by("pk"))
        assert any(child.pk in row.children for row in owed) and any(child.worker_id in row.staff for row in owed)
        assert sent == []
    assert sent[0]["rechecks"] == [row.pk for row in owed]


def test_a_rolled_back_save_owes_nothing(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        ChildFactory()
        raise RuntimeError
    assert not PendingRecheck.objects.exists()


def test_the_queued_sweep_pays_off_its_rechecks(db, django_capture_on_commit_callbacks, monkeypatch, manager):
    sent = []
    monkeypatch.setattr(tasks.sweep_subjects, "apply_async", lambda kwargs, retry: sent.append(kwargs))
    with django_capture_on_commit_callbacks(execute=True):
        member = StaffFactory(line_manager=manager)
    tasks.sweep_subjects(**sent[0])
    assert Flag.objects.open().filter(rule="SUP-CONTRACT", staff=member).exists()
    assert not PendingRecheck.objects.exists()


def test_with_the_broker_down_the_drain_does_the_recheck_later(
    db, broker_down, django_capture_on_commit_callbacks, manager
):
    with django_capture_on_commit_callbacks(execute=True):
        member = StaffFactory(line_manager=manager)
    assert PendingRecheck.objects.count() == 1
    assert not Flag.objects.filter(staff=member).exists()
    assert tasks.drain_rechecks() == 0, "a re-check under a minute old is left to its own task"
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        assert tasks.drain_rechecks() == 1
    assert Flag.objects.open().filter(rule="SUP-CONTRACT", staff=member).exists()
    assert not PendingRecheck.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_saves_while_the_broker_is_unreachable_are_rechecked_once_it_returns(monkeypatch, worker, manager):  # noqa: F811
    def unreachable(**kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with monkeypatch.context() as outage:
        outage.setattr(tasks.sweep_subjects, "apply_async", unreachable)
        members = [StaffFactory(line_manager=manager) for _ in range(3)]
    assert PendingRecheck.objects.count() == 3
    assert not Flag.objects.filter(staff__in=members).exists()
    PendingRecheck.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=2))
    # The broker is back: beat's next drain (every minute) reaches the real worker.
    tasks.drain_rechecks.delay()
    flagged = Flag.objects.open().filter(rule="SUP-CONTRACT", staff__in=members)
    assert eventually(lambda: flagged.count() == 3), "the re-checks owed were not done"
    assert eventually(lambda: not PendingRecheck.objects.exists())


def test_a_full_sweep_pays_off_rechecks_owed_before_it(
    db, broker_down, django_capture_on_commit_callbacks, manager
):
    with django_capture_on_commit_callbacks(execute=True):
        StaffFactory(line_manager=manager)
    # Its parts and their chord's callback run here.
    tasks.full_sweep.app.conf.task_always_eager = True
    try:
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
            tasks.full_sweep()
    finally:
        tasks.full_sweep.app.conf.task_always_eager = False
    assert not PendingRecheck.objects.exists()


def test_the_next_full_sweep_repairs_a_run_that_never_finished(db, manager):
    now = timezone.now()
    killed = SweepRun.objects.create(started_at=now - datetime.timedelta(hours=1))
    member = StaffFactory(line_manager=manager)
    run = sweep.full_sweep(today=timezone.localdate(), now=now)
    killed.refresh_from_db()
    assert killed.finished_at is None and killed.repaired_at == run.finished_at
    assert Flag.objects.open().filter(rule="SUP-CONTRACT", staff=member).exists()
    assert not SweepRun.unfinished().exists()


def test_the_worker_status_page_shows_a_run_that_never_finished_then_its_repair(client, administrator):
    client.force_login(administrator)
    SweepRun.objects.create(started_at=timezone.now() - datetime.timedelta(hours=1))
    page = client.get(reverse("compliance:worker_status")).content.decode()
    assert "has not finished after 10 minutes" in page and "worker stopped" in page
    sweep.full_sweep(today=timezone.localdate(), now=timezone.now())
    page = client.get(reverse("compliance:worker_status")).content.decode()
    assert "repaired by the check finished" in page and "has not finished" not in page


def test_a_run_in_progress_is_not_called_lost(client, administrator):
    client.force_login(administrator)
    SweepRun.objects.create(started_at=timezone.now() - datetime.timedelta(minutes=1))
    page = client.get(reverse("compliance:worker_status")).content.decode()
    assert "Running" in page and "has not finished" not in page


def test_tasks_are_redelivered_when_their_worker_dies(settings):
    for task in (tasks.full_sweep, tasks.sweep_part, tasks.finish_sweep, tasks.sweep_subjects, tasks.drain_rechecks):
        assert task.acks_late and task.reject_on_worker_lost
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout")
    if settings.REDIS_URL:
        # Longer than a task may run (so never handed out twice), and minutes, not hours.
        assert settings.CELERY_TASK_TIME_LIMIT < timeout <= 15 * 60
    assert settings.CELERY_BEAT_SCHEDULE["compliance-drain-rechecks"]["schedule"] == 60
