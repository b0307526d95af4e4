from django.core.management.base import BaseCommand
from django.utils import timezone

from traceability.retention import dispose_due, past_retention


class Command(BaseCommand):
    help = "Dispose of closed children's records past their retention period (each disposal is logged)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what is due; remove nothing.")
        parser.add_argument("--limit", type=int, default=100)

    def handle(self, *args, dry_run, limit, **options):
        today = timezone.localdate()
        if dry_run:
            for local_id in past_retention(today)[:limit].values_list("local_id", flat=True):
                self.stdout.write(local_id)
            return
        records = dispose_due(today=today, by=None, limit=limit)
        self.stdout.write(f"Disposed of {len(records)} record(s): " + ", ".join(r.local_id for r in records))
