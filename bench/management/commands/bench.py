"""`manage.py bench`: key pages against the framework floor, the sweep against its SQL floor, load through gunicorn.

Prints a table and writes every figure, the targets and pass/MISS to
bench/results/<label>-<UTC timestamp>.json. A missed target is reported, not
an error; a page that does not answer 200, or an SQL floor that finds other
breaches than the rules, is an error (the figures would mean nothing).
"""
import json
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from bench import load, pages, sweep_floor, sweep_workers
from bench.targets import judge, table, targets_for
from cases.models import Child
from organisation.models import StaffMember, Team

BENCH_SETTINGS = "bench.settings"


def data_counts():
    return {
        "children": Child.objects.count(),
        "open_children": Child.objects.open().count(),
        "staff": StaffMember.objects.filter(is_active=True).count(),
        "teams": Team.objects.count(),
    }


class Command(BaseCommand):
    help = "Benchmark the key pages, the compliance sweep and throughput under load (see README, Performance)."

    def add_arguments(self, parser):
        parser.add_argument("--size-label", default="dev", help="names the results (large, national: their targets)")
        parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
        parser.add_argument("--warmup", type=int, default=3, help="untimed requests per page first")
        parser.add_argument("--sweep-repeats", type=int, default=3, help="timed sweeps after the first")
        parser.add_argument("--load-seconds", type=int, default=20)
        parser.add_argument("--load-connections", type=int, default=4)
        parser.add_argument("--port", type=int, default=8101, help="gunicorn's port on 127.0.0.1")
        parser.add_argument("--no-load", action="store_true", help="skip gunicorn and wrk")
        parser.add_argument("--json-dir", default=str(Path(settings.BASE_DIR) / "bench" / "results"))

    def execute(self, *args, **options):
        # The floor's URL and DEBUG off live in bench.settings: rerun under them when started plainly.
        if os.environ.get("DJANGO_SETTINGS_MODULE") != BENCH_SETTINGS:
            if sys.argv[1:2] != ["bench"]:
                raise CommandError(f"run with DJANGO_SETTINGS_MODULE={BENCH_SETTINGS}")
            env = {**os.environ, "DJANGO_SETTINGS_MODULE": BENCH_SETTINGS}
            os.execve(sys.executable, [sys.executable, *sys.argv], env)  # nosec B606
        return super().execute(*args, **options)

    def handle(self, *args, **options):
        label = options["size_label"]
        today, now = timezone.localdate(), timezone.now()
        results = {
            "label": label,
            "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": connection.settings_dict["NAME"],
            "data": data_counts(),
            "run": {
                "today": today.isoformat(), "requests": options["requests"], "warmup": options["warmup"],
                "cpus": os.cpu_count(), "python": platform.python_version(),
                "postgres": getattr(connection, "pg_version", None),
                "conn_max_age": connection.settings_dict["CONN_MAX_AGE"],
                "settings": os.environ["DJANGO_SETTINGS_MODULE"],
            },
            "targets": targets_for(label),
        }
        if connection.vendor == "postgresql":
            # Statistics and the visibility map, as autovacuum leaves them after a bulk load: plans (and
            # index-only scans) as in production.
            self.progress(f"{label}: VACUUM ANALYZE")
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        self.progress(f"{label}: {results['data']['open_children']} open children; choosing users and pages")
        try:
            key_pages = pages.key_pages(today, now)
            self.progress("pages: timing against the floor")
            results["pages"] = pages.measure(key_pages, options["requests"], options["warmup"])
        except pages.PageError as error:
            raise CommandError(f"a key page failed: {error}") from error
        self.progress(f"sweep: full sweep, {len(sweep_floor.FLOORED)} floored rules and their SQL floor")
        results["sweep"] = sweep_floor.measure(today, now, options["sweep_repeats"])
        self.progress("sweep: split by team, on one worker process and on two")
        results["sweep_workers"] = sweep_workers.measure(today, now, options["sweep_repeats"])
        if options["no_load"]:
            results["load"] = {"skipped": "--no-load"}
        else:
            self.progress(f"load: gunicorn on 127.0.0.1:{options['port']}, wrk for {options['load_seconds']} s")
            try:
                results["load"] = load.run(
                    key_pages, seconds=options["load_seconds"], connections=options["load_connections"],
                    port=options["port"],
                )
            except load.LoadError as error:
                raise CommandError(f"load test failed: {error}") from error
        results["misses"] = judge(results, label)
        path = self.write(results, Path(options["json_dir"]))
        self.stdout.write("\n".join([*table(results), *sweep_workers.lines(results["sweep_workers"])]))
        self.stdout.write(f"\nFigures written to {path}\n")
        different = [code for code, h in results["sweep"]["honest"].items() if not h["same"]]
        if different:
            raise CommandError(f"the SQL floor found other breaches than {', '.join(different)}: "
                               "the sweep ratio is not valid")

    def write(self, results, folder):
        folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = folder / f"{results['label']}-{stamp}.json"
        path.write_text(json.dumps(results, indent=2, default=str) + "\n")
        return path

    def progress(self, message):
        self.stderr.write(f"[bench] {message}")
