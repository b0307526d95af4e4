"""Opening a spreadsheet (.xlsx with openpyxl, the older .xls with xlrd) as sheets of rows, read one row at a time."""
import zipfile
from dataclasses import dataclass

import xlrd
from openpyxl import load_workbook


class FileError(ValueError):
    """The file as a whole cannot be read as this return."""


# The first bytes of an OLE2 compound document: the container of an Excel 97-2003 .xls workbook.
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_xls(payload):
    return payload[:8] == XLS_MAGIC


@dataclass
class Sheet:
    title: str
    # Rows as far as the file says; a streamed .xlsx may not know, and then this is an estimate.
    max_row: int
    _rows: object

    def rows(self):
        """Each row as a tuple of values (dates as datetimes, numbers as int or float, text as str)."""
        return self._rows()


def open_workbook(stream):
    """The workbook's sheets; raises FileError for a file that is neither .xlsx nor .xls."""
    head = stream.read(8)
    stream.seek(0)
    if is_xls(head):
        return _xls_sheets(stream.read())
    if not zipfile.is_zipfile(stream):
        raise FileError("The file is not an Excel workbook (.xlsx or .xls).")
    stream.seek(0)
    try:
        # read_only streams rows from the zip; data_only gives the value a formula last calculated.
        book = load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise FileError(f"The workbook cannot be opened: {error}") from error
    return [Sheet(sheet.title, sheet.max_row or 0, lambda sheet=sheet: sheet.iter_rows(values_only=True))
            for sheet in book.worksheets]


def _xls_sheets(payload):
    try:
        # on_demand loads a sheet's cells only when it is first read.
        book = xlrd.open_workbook(file_contents=payload, on_demand=True)
    except Exception as error:  # xlrd raises its own and struct errors for a damaged file
        raise FileError(f"The .xls workbook cannot be opened: {error}") from error

    def rows(index):
        sheet = book.sheet_by_index(index)
        for number in range(sheet.nrows):
            yield tuple(_xls_value(cell, book.datemode) for cell in sheet.row(number))
        book.unload_sheet(index)

    return [Sheet(name, book.sheet_by_index(i).nrows, lambda i=i: rows(i))
            for i, name in enumerate(book.sheet_names())]


def _xls_value(cell, datemode):
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return "#N/A"
    return cell.value
