"""The worker's monthly report task: loaded by the worker through CELERY_IMPORTS (settings)."""
from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from ..snapshots import previous_month
from . import report


@shared_task(
    acks_late=True, autoretry_for=(OperationalError, InterfaceError), retry_backoff=True, retry_backoff_max=300,
    max_retries=5,
)
def generate_monthly_reports():
    """Last month's report for every service, from this month's first working day.

    Beat runs it every morning: on a day the worker was down it catches up the
    next morning, and a report already made is kept (one per service and month).
    """
    today = timezone.localdate()
    if today < report.first_working_day(today.replace(day=1)):
        return "skipped: not yet this month's first working day"
    return report.generate_all(month=previous_month(today), now=timezone.now())
