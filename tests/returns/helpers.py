"""Building returns for tests: Annex A workbooks written from the merge specification, and batches."""
import io
from pathlib import Path

from openpyxl import Workbook

from returns.imports import check, new_batch, run_import

DATA = Path(__file__).parent / "data"



def workbook(lists):
    """An xlsx workbook: {sheet title: [header row, row, ...]} -> bytes."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in lists.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def checked(payload, by, *, fallback_team=None, name="return.xlsx"):
    batch = new_batch(file_name=name, payload=payload, by=by, fallback_team=fallback_team)
    check(batch)
    batch.refresh_from_db()
    return batch


def imported(payload, by, *, fallback_team=None, name="return.xlsx"):
    batch = new_batch(file_name=name, payload=payload, by=by, fallback_team=fallback_team)
    run_import(batch)
    batch.refresh_from_db()
    return batch


def outcomes(batch):
    return {line["location"]: line["outcome"] for line in batch.report}


def reasons(batch, location):
    return " ".join(next(line["reasons"] for line in batch.report if line["location"] == location))
