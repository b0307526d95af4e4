"""A million-row sheet is read as a stream: memory stays bounded and skipped rows are reported as runs."""
import io
import resource
import zipfile

from returns.models import ImportBatch
from tests.returns.helpers import checked, outcomes, reasons, workbook
from tests.returns.test_annex_a import LIST_7, cp_row

MILLION = 1_000_000
MEGABYTE = 1024  # ru_maxrss is in kilobytes on Linux

PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.'
    'xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
    'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    'worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="List_1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}


def million_contacts():
    """An xlsx with a title row, a header row and a million contacts on a List_1 sheet, written as Excel would."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                        b'spreadsheetml/2006/main"><dimension ref="A1:C1000002"/><sheetData>'
                        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Annex A List 1: contacts</t></is></c></row>'
                        b'<row r="2"><c r="A2" t="inlineStr"><is><t>Child Unique ID</t></is></c><c r="B2" '
                        b't="inlineStr"><is><t>Date of Contact</t></is></c><c r="C2" t="inlineStr"><is><t>Contact '
                        b'Source</t></is></c></row>')
            for start in range(3, MILLION + 3, 10_000):
                sheet.write("".join(
                    f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>C{n:07d}</t></is></c><c r="B{n}"><v>'
                    f'{45000 + n % 300}</v></c><c r="C{n}" t="inlineStr"><is><t>Police</t></is></c></row>'
                    for n in range(start, min(start + 10_000, MILLION + 3))).encode())
            sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def test_a_million_row_sheet_is_checked_in_bounded_memory(administrator, team):
    payload = million_contacts()
    assert len(payload) < 100 * 1024 * 1024  # under the upload limit

    batch = checked(payload, administrator, fallback_team=team)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / MEGABYTE
    assert batch.status == ImportBatch.Status.CHECKED
    assert batch.counts["rows"] == batch.counts["rows_skipped"] == MILLION
    assert outcomes(batch) == {"List 1 row 3 to row 1000002": "skip"}
    assert "1000000 rows" in reasons(batch, "List 1 row 3 to row 1000002")
    assert peak < 500, f"peak memory {peak:.0f} MB"


def test_skipped_rows_are_reported_as_runs_between_the_rows_imported(administrator, team):
    contacts = [["Child Unique ID", "Date of Contact"], ["C1", 45000], ["C2", 45001], ["C3", 45002]]
    payload = workbook({"List 1": contacts, "List 7": [LIST_7, cp_row("CP1")], "List 11": [["Adopter ID"], ["A1"]]})

    batch = checked(payload, administrator, fallback_team=team)

    assert outcomes(batch) == {"List 1 row 2 to row 4": "skip", "List 7 row 2": "create", "List 11 row 2": "skip"}
    assert batch.counts["rows"] == 5 and batch.counts["rows_skipped"] == 4
