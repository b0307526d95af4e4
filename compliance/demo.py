"""Compliance for the demo authority; seed_demo calls `seed(authority)` last.

Runs the full sweep once, so the demo's gaps are flagged before the worker
starts. This month and the month just ended are measured from the records,
the latter exactly as the monthly job keeps it (SPEC 4b); the 11 months before
that are invented for the trends, drifting towards the month just ended, and
kept marked as demonstration history so the report says so. Each team and
standard has its own generator, so a rerun adds only the months still missing.
"""
import random

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from . import snapshots, sweep
from .models import Flag, Snapshot

HISTORY_MONTHS = 12  # the month just ended, measured, and 11 invented before it


def seed(authority):
    today, now = authority.today, timezone.now()
    sweep.full_sweep(today=today, now=now)
    last_month, _ = snapshots.month_ended(today)
    with transaction.atomic():
        snapshots.take(month=today.replace(day=1), today=today, now=now)
        snapshots.take_month_ended(today=today, now=now)
        measured = Snapshot.objects.filter(month=last_month).values_list("rule", "team_id", "population", "breaches")
        history = _history(authority.sizes.seed, measured, last_month, now)
    authority.log(
        f"compliance: {Flag.objects.open().count()} open flags; {history} monthly snapshots of demonstration "
        f"history added before {last_month:%B %Y}, which is measured from the records"
    )


def _history(seed, measured, last_month, now):
    have = set(Snapshot.objects.filter(month__lt=last_month).values_list("month", "team_id", "rule"))
    rows = []
    for code, team_id, population, breaches in measured:
        rng = random.Random(f"{seed}:compliance:{code}:{team_id}")  # nosec B311: demo figures, not security
        rate = breaches / population
        for back in range(1, HISTORY_MONTHS):
            month = last_month - relativedelta(months=back)
            # Mostly a little worse further back, as if oversight has been improving; never exact.
            past = min(1.0, max(0.0, rate + back * rng.uniform(-0.004, 0.012) + rng.uniform(-0.04, 0.04)))
            size = max(1, population + rng.randint(-2, 2))
            if (month, team_id, code) not in have:
                rows.append(Snapshot(
                    month=month, team_id=team_id, rule=code, population=size,
                    breaches=round(past * size), taken_at=now, demonstration=True,
                ))
    return len(Snapshot.objects.bulk_create(rows, batch_size=2000))
