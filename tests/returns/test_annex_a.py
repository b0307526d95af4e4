import datetime

from cases.models import (
    Allocation,
    Assessment,
    CaseNote,
    Category,
    Child,
    ChronologyEntry,
)
from returns.annex_a_headers import match_headers
from returns.models import ImportBatch, SourceRecord
from tests.returns.helpers import DATA, checked, imported, outcomes, reasons, workbook

SAMPLE = (DATA / "liia_Annex_A.xlsx").read_bytes()
LIST_7 = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Does the Child have a Disability",
          "Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
          "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference",
          "Child Protection Plan End Date", "Subject to Emergency Protection Order (Y/N)",
          "Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker"]


def cp_row(child_id, *, team="Team A", worker="", start=44900, visit=44950, alone="a) Yes", gender="b) Female",
           born=datetime.datetime(2015, 5, 17), end=None):
    return [child_id, gender, "a) WBRI", born, 8, "b) No", start, "Neglect", "Neglect", visit, alone, None,
            end, "b) No", 0, team, worker]


def test_it_matches_headers_by_pattern_ignoring_case_and_punctuation():
    missing = "Number of Episodes the Child has been ‘Missing’ from their Placement in the last 12 months"
    found = match_headers(8, ["CHILD UNIQUE ID", missing, "Child’s legal status"])
    assert found == {
        "Child Unique ID": 0,
        "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months": 1,
        "Child's Legal Status": 2,
    }


def test_the_dry_run_of_the_shared_sample_reports_every_row_and_saves_nothing(administrator, team):
    batch = checked(SAMPLE, administrator, fallback_team=team)

    assert batch.status == ImportBatch.Status.CHECKED
    assert batch.counts["rows"] == 59
    # A child of 20 when their assessment began is a query, held back until the administrator accepts it.
    assert (batch.counts["children_create"], batch.counts["children_query"]) == (35, 1)
    assert "Query: the child was 20 when the involvement began (2019-12-26)" in reasons(batch, "List 4 row 4")
    assert batch.counts["children_reject"] == 7
    result = outcomes(batch)
    assert result["List 1 row 2 to row 6"] == result["List 11 row 2 to row 6"] == "skip"
    assert "Ethnicity is blank" in reasons(batch, "List 8 row 4")
    assert "before the date of birth" in reasons(batch, "List 8 row 5")
    assert "conflicting date of birth" in reasons(batch, "List 9 row 2")
    assert Child.objects.count() == 0
    assert not SourceRecord.objects.exists()


def test_importing_the_shared_sample_creates_children_with_provenance_and_a_second_import_changes_nothing(
    administrator, team
):
    first = imported(SAMPLE, administrator, fallback_team=team)

    assert first.status == ImportBatch.Status.IMPORTED
    assert Child.objects.count() == 35
    child = Child.objects.get(local_id="10721552")
    assert child.category == Category.CHILD_PROTECTION
    assert child.opened_on == datetime.date(2020, 11, 23)
    assert child.closed_on == datetime.date(2021, 2, 16)
    assert child.team == team and child.worker is None
    visit = CaseNote.objects.get(child=child)
    assert (visit.occurred_on, visit.seen_alone) == (datetime.date(2021, 1, 22), True)
    record = SourceRecord.objects.get(child_local_id="10721552", natural_key="child")
    assert (record.batch, record.location, record.record) == (first, "List 7 row 2", child)
    assert Assessment.objects.get(child__local_id="10692868").current_version().decided_at.date() == (
        datetime.date(2021, 2, 8))

    counts = [Model.objects.count() for Model in (Child, Allocation, CaseNote, ChronologyEntry, Assessment)]
    again = imported(SAMPLE, administrator, fallback_team=team)

    assert again.counts["children_unchanged"] == 35
    assert again.counts["children_create"] == again.counts["children_update"] == 0
    assert [Model.objects.count() for Model in (Child, Allocation, CaseNote, ChronologyEntry, Assessment)] == counts
    assert not again.records.exists()


def test_it_allocates_to_a_known_team_and_worker_by_name(administrator, team, social_worker):
    social_worker.first_name, social_worker.last_name = "Ezra", "Leigh"
    social_worker.save()
    payload = workbook({"List 7": [LIST_7, cp_row("CP1", team="team a", worker="Ezra\xa0Leigh")]})

    imported(payload, administrator)

    child = Child.objects.get(local_id="CP1")
    assert (child.team, child.worker) == (team, social_worker)
    assert child.allocations.get().worker == social_worker
    assert child.first_name == "Child" and child.last_name == "CP1"


