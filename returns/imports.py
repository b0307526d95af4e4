"""Running an import: read the file, plan every child (the dry run), then apply in one transaction."""
import datetime
import hashlib
import io
import logging
import zipfile
from collections import Counter

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .annex_a import AnnexAReader, FileError
from .apply import apply_plans
from .cin_census import CinCensusReader
from .models import Format, ImportBatch
from .planning import Outcome, plan_children
from .ssda903 import Ssda903Reader, looks_like_903_csv
from .workbooks import is_xls
from .workforce import WorkforceReader, apply_staff, plan_staff

READERS = {Format.ANNEX_A: AnnexAReader, Format.CIN_CENSUS: CinCensusReader, Format.SSDA903: Ssda903Reader,
           Format.WORKFORCE: WorkforceReader}
SNIFF = 16384
PROGRESS_EVERY = 250
logger = logging.getLogger(__name__)


def detect_format(payload):
    """Which return a file is, from its content rather than its name."""
    if is_xls(payload):
        return Format.ANNEX_A
    if payload[:4] == b"PK\x03\x04":
        # An xlsx workbook and a zip of 903 CSV tables are both zip files; their contents tell them apart.
        try:
            names = zipfile.ZipFile(io.BytesIO(payload)).namelist()
        except zipfile.BadZipFile:
            names = []
        if any(name.lower().endswith(".csv") for name in names) and "xl/workbook.xml" not in names:
            return Format.SSDA903
        return Format.ANNEX_A
    head = payload[:SNIFF]
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        if b"<CSWWWorker" in head or b"<LALevelVacancies" in head:
            return Format.WORKFORCE
        if b"<CHILDID" in head or b"<CHILD>" in head:
            return Format.SSDA903
        if b"<Message" in head:
            return Format.CIN_CENSUS
    elif looks_like_903_csv(head):
        return Format.SSDA903
    raise FileError("The file is not a return Oversight reads: an Annex A workbook (.xlsx or .xls), "
                    "a CIN census (.xml), an SSDA903 return (.csv, the CSV tables zipped, or .xml)"
                    " or a workforce census (.xml).")


def one_return(files):
    """[(name, payload)] as the returns they make: SSDA903 CSV tables given one by one are one return, zipped
    together as councils send them; every other file is a return of its own."""
    tables = [(name, payload) for name, payload in files
              if payload[:4] != b"PK\x03\x04" and not is_xls(payload) and looks_like_903_csv(payload[:SNIFF])]
    others = [(name, payload) for name, payload in files if (name, payload) not in tables]
    if len(tables) < 2:
        return files
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, payload in tables:
            archive.writestr(name, payload)
    return [(" + ".join(name for name, _ in tables), out.getvalue()), *others]


def new_batch(*, file_name, payload, by, fallback_team=None):
    return ImportBatch.objects.create(
        file_name=file_name[:255], payload=payload, file_sha256=hashlib.sha256(payload).hexdigest(),
        uploaded_by=by, fallback_team=fallback_team,
    )


def check(batch, *, progress=None):
    """The dry run: the report of what an import would do, saved on the batch."""
    _run(batch, apply=False, progress=progress)


def run_import(batch, *, progress=None):
    """Plan again against the records as they are now, then write every accepted child or nothing."""
    _run(batch, apply=True, progress=progress)


