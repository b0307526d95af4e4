from celery import shared_task
from django.conf import settings
from django.utils import timezone

from .imports import check, run_import, tidy
from .models import ImportBatch


@shared_task
def check_batch(batch_id):
    check(ImportBatch.objects.get(pk=batch_id))


@shared_task
def import_batch(batch_id):
    run_import(ImportBatch.objects.get(pk=batch_id))


@shared_task
def tidy_imports():
    tidy(timezone.now(), stale_minutes=settings.RETURNS_STALE_MINUTES, keep_days=settings.RETURNS_KEEP_FILES_DAYS)
