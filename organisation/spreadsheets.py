"""The one writer for every CSV and spreadsheet export: text a spreadsheet would run as a formula stays text.

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by Excel and
LibreOffice (CSV or formula injection); such text is written with a leading apostrophe, as OWASP advises.
"""
import csv

from django.http import HttpResponse, StreamingHttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value to write: None as blank, formula-like text as text, anything else as it is."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(values):
    return [safe_cell(value) for value in values]


class _Echo:
    """A file whose write() hands back the line, so csv.writer can feed a streamed response."""

    def write(self, value):
        return value


def csv_lines(header, rows):
    writer = csv.writer(_Echo())
    yield writer.writerow(safe_row(header))
    for row in rows:
        yield writer.writerow(safe_row(row))


def csv_response(filename, header, rows, *, stream=False):
    """A CSV download; `stream` sends it row by row (an access log can run to many thousand lines)."""
    content_type = "text/csv; charset=utf-8"
    lines = csv_lines(header, rows)
    response = StreamingHttpResponse(lines, content_type=content_type) if stream else HttpResponse(
        "".join(lines), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def append_row(sheet, values):
    """Append a row to an openpyxl sheet; openpyxl would otherwise store text starting with `=` as a formula."""
    sheet.append([None if value is None else safe_cell(value) for value in values])