def _run(batch, *, apply, progress):
    _set(batch, status=ImportBatch.Status.IMPORTING if apply else ImportBatch.Status.CHECKING, rows_done=0)
    try:
        payload = bytes(batch.payload)  # one copy of the file, however large
        batch.format = detect_format(payload)
        reader = READERS[batch.format](io.BytesIO(payload))
        del payload
        _set(batch, format=batch.format, rows_total=reader.total())
        rows, skipped, done = [], Skipped(), 0
        # About 200 progress steps whatever the size, none closer than PROGRESS_EVERY rows.
        every = max(PROGRESS_EVERY, batch.rows_total // 200)
        for row in reader:
            done += 1
            # Rows that bring nothing (contacts, adopters, tables not kept) are counted, not kept.
            if row.skipped:
                skipped.add(row)
            else:
                skipped.close()
                rows.append(row)
            if done % every == 0:
                _set(batch, rows_done=done)
                if progress:
                    progress(done, batch.rows_total)
        if batch.format == Format.WORKFORCE:
            plans, apply_all = plan_staff(rows, fallback_team=batch.fallback_team), apply_staff
        else:
            plans = plan_children(rows, fallback_team=batch.fallback_team,
                                  unique_ids=batch.format == Format.CIN_CENSUS,
                                  partial=batch.format == Format.SSDA903,
                                  today=timezone.localdate(), accepted=batch.accepted_queries)
            apply_all = apply_plans
        batch.report, batch.counts = report(rows, plans)
        batch.report += skipped.lines()
        batch.counts["rows"] += skipped.count
        batch.counts["rows_skipped"] += skipped.count
        batch.coverage = reader.coverage() if hasattr(reader, "coverage") else []
        if apply:
            apply_all(plans=plans, batch=batch, by=batch.uploaded_by, today=timezone.localdate())
    except FileError as error:
        _set(batch, status=ImportBatch.Status.FAILED, error=str(error), finished_at=timezone.now())
        return
    except Exception:
        # Bad input must never end half-imported or as a server error: the transaction has rolled back.
        logger.exception("Import batch %s failed", batch.pk)
        _set(batch, status=ImportBatch.Status.FAILED, finished_at=timezone.now(),
             error="The import stopped on an unexpected problem and nothing was saved. The error is in the server log.")
        return
    if progress:
        progress(done, done)
    _set(
        batch,
        status=ImportBatch.Status.IMPORTED if apply else ImportBatch.Status.CHECKED,
        rows_done=done, report=batch.report, counts=batch.counts, coverage=batch.coverage,
        finished_at=timezone.now(),
        # The file is not kept once its records are in.
        **({"payload": None} if apply else {}),
    )


def tidy(now, *, stale_minutes, keep_days):
    """Mark failed the runs whose worker stopped (no progress for `stale_minutes`), and delete the files of
    batches uploaded more than `keep_days` ago. Returns (runs marked failed, files deleted)."""
    stale = ImportBatch.objects.filter(status__in=ImportBatch.RUNNING).filter(
        Q(progress_at__lt=now - datetime.timedelta(minutes=stale_minutes))
        | Q(progress_at__isnull=True, uploaded_at__lt=now - datetime.timedelta(minutes=stale_minutes))
    ).update(status=ImportBatch.Status.FAILED, finished_at=now, payload=None,
             error=f"The check or import stopped (no progress for {stale_minutes} minutes) and nothing was saved. "
                   "Upload the file again.")
    old = ImportBatch.objects.filter(payload__isnull=False, uploaded_at__lt=now - datetime.timedelta(days=keep_days))
    waiting = old.filter(status=ImportBatch.Status.CHECKED).update(
        payload=None, status=ImportBatch.Status.FAILED, finished_at=now,
        error=f"The file was deleted {keep_days} days after it was uploaded, without being imported. "
              "Upload it again to import it.")
    deleted = old.exclude(status__in=ImportBatch.RUNNING).update(payload=None)
    return stale, waiting + deleted


def queried(batch):
    """The children the dry run held back with a query, in the report's order."""
    return list(dict.fromkeys(line["child_id"] for line in batch.report if line["outcome"] == Outcome.QUERY))


def _set(batch, **fields):
    fields["progress_at"] = timezone.now()
    for name, value in fields.items():
        setattr(batch, name, value)
    # Progress must be visible to the page while the batch runs, so it is written outside any transaction.
    with transaction.atomic():
        ImportBatch.objects.filter(pk=batch.pk).update(**fields)


class Skipped:
    """Runs of consecutive rows skipped for one reason, each reported as one line ("List 1 row 2 to row 90001")."""

    def __init__(self):
        self.runs, self.current, self.count = [], None, 0

    def add(self, row):
        self.count += 1
        if self.current and self.current["reason"] == row.skipped:
            self.current["last"], self.current["rows"] = row.location, self.current["rows"] + 1
            return
        self.close()
        self.current = {"first": row.location, "last": row.location, "rows": 1, "reason": row.skipped,
                        "child_id": row.child_id}

    def close(self):
        if self.current:
            self.runs.append(self.current)
        self.current = None

    def lines(self):
        self.close()
        lines = []
        for run in self.runs:
            location = run["first"] if run["rows"] == 1 else f"{run['first']} to row {run['last'].rsplit(' ', 1)[-1]}"
            reasons = [run["reason"]] + ([f"{run['rows']} rows"] if run["rows"] > 1 else [])
            lines.append({"location": location, "child_id": run["child_id"] if run["rows"] == 1 else "",
                          "outcome": Outcome.SKIP, "reasons": reasons})
        return lines


def report(rows, plans):
    """One line per row: where it is, the child's (or worker's) identifier, what happens and why. No names."""
    by_child = {plan.child_id: plan for plan in plans}
    lines, children = [], Counter()
    for plan in plans:
        children[plan.outcome] += 1
    for row in rows:
        plan = by_child.get(row.child_id) if not row.skipped else None
        if row.skipped:
            outcome, reasons = Outcome.SKIP, [row.skipped]
        elif plan is None:
            outcome, reasons = Outcome.REJECT, row.errors or ["no child identifier"]
        else:
            outcome = plan.outcome
            reasons = list(row.errors)
            if outcome == Outcome.REJECT and not row.errors:
                others = [r.location for r in plan.rows if r.errors]
                reasons += plan.errors or [f"the child is not imported because {', '.join(others)} is rejected"]
            elif outcome != Outcome.REJECT:
                reasons += plan.changes() + row.warnings + plan.warnings
                said = "Query accepted" if getattr(plan, "accepted", False) else "Query"
                reasons += [f"{said}: {query}" for query in getattr(plan, "queries", [])]
        lines.append({"location": row.location, "child_id": row.child_id, "outcome": outcome, "reasons": reasons})
    counts = {
        "rows": len(rows),
        "rows_rejected": sum(line["outcome"] == Outcome.REJECT for line in lines),
        "rows_skipped": sum(line["outcome"] == Outcome.SKIP for line in lines),
        **{f"children_{outcome}": children[outcome] for outcome in
           (Outcome.CREATE, Outcome.UPDATE, Outcome.UNCHANGED, Outcome.REJECT, Outcome.QUERY)},
    }
    return lines, counts
