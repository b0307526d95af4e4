"""The worker status page (administrators): the last full check, checks that never finished, re-checks owed."""
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from organisation import policy

from .models import PendingRecheck, SweepRun

RECENT_RUNS = 10


@login_required
def worker_status(request):
    if not policy.may_administer(request.user):
        raise Http404
    now = timezone.now()
    limit = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    runs = list(SweepRun.objects.defer("counts").order_by("-started_at")[:RECENT_RUNS])
    for run in runs:
        run.lost = run.overdue(now, limit) and run.repaired_at is None
    owed = PendingRecheck.objects.order_by("created_at")
    return render(request, "compliance/worker_status.html", {
        "last_sweep": SweepRun.last_finished(),
        "runs": runs,
        "lost": [run for run in runs if run.lost],
        "owed": owed.count(),
        "oldest_owed": owed.values_list("created_at", flat=True).first(),
        "limit_minutes": settings.WORKER_TASK_MINUTES,
    })