def test_a_child_whose_team_is_unknown_is_rejected_unless_a_team_is_chosen(administrator, team):
    payload = workbook({"List 7": [LIST_7, cp_row("CP1", team="Nowhere Team")]})

    batch = imported(payload, administrator)

    assert outcomes(batch) == {"List 7 row 2": "reject"}
    assert "no team in Oversight" in reasons(batch, "List 7 row 2")
    assert not Child.objects.exists()


def test_an_unknown_worker_leaves_the_child_unallocated_with_a_warning(administrator, team):
    payload = workbook({"List 7": [LIST_7, cp_row("CP1", worker="Nobody Known")]})

    batch = imported(payload, administrator)

    assert "'Nobody Known' is not a staff member" in reasons(batch, "List 7 row 2")
    assert Child.objects.get(local_id="CP1").worker is None


def test_a_changed_return_updates_the_child_and_reallocates(administrator, team, social_worker, other_team):
    imported(workbook({"List 7": [LIST_7, cp_row("CP1")]}), administrator)
    social_worker.first_name, social_worker.last_name = "Ezra", "Leigh"
    social_worker.save()

    batch = imported(workbook({"List 7": [LIST_7, cp_row("CP1", worker="Ezra Leigh", end=45000)]}), administrator)

    assert outcomes(batch) == {"List 7 row 2": "update"}
    child = Child.objects.get(local_id="CP1")
    assert child.worker == social_worker
    assert child.closed_on == datetime.date(2023, 3, 15)
    assert child.allocations.count() == 2


def test_edge_cases_are_reported_row_by_row_and_never_half_imported(administrator, team):
    payload = workbook({"List 7": [
        LIST_7,
        cp_row("GOOD"),
        cp_row("CODE", gender="x) Robot"),
        cp_row("ORDER", start=44900, end=44800),
        cp_row("BLANK", gender=None),
        cp_row("TWICE"),
        cp_row("TWICE", born=datetime.datetime(2016, 1, 1)),
        cp_row("BADDATE", visit="31/02/2021"),
    ]})

    batch = imported(payload, administrator)

    assert outcomes(batch) == {
        "List 7 row 2": "create", "List 7 row 3": "reject", "List 7 row 4": "reject", "List 7 row 5": "reject",
        "List 7 row 6": "reject", "List 7 row 7": "reject", "List 7 row 8": "reject",
    }
    assert "gender 'x) Robot' is not a recognised code" in reasons(batch, "List 7 row 3")
    assert "is before Child Protection Plan Start Date" in reasons(batch, "List 7 row 4")
    assert "Gender is blank" in reasons(batch, "List 7 row 5")
    assert "conflicting date of birth" in reasons(batch, "List 7 row 6")
    assert "'31/02/2021' is not a date" in reasons(batch, "List 7 row 8")
    assert list(Child.objects.values_list("local_id", flat=True)) == ["GOOD"]


def test_a_failure_while_saving_leaves_nothing_saved(administrator, team, monkeypatch):
    from returns import apply

    def explode(self, plan):
        raise RuntimeError("disk full")

    monkeypatch.setattr(apply._Writer, "add_records", explode)

    batch = imported(workbook({"List 7": [LIST_7, cp_row("CP1"), cp_row("CP2")]}), administrator)

    assert batch.status == ImportBatch.Status.FAILED
    assert "nothing was saved" in batch.error
    assert not Child.objects.exists() and not SourceRecord.objects.exists()


def test_a_file_of_the_wrong_type_is_reported_not_imported(administrator):
    batch = imported((DATA / "not_a_return.csv").read_bytes(), administrator, name="episodes.csv")

    assert batch.status == ImportBatch.Status.FAILED
    assert "not a return Oversight reads" in batch.error


def test_a_workbook_without_annex_a_lists_is_reported(administrator):
    batch = imported(workbook({"Sheet1": [["a", "b"], [1, 2]]}), administrator)

    assert batch.status == ImportBatch.Status.FAILED
    assert "No sheet is named after an Annex A list" in batch.error
