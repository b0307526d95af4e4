"""Building returns for tests: Annex A workbooks written from the merge specification, and batches."""
import datetime
import io
from pathlib import Path

import xlwt
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


def xls_workbook(lists):
    """An Excel 97-2003 .xls workbook, as older councils' Annex A returns are: {sheet title: rows} -> bytes.

    Dates are written as date cells (a number with a date format), as Excel saves them.
    """
    book = xlwt.Workbook()
    dated = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for title, rows in lists.items():
        sheet = book.add_sheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, (datetime.date, datetime.datetime)):
                    sheet.write(r, c, value, dated)
                elif value is not None:
                    sheet.write(r, c, value)
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
