from celery import shared_task
from django.utils import timezone

from .retention import dispose_due


@shared_task(acks_late=True)
def apply_retention(limit=100):
    """Dispose of closed records past retention; idempotent (a disposed record is no longer listed)."""
    return [record.local_id for record in dispose_due(today=timezone.localdate(), by=None, limit=limit)]
