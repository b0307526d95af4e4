"""Saving a record a rule reads queues one sweep of its subjects after commit; a broker outage never breaks a save."""
import logging

import pytest
from django.db import transaction
from kombu.exceptions import OperationalError

from compliance import tasks
from compliance.models import Flag
from tests.factories import ChildFactory, ChronologyEntryFactory, SupervisionContractFactory

from .helpers import D


@pytest.fixture
def sent(monkeypatch):
    calls = []
    monkeypatch.setattr(tasks.sweep_subjects, "apply_async", lambda kwargs, retry: calls.append(kwargs))
    return calls


def test_saving_records_queues_one_sweep_of_their_subjects(db, sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        child = ChildFactory()
        ChronologyEntryFactory(child=child)
        SupervisionContractFactory(staff=child.worker)
        assert sent == []
    assert len(sent) == 1
    assert sent[0]["children"] == [child.pk]
    assert child.worker_id in sent[0]["staff"]


def test_a_rolled_back_save_queues_nothing(db, sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            ChildFactory()
            raise RuntimeError
    assert sent == []


def test_signing_in_queues_nothing(social_worker, sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        social_worker.save(update_fields=["last_login"])
    assert sent == []


def test_with_the_broker_down_the_save_succeeds(db, monkeypatch, caplog, django_capture_on_commit_callbacks):
    def down(**kwargs):
        raise OperationalError("Error 111 connecting to redis")

    monkeypatch.setattr(tasks.sweep_subjects, "apply_async", down)
    with caplog.at_level(logging.WARNING, logger="compliance.queueing"):
        with django_capture_on_commit_callbacks(execute=True):
            child = ChildFactory(first_name="Zebedee")
    assert child.pk
    assert "not queued (broker unavailable)" in caplog.text
    assert "Zebedee" not in caplog.text and child.local_id not in caplog.text


def test_a_save_raises_and_a_mend_resolves_a_flag(db, settings, django_capture_on_commit_callbacks):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    tasks.sweep_subjects.app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            child = ChildFactory(opened_on=D(2026, 1, 5))
        assert Flag.objects.open().filter(rule="CHRON-MISSING", child=child).exists()
        with django_capture_on_commit_callbacks(execute=True):
            ChronologyEntryFactory(child=child)
        assert not Flag.objects.open().filter(rule="CHRON-MISSING", child=child).exists()
    finally:
        tasks.sweep_subjects.app.conf.task_always_eager = False


def test_tasks_are_acknowledged_late_and_retried_on_database_errors():
    from django.db import OperationalError as DatabaseError

    for task in (tasks.full_sweep, tasks.sweep_part, tasks.finish_sweep, tasks.sweep_subjects,
                 tasks.monthly_snapshot, tasks.daily_digest):
        assert task.acks_late and DatabaseError in task.autoretry_for and task.retry_backoff


def test_beat_runs_the_full_sweep_every_15_minutes_the_snapshot_monthly_and_the_digest_daily(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert schedule["compliance-full-sweep"] == {"task": "compliance.tasks.full_sweep", "schedule": 15 * 60}
    assert schedule["compliance-monthly-snapshot"]["schedule"].day_of_month == {1}
    # Each after a full sweep of its own (the sweep's chord callback runs it).
    assert schedule["compliance-monthly-snapshot"]["kwargs"] == {"then": ["compliance.tasks.monthly_snapshot"]}
    assert schedule["compliance-daily-digest"]["kwargs"] == {"then": ["compliance.tasks.daily_digest"]}
    assert schedule["compliance-daily-digest"]["task"] == "compliance.tasks.full_sweep"
