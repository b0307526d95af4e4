"""The shared samples (two CIN census files, SSDA903 episodes, an Annex A workbook) imported as an administrator
would, then the Annex A export: every list 8 column the imported data holds comes back filled."""
import datetime
import re

from openpyxl import load_workbook

from cases.models import Category, Child
from returns.export import annex_a_workbook
from returns.imports import check, new_batch, queried, run_import
from tests.factories import ChildFactory
from tests.returns.helpers import DATA
from tests.returns.test_export import _rows
from tests.returns.test_export_returns import NOT_IN_ANY_RETURN

# Ceased on 2020-09-22, so still in list 8 (closed in the six months before), with its reason.
AS_OF = datetime.date(2021, 3, 1)
SAMPLES = ("liia_cin-2022.xml", "d2i_CIN_Census_2024.xml", "liia_Annex_A.xlsx", "liia_SSDA903_2020_episodes.csv")
# Filled by Oversight from its own records, not carried over from the workbook.
OWN_RECORDS = {"Allocated Team", "Allocated Worker", "Date of Last Social Work Visit", "Age"}


def _key(column):
    return re.sub(r"[^a-z0-9]", "", column.lower().replace("years", "")).replace("ofchild", "")


def _import_accepting_queries(name, by, team):
    batch = new_batch(file_name=name, payload=(DATA / name).read_bytes(), by=by, fallback_team=team)
    check(batch)
    batch.refresh_from_db()
    batch.accepted_queries = queried(batch)
    batch.save(update_fields=["accepted_queries"])
    run_import(batch)
    batch.refresh_from_db()
    return batch


def _source_list_8():
    sheet = load_workbook(DATA / "liia_Annex_A.xlsx", read_only=True)["List 8"]
    header, *rows = sheet.iter_rows(values_only=True)
    return {str(row[0]): {_key(name): value for name, value in zip(header, row, strict=True)} for row in rows}


def test_the_shared_samples_load_and_list_8_is_filled_wherever_the_data_holds_it(administrator, team):
    # The 903 sample's children are not in the other samples: Oversight holds them first, as a council would.
    for local_id in ("689661", "249901"):
        ChildFactory(local_id=local_id, category=Category.LOOKED_AFTER, opened_on=datetime.date(2018, 1, 1),
                     team=team, worker=None)
    batches = {name: _import_accepting_queries(name, administrator, team) for name in SAMPLES}

    assert {name: batch.status for name, batch in batches.items()} == dict.fromkeys(SAMPLES, "imported")
    assert batches["liia_Annex_A.xlsx"].counts["children_create"] == 36
    assert batches["liia_SSDA903_2020_episodes.csv"].counts["children_update"] == 2

    source = _source_list_8()
    exported = {row["Child Unique ID"]: row for row in _rows(annex_a_workbook(AS_OF), "List 8")}
    imported_here = set(source) & set(Child.objects.values_list("local_id", flat=True))
    assert imported_here == {"1761444", "1373595", "3623204"}  # the other two are rejected, with reasons
    assert imported_here <= set(exported)
    not_held = {_key(name) for name in NOT_IN_ANY_RETURN - {"Date Ceased to be Looked After",
                                                            "Reason Ceased to be Looked After"}}
    for local_id in sorted(imported_here):
        row = {_key(name): value for name, value in exported[local_id].items()}
        filled_there = {name for name, value in source[local_id].items() if value not in (None, "")}
        expected = filled_there - not_held - {_key(name) for name in OWN_RECORDS}
        assert {name for name in expected if row.get(name) in (None, "")} == set(), local_id
        assert row[_key("Number of Placements in the Last 12 months")] == 1, local_id
    assert exported["3623204"]["Reason Ceased to be Looked After"] == "E47"
