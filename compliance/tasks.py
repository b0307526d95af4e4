"""The worker's tasks: each loads nothing itself and calls the sweep, the snapshot or the digest.

All are idempotent (a rerun ends in the same rows), acknowledged late (a
killed worker's task is redelivered) and retried with backoff on database errors.
"""
from celery import shared_task
from celery.signals import beat_init
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from . import digest, snapshots, sweep

RETRY = {
    "acks_late": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": True,
    "retry_backoff_max": 300,
    "max_retries": 5,
}


@shared_task(**RETRY)
def full_sweep():
    run = sweep.full_sweep(today=timezone.localdate(), now=timezone.now())
    if run is None:
        return "skipped: a full sweep is already running"
    return run.counts


@shared_task(**RETRY)
def sweep_subjects(children=(), staff=(), teams=()):
    outcomes = sweep.sweep(
        today=timezone.localdate(), now=timezone.now(), children=list(children), staff=list(staff), teams=list(teams)
    )
    return {code: (o.raised, o.resolved) for code, o in outcomes.items() if o.raised or o.resolved}


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
