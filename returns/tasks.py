from celery import shared_task

from .imports import check, run_import
from .models import ImportBatch


@shared_task
def check_batch(batch_id):
    check(ImportBatch.objects.get(pk=batch_id))


@shared_task
def import_batch(batch_id):
    run_import(ImportBatch.objects.get(pk=batch_id))
