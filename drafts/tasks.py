from celery import shared_task
from django.utils import timezone

from .models import Draft


@shared_task
def purge_expired():
    """Drafts older than DRAFT_DAYS are deleted: personal data is kept no longer than it serves."""
    Draft.objects.expired(timezone.now()).delete()
