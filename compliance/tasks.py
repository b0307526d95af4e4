"""The worker's tasks: each loads nothing itself and calls the sweep, the snapshot or the digest.

All are idempotent (a rerun ends in the same rows), acknowledged late and rejected back to the queue
when their worker dies (so a killed worker's task is redelivered; see CELERY_* in settings) and
retried with backoff on database errors.
"""
from datetime import timedelta

from celery import shared_task
from celery.signals import beat_init
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from . import digest, snapshots, sweep
from .models import PendingRecheck

RETRY = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 5,
}


# A re-check younger than this is left to the task its save queued; the drain takes the rest.
DRAIN_AFTER = timedelta(minutes=1)


@shared_task(**RETRY)
def full_sweep():
    run = sweep.full_sweep(today=timezone.localdate(), now=timezone.now())
    if run is None:
        return "skipped: a full sweep is already running"
    # Every re-check owed before the run started is done by it.
    PendingRecheck.objects.filter(created_at__lt=run.started_at).delete()
    return run.counts


@shared_task(**RETRY)
def sweep_subjects(children=(), staff=(), teams=(), rechecks=()):
    outcomes = sweep.sweep(
        today=timezone.localdate(), now=timezone.now(), children=list(children), staff=list(staff), teams=list(teams)
    )
    # Done: the outbox rows the save wrote are no longer owed (a rerun after a kill would only repeat the sweep).
    PendingRecheck.objects.filter(pk__in=list(rechecks)).delete()
    return {code: (o.raised, o.resolved) for code, o in outcomes.items() if o.raised or o.resolved}


@shared_task(**RETRY)
def drain_rechecks():
    """The re-checks whose task never ran (the broker was down at the save, or it was lost): done now."""
    now = timezone.now()
    owed = list(PendingRecheck.objects.filter(created_at__lt=now - DRAIN_AFTER).order_by("pk")[:5000])
    if not owed:
        return 0
    subjects = {
        name: sorted({i for row in owed for i in getattr(row, name)}) for name in ("children", "staff", "teams")
    }
    sweep.sweep(today=timezone.localdate(), now=now, **subjects)
    PendingRecheck.objects.filter(pk__in=[row.pk for row in owed]).delete()
    return len(owed)


@shared_task(**RETRY)
def monthly_snapshot():
    """On the 1st: the month just ended, as it stood at its end."""
    today = timezone.localdate()
    return snapshots.take(month=snapshots.previous_month(today), today=today, now=timezone.now())


@shared_task(**RETRY)
def daily_digest():
    return digest.send_all(today=timezone.localdate(), now=timezone.now())


@beat_init.connect
def sweep_when_beat_starts(sender, **kwargs):
    # Flags are current from the first minute, not only after the first interval.
    full_sweep.delay()
