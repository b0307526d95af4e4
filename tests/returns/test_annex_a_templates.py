"""Annex A workbooks as councils keep them: Ofsted's template sheet names, title rows above the headers, .xls."""
import datetime

import pytest

from cases.models import Category, Child
from returns.annex_a import LIST_NUMBER
from returns.models import Format, ImportBatch
from tests.returns.helpers import imported, outcomes, reasons, workbook, xls_workbook
from tests.returns.test_annex_a import LIST_7, cp_row

TITLE = ["Annex A: List 7 - Children who are the subject of a child protection plan"]
NOTES = ["Please provide the following information for all children subject to a plan at the date of inspection."]


@pytest.mark.parametrize("title", ["List 7", "List_7", "List7", "list 7 - Child Protection", "List_7_CP", "LIST-7"])
def test_every_way_the_template_names_a_sheet_is_read_as_its_list(title):
    assert int(LIST_NUMBER.search(title).group(1)) == 7


def test_list_10_and_11_are_not_read_as_list_1():
    assert [int(LIST_NUMBER.search(t).group(1)) for t in ("List_10", "List 11 - Adopters")] == [10, 11]


def test_a_workbook_with_underscore_sheet_names_and_title_rows_imports(administrator, team):
    payload = workbook({
        "List_1": [["Annex A: List 1 - Contacts"], [], ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth",
                                                        "Date of Contact", "Contact Source"],
                   ["C1", "a) Male", "WBRI", datetime.datetime(2015, 1, 1), datetime.datetime(2024, 1, 2), "Police"]],
        "List_7": [TITLE, NOTES, [], LIST_7, cp_row("CP1"), cp_row("CP2")],
    })

    batch = imported(payload, administrator)

    assert batch.status == ImportBatch.Status.IMPORTED
    assert outcomes(batch) == {"List 1 row 4": "skip", "List 7 row 5": "create", "List 7 row 6": "create"}
    assert set(Child.objects.values_list("local_id", flat=True)) == {"CP1", "CP2"}


def test_a_header_row_is_found_only_where_it_matches_the_list_columns(administrator, team):
    # A title that mentions a column is not taken for the header: the row matching most columns is.
    payload = workbook({"List 7": [["Child Unique ID of each child on a plan"], LIST_7, cp_row("CP1")]})

    batch = imported(payload, administrator)

    assert outcomes(batch) == {"List 7 row 3": "create"}


def test_a_sheet_without_a_header_row_rejects_its_rows_and_says_why(administrator, team):
    payload = workbook({"List 7": [["Annex A"], ["no headers here"], cp_row("CP1")]})

    batch = imported(payload, administrator)

    assert set(outcomes(batch).values()) == {"reject"}
    assert not Child.objects.exists()


def test_an_xls_workbook_is_detected_and_imported_with_its_dates(administrator, team):
    row = cp_row("CP1", start=datetime.date(2022, 12, 5), visit=datetime.date(2023, 1, 24))
    payload = xls_workbook({"List_7": [TITLE, LIST_7, row]})

    batch = imported(payload, administrator, name="annex-a-2019.xls")

    assert (batch.status, batch.format) == (ImportBatch.Status.IMPORTED, Format.ANNEX_A)
    assert outcomes(batch) == {"List 7 row 3": "create"}
    child = Child.objects.get(local_id="CP1")
    assert (child.category, child.opened_on) == (Category.CHILD_PROTECTION, datetime.date(2022, 12, 5))
    assert child.date_of_birth == datetime.date(2015, 5, 17)


def test_a_damaged_xls_is_reported_not_imported(administrator):
    payload = xls_workbook({"List 7": [LIST_7]})[:600]

    batch = imported(payload, administrator, name="broken.xls")

    assert batch.status == ImportBatch.Status.FAILED
    assert ".xls workbook cannot be opened" in batch.error


@pytest.mark.parametrize("identifier", ["+1+1", "@SUM(A1)", "-2+3", "|calc", "CP1;rm"])
def test_a_child_identifier_that_is_not_an_identifier_is_rejected(administrator, team, identifier):
    payload = workbook({"List 7": [LIST_7, cp_row(identifier), cp_row("CP2")]})

    batch = imported(payload, administrator)

    assert outcomes(batch) == {"List 7 row 2": "reject", "List 7 row 3": "create"}
    assert "Child Unique ID" in reasons(batch, "List 7 row 2")
    assert "is not an identifier" in reasons(batch, "List 7 row 2")
    assert list(Child.objects.values_list("local_id", flat=True)) == ["CP2"]


def test_a_formula_saved_as_text_in_an_xls_is_not_taken_for_an_identifier(administrator, team):
    payload = xls_workbook({"List 7": [LIST_7, cp_row('=HYPERLINK("http://example.org")', start=44900)]})

    batch = imported(payload, administrator, name="annex.xls")

    assert outcomes(batch) == {"List 7 row 2": "reject"}
    assert "is not an identifier" in reasons(batch, "List 7 row 2")
    assert not Child.objects.exists()
