"""The worker's tasks: each loads nothing itself and calls the sweep, the snapshot or the digest.

All are idempotent (a rerun ends in the same rows), acknowledged late and rejected back to the queue
when their worker dies (so a killed worker's task is redelivered; see CELERY_* in settings) and
retried with backoff on database errors.
"""
from datetime import date, datetime, timedelta

from celery import chord, shared_task, signature
from celery.signals import beat_init
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from . import digest, snapshots, sweep
from .models import PendingRecheck, SweepRun

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


@shared_task(bind=True, **RETRY)
def full_sweep(self, then=()):
    """Every rule for everyone, split by team into parts that any worker takes (a chord); its callback
    finishes the run, then runs the tasks named in `then` (beat's digest and snapshot, on a fresh sweep)."""
    today, now = timezone.localdate(), timezone.now()
    if not settings.CELERY_RESULT_BACKEND:
        # No store for a chord's results (the demo's filesystem broker and single worker): all of it here.
        run = sweep.full_sweep(today=today, now=now)
        if run is not None:
            PendingRecheck.objects.filter(created_at__lt=run.started_at).delete()
        for name in then:
            signature(name).delay()
        return run.counts if run else "skipped: a full sweep is already running"
    with transaction.atomic():
        # The run's row commits only once its chord is queued: a starter killed between the two leaves neither.
        started = sweep.start_split(now, settings.SWEEP_PARTS, force=bool(then))
        if started is None:
            return "skipped: a full sweep is already running"
        run, killed, split = started
        # The parts go to the queue this task came from: the workers that take sweeps.
        queue = {"queue": queue} if (queue := (self.request.delivery_info or {}).get("routing_key")) else {}
        header = [sweep_part.si(part, today.isoformat(), now.isoformat()).set(**queue) for part in split]
        callback = finish_sweep.s(run.pk, killed, today.isoformat()).set(**queue)
        for name in then:
            callback |= signature(name, immutable=True).set(**queue)
        chord(header)(callback)
    return {"run": run.pk, "parts": len(split)}


@shared_task(ignore_result=False, **RETRY)
def sweep_part(part, today, now):
    """Every rule for the subjects in one part's teams; rerun after a kill or an error, it ends the same."""
    outcomes = sweep.sweep(today=date.fromisoformat(today), now=datetime.fromisoformat(now), part=part)
    return {code: [outcome.raised, outcome.resolved] for code, outcome in outcomes.items()}


@shared_task(**{**RETRY, "autoretry_for": (*RETRY["autoretry_for"], SweepRun.DoesNotExist)})
def finish_sweep(results, run_id, killed, today):
    """The chord's callback, once every part is done: escalations, the run's counts, the re-checks it paid."""
    # Not yet there only in the instant before its starter commits.
    run = SweepRun.objects.get(pk=run_id)
    if run.finished_at is None:
        sweep.finish(run, sweep.summed(results), killed=killed, today=date.fromisoformat(today))
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
