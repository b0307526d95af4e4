"""python manage.py import_returns FILE... : check each file, and import it with --apply."""
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from organisation.models import StaffMember, Team
from returns.imports import check, new_batch, one_return, queried, run_import
from returns.models import ImportBatch

BAR_WIDTH = 30


class Command(BaseCommand):
    help = ("Check (and with --apply, import) Annex A workbooks, CIN census, SSDA903 and social work workforce "
            "census files, row by row.")

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--apply", action="store_true", help="Import after the check; without it nothing is saved.")
        parser.add_argument("--as", dest="username", required=True,
                            help="The administrator the import is recorded against.")
        parser.add_argument("--fallback-team", help="Team name for new children whose team Oversight does not know, "
                            "and for new staff from a workforce census.")
        parser.add_argument("--accept-queries", action="store_true",
                            help="Import children whose records raise a query (a future date, an event after "
                            "death...) as the return says; without it they are left out.")
        parser.add_argument("--show", default="reject", choices=["reject", "all"],
                            help="Which rows to list: only rejected ones (default) or all.")

    def handle(self, *args, files, apply, username, fallback_team, show, accept_queries, **options):
        by = StaffMember.objects.administrators().filter(username=username).first()
        if by is None:
            raise CommandError(f"No administrator with the username '{username}'.")
        team = None
        if fallback_team:
            team = Team.objects.filter(name=fallback_team).first()
            if team is None:
                raise CommandError(f"No team named '{fallback_team}'.")
        failed = False
        for path in files:
            if not path.is_file():
                raise CommandError(f"{path} is not a file.")
        for name, payload in one_return([(path.name, path.read_bytes()) for path in files]):
            batch = new_batch(file_name=name, payload=payload, by=by, fallback_team=team)
            self.stdout.write(f"{name}: {'importing' if apply else 'checking (dry run)'}")
            if apply and accept_queries:
                check(batch, progress=self._progress)
                batch.refresh_from_db()
                batch.accepted_queries = queried(batch)
                batch.save(update_fields=["accepted_queries"])
            (run_import if apply else check)(batch, progress=self._progress)
            batch.refresh_from_db()
            failed |= self._report(batch, show)
        if failed:
            raise CommandError("One or more files could not be read; nothing was imported from them.")

    def _progress(self, done, total):
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        sys.stderr.write(f"\r  [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} rows")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def _report(self, batch, show):
        if batch.status == ImportBatch.Status.FAILED:
            self.stderr.write(self.style.ERROR(f"  {batch.error}"))
            return True
        for line in batch.report:
            if show == "all" or line["outcome"] in ("reject", "query"):
                self.stdout.write(f"  {line['location']:<24} {line['child_id']:<20} {line['outcome']:<9} "
                                  + "; ".join(line["reasons"]))
        counts = batch.counts
        verb = "imported" if batch.status == ImportBatch.Status.IMPORTED else "would import"
        self.stdout.write(self.style.SUCCESS(
            f"  {verb}: {counts['children_create']} new, {counts['children_update']} updated, "
            f"{counts['children_unchanged']} unchanged, {counts['children_reject']} {batch.subject} rejected, "
            f"{counts.get('children_query', 0)} held back by a query "
            f"({counts['rows_rejected']} of {counts['rows']} rows rejected, {counts['rows_skipped']} not imported)"
        ))
        return False
