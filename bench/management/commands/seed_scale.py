"""`manage.py seed_scale --size large|national|tiny [--seed N]`: benchmark data, fast, on PostgreSQL.

Sizes (bench/scale.py, SIZES): tiny 200 open children (tests); large 10,000
open children, 600 staff, 60 teams, 6 services, 5 years of history; national
400,000 open children, 24,000 staff, 2,400 teams, 150 services, with thinner
history per child. Logins: bench-director, bench-admin, bench-hos-1,
bench-tm-1, bench-sw-1 with the password "bench-password"; every other
bench-* user has an unusable password.

Reruns: if the database already holds exactly this size and seed's children,
the command says so and exits 0 at once (running the sweep first if no full
sweep has finished yet). A database holding any other children is refused:
seed an empty, migrated database. Generation is one transaction, so an
interrupted run leaves nothing behind. After generating it runs ANALYZE and
then the full compliance sweep, timed on its own.
"""
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from bench.scale import SIZES, Generator
from compliance.models import SweepRun
from compliance.sweep import full_sweep


class Command(BaseCommand):
    help = "Generate benchmark data at scale with COPY (PostgreSQL), then run and time the compliance sweep."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=list(SIZES), required=True)
        parser.add_argument("--seed", type=int, default=2026, help="0 to 999999999; the same seed gives the same data")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("seed_scale writes with PostgreSQL's COPY: set DATABASE_URL to a PostgreSQL database")
        if not 0 <= options["seed"] < 10**9:
            raise CommandError("--seed must be between 0 and 999999999")
        size, seed = options["size"], options["seed"]
        generator = Generator(size, seed, log=self.stdout.write)
        state = generator.state()
        if state == "other":
            raise CommandError(
                f"This database already holds children that are not seed_scale's {size} data (seed {seed}); "
                "seed an empty, migrated database instead."
            )
        if state == "seeded":
            self.stdout.write(f"Already seeded: {generator.expected_children:,} children of size {size}, seed {seed}.")
            if not SweepRun.objects.filter(finished_at__isnull=False).exists():
                self.sweep()
            return
        self.stdout.write(f"Generating size {size} (seed {seed}), today {generator.cal.today}:")
        started = time.monotonic()
        generator.run()
        generated = time.monotonic() - started
        rows = sum(n for n, _ in generator.loader.timings.values())
        copy_seconds = sum(s for _, s in generator.loader.timings.values())
        self.stdout.write(
            f"Generated {rows:,} rows in {len(generator.loader.timings)} tables: {generated:.1f} s "
            f"({copy_seconds:.1f} s generating and streaming COPY; the rest foreign keys, ANALYZE, commit)"
        )
        self.sweep()
        self.stdout.write(self.style.SUCCESS(f"seed_scale {size} done in {time.monotonic() - started:.1f} s"))

    def sweep(self):
        """The real full sweep, as the worker runs it, timed apart from generation."""
        started = time.monotonic()
        run = full_sweep(today=timezone.localdate(), now=timezone.now())
        seconds = time.monotonic() - started
        if run is None:
            raise CommandError("another full sweep is running: try again when it finishes")
        raised = sum(outcome["raised"] for outcome in run.counts.values())
        self.stdout.write(f"Compliance sweep: {seconds:.1f} s, {raised:,} flags raised")
        for code, outcome in run.counts.items():
            self.stdout.write(f"  {code:<14} raised {outcome['raised']:>8,}  open {outcome['open']:>8,}")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE compliance_flag")
