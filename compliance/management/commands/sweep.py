from django.core.management.base import BaseCommand
from django.utils import timezone

from compliance import sweep


class Command(BaseCommand):
    help = "Run the full compliance sweep now, without a worker, and print flags raised, resolved and open per rule."

    def handle(self, *args, **options):
        run = sweep.full_sweep(today=timezone.localdate(), now=timezone.now())
        if run is None:
            self.stderr.write("Another full sweep is running; nothing done.")
            return
        self.stdout.write(f"{'rule':<14} {'raised':>7} {'resolved':>9} {'open':>6}")
        for code, counts in run.counts.items():
            self.stdout.write(f"{code:<14} {counts['raised']:>7} {counts['resolved']:>9} {counts['open']:>6}")
        self.stdout.write(self.style.SUCCESS(f"Sweep finished at {timezone.localtime(run.finished_at):%H:%M:%S}."))
