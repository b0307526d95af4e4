import datetime
import io

import time_machine
from openpyxl import load_workbook

from audits.models import AuditStatus
from cases.models import Category, Child, ChronologyEntry
from returns.export import annex_a_workbook
from returns.rows import ICPC
from tests.factories import (
    CaseFileAuditFactory,
    CaseNoteFactory,
    ChildFactory,
    ChronologyEntryFactory,
    ManagementDecisionFactory,
)
from tests.returns.helpers import imported

AS_OF = datetime.date(2026, 3, 31)


def _bytes(book):
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rows(book, title):
    sheet = book[title]
    header = [cell.value for cell in sheet[1]]
    return [dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2, values_only=True)]


def _snapshot():
    return {
        c.local_id: (c.date_of_birth, c.gender, c.ethnicity, c.category, c.opened_on, c.closed_on, c.team_id,
                     c.worker_id, max((n.occurred_on for n in c.case_notes.all()), default=None),
                     sorted((e.event_type, e.occurred_on) for e in c.chronology.all()))
        for c in Child.objects.prefetch_related("case_notes", "chronology")
    }


def _children(social_worker, colleague):
    social_worker.first_name, social_worker.last_name = "Sam", "Worker"
    social_worker.save()
    colleague.first_name, colleague.last_name = "Cal", "Colleague"
    colleague.save()
    made = [
        ChildFactory(local_id="EH1", category=Category.EARLY_HELP, worker=colleague, gender="2", ethnicity="APKN"),
        ChildFactory(local_id="CIN1", category=Category.CHILD_IN_NEED, worker=social_worker),
        ChildFactory(local_id="CP1", category=Category.CHILD_PROTECTION, worker=social_worker, gender="1"),
        ChildFactory(local_id="CLA1", category=Category.LOOKED_AFTER, worker=colleague,
                     opened_on=datetime.date(2025, 6, 1), closed_on=datetime.date(2026, 2, 1)),
        ChildFactory(local_id="UNALLOC", category=Category.CHILD_IN_NEED, worker=None, team=social_worker.team),
    ]
    CaseNoteFactory(child=made[1], occurred_on=datetime.date(2026, 3, 2), seen_alone=False)
    CaseNoteFactory(child=made[2], occurred_on=datetime.date(2026, 3, 20), seen_alone=True)
    CaseNoteFactory(child=made[2], occurred_on=datetime.date(2026, 2, 20), seen_alone=True)
    event = ChronologyEntry.EventType
    ChronologyEntryFactory(child=made[2], occurred_on=datetime.date(2026, 1, 20), event_type=event.REFERRAL)
    ChronologyEntryFactory(child=made[2], occurred_on=datetime.date(2026, 1, 27), event_type=event.STRATEGY)
    ChronologyEntryFactory(child=made[2], occurred_on=datetime.date(2026, 2, 9), event_type=event.CONFERENCE,
                           summary=ICPC)
    return made


def test_it_writes_ofsteds_lists_with_their_column_names(social_worker, colleague):
    _children(social_worker, colleague)
    ChildFactory(local_id="OLD", closed_on=datetime.date(2025, 1, 1), opened_on=datetime.date(2024, 1, 1))

    book = annex_a_workbook(AS_OF)

    assert book.sheetnames == [f"List {n}" for n in range(1, 12)] + ["Management oversight"]
    cp = _rows(book, "List 7")
    assert [row["Child Unique ID"] for row in cp] == ["CP1"]
    assert cp[0]["Date of the Last Statutory Visit"] == datetime.date(2026, 3, 20)
    assert cp[0]["Was the Child Seen Alone?"] == "a) Yes"
    assert cp[0]["Allocated Worker"] == "Sam Worker"
    assert cp[0]["Gender"] == "a) Male"
    assert {row["Child Unique ID"] for row in _rows(book, "List 6")} == {"CIN1", "UNALLOC"}
    assert "OLD" not in {row["Child Unique ID"] for row in _rows(book, "Management oversight")}


def test_the_oversight_sheet_gives_the_last_decision_and_audit_grade(social_worker, colleague, team_manager):
    cp = _children(social_worker, colleague)[2]
    ManagementDecisionFactory(child=cp, decided_on=datetime.date(2026, 3, 10), manager=team_manager)
    CaseFileAuditFactory(child=cp, audited_on=datetime.date(2026, 3, 12), status=AuditStatus.COMPLETED, grade="good")

    row = next(r for r in _rows(annex_a_workbook(AS_OF), "Management oversight") if r["Child Unique ID"] == "CP1")

    assert row["Last management decision"] == datetime.date(2026, 3, 10)
    assert row["Last audit grade"] == "good"
    assert row["Annex A list"] == "List 7"


@time_machine.travel(datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.UTC))
def test_exporting_then_importing_into_an_empty_database_gives_back_the_same_children(
    social_worker, colleague, administrator
):
    _children(social_worker, colleague)
    before = _snapshot()
    payload = _bytes(annex_a_workbook(AS_OF))
    Child.objects.all().delete()

    batch = imported(payload, administrator)

    assert batch.counts["children_create"] == len(before)
    assert batch.counts["children_reject"] == 0
    assert _snapshot() == before


def test_the_exported_workbook_reads_back_with_its_dates(social_worker, colleague):
    _children(social_worker, colleague)

    book = load_workbook(io.BytesIO(_bytes(annex_a_workbook(AS_OF))), read_only=True)

    cla = _rows(book, "List 8")[0]
    assert cla["Date Ceased to be Looked After"].date() == datetime.date(2026, 2, 1)


def test_referrals_and_section_47_enquiries_in_the_six_months_fill_lists_3_and_5(social_worker, colleague):
    cp = _children(social_worker, colleague)[2]
    ChronologyEntryFactory(child=cp, occurred_on=datetime.date(2025, 6, 1))  # a referral before the six months

    book = annex_a_workbook(AS_OF)

    referrals = _rows(book, "List 3")
    assert [(r["Child Unique ID"], r["Date of referral"]) for r in referrals] == [
        ("CP1", datetime.date(2026, 1, 20))]
    assert referrals[0]["Number of Referrals in Last 12 Months"] == 2
    assert referrals[0]["Allocated Worker"] == "Sam Worker"
    enquiry = _rows(book, "List 5")[0]
    assert enquiry["Strategy discussion initiating Section 47 Enquiry Start Date"] == datetime.date(2026, 1, 27)
    assert enquiry["Date of Initial Child Protection Conference"] == datetime.date(2026, 2, 9)
    assert [_rows(book, f"List {n}") for n in (1, 4, 10, 11)] == [[], [], [], []]
