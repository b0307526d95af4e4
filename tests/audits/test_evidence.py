"""The evidence beside each checklist row comes from the child's record, in a fixed number of queries."""
import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audits.evidence import files
from audits.evidence.files import file_evidence
from cases import timeline
from cases.models import CaseNote, Category, Document
from tests.factories import (
    CaseNoteFactory,
    ChronologyEntryFactory,
    DocumentFactory,
    ManagementDecisionFactory,
)

TODAY = datetime.date(2026, 3, 10)


def facts(evidence, code):
    return {fact.label: fact for fact in evidence[code]}


@pytest.fixture
def looked_after(child):
    child.category = Category.LOOKED_AFTER
    child.save()
    return child


def test_it_shows_the_last_chronology_entry_and_flags_a_stale_one(child, team_manager):
    ChronologyEntryFactory(child=child, occurred_on=datetime.date(2025, 11, 1))
    ChronologyEntryFactory(child=child, occurred_on=datetime.date(2025, 12, 1))
    last = facts(file_evidence(child, team_manager, TODAY), "chronology")["Last chronology entry"]
    assert last.value.startswith("1 December 2025 (99 days ago)")
    assert last.concern  # older than CHRON-STALE's 90 days


def test_a_chronology_entry_within_the_standard_is_not_flagged(child, team_manager):
    ChronologyEntryFactory(child=child, occurred_on=TODAY - datetime.timedelta(days=90))
    assert not facts(file_evidence(child, team_manager, TODAY), "chronology")["Last chronology entry"].concern


def test_it_shows_the_last_statutory_visit_seen_alone_and_with_views(child, team_manager):
    CaseNoteFactory(child=child, occurred_on=datetime.date(2026, 2, 2), seen_alone=True, views_recorded=False)
    CaseNoteFactory(child=child, occurred_on=datetime.date(2026, 3, 2), seen_alone=False, views_recorded=True)
    CaseNoteFactory(child=child, occurred_on=datetime.date(2026, 3, 9), kind=CaseNote.Kind.NOTE)
    visits = facts(file_evidence(child, team_manager, TODAY), "visits")
    assert visits["Last statutory visit"].value.startswith("2 March 2026")
    assert visits["Last visit with the child seen alone"].value.startswith("2 February 2026")
    assert visits["Last visit with the child's views recorded"].value.startswith("2 March 2026")
    assert visits["Seen alone at the last 3 statutory visits"].value == "1 of 2"


def test_a_child_protection_child_not_seen_alone_at_recent_visits_is_flagged(child, team_manager):
    child.category = Category.CHILD_PROTECTION
    child.save()
    CaseNoteFactory(child=child, occurred_on=datetime.date(2026, 3, 2), seen_alone=False)
    evidence = facts(file_evidence(child, team_manager, TODAY), "visits")
    assert evidence["Seen alone at the last 3 statutory visits"].concern
    assert not evidence["Last statutory visit"].concern  # 6 working days ago, within CP's 10


def test_it_shows_a_looked_after_childs_photo_and_birth_certificate(looked_after, team_manager):
    DocumentFactory(child=looked_after, kind=Document.Kind.PHOTO, dated=datetime.date(2025, 6, 1))
    evidence = file_evidence(looked_after, team_manager, TODAY)
    photo = facts(evidence, "photo")["Latest photo"]
    assert photo.value.startswith("1 June 2025") and not photo.concern
    assert facts(evidence, "birth_certificate")["Birth certificate"].value == "Not on file"
    assert facts(evidence, "birth_certificate")["Birth certificate"].concern


def test_a_photo_older_than_the_standard_is_flagged_for_looked_after_children_only(child, team_manager):
    DocumentFactory(child=child, kind=Document.Kind.PHOTO, dated=datetime.date(2025, 3, 9))
    assert not facts(file_evidence(child, team_manager, TODAY), "photo")["Latest photo"].concern
    child.category = Category.LOOKED_AFTER
    child.save()
    assert facts(file_evidence(child, team_manager, TODAY), "photo")["Latest photo"].concern


def test_it_shows_the_latest_summary_plan_review_minutes_and_court_order(child, team_manager, iro):
    for kind, dated in [
        (Document.Kind.QUARTERLY_SUMMARY, datetime.date(2026, 1, 15)),
        (Document.Kind.PLAN, datetime.date(2026, 2, 1)),
        (Document.Kind.PLAN, datetime.date(2025, 8, 1)),
        (Document.Kind.REVIEW_MINUTES, datetime.date(2026, 2, 20)),
    ]:
        DocumentFactory(child=child, kind=kind, dated=dated)
    evidence = file_evidence(child, team_manager, TODAY)
    assert facts(evidence, "quarterly_summary")["Latest quarterly summary"].value.startswith("15 January 2026")
    plans = facts(evidence, "plan_and_review")
    assert plans["Latest plan on file"].value.startswith("1 February 2026")
    assert plans["Latest review minutes"].value.startswith("20 February 2026")
    assert plans["If late or missing, tell the IRO or CP chair"].value == str(iro)
    assert facts(evidence, "court_order")["Latest court order"].value == "None recorded"


def test_management_decisions_are_counted_and_their_absence_flagged(child, team_manager):
    assert facts(file_evidence(child, team_manager, TODAY), "management_oversight")[
        "Management decisions on the record"
    ].concern
    ManagementDecisionFactory(child=child, decided_on=datetime.date(2026, 2, 4))
    decisions = facts(file_evidence(child, team_manager, TODAY), "management_oversight")[
        "Management decisions on the record"
    ]
    assert decisions.value.startswith("1, latest 4 February 2026") and not decisions.concern


def test_confidential_documents_are_counted_only_for_those_who_may_see_them(child, team_manager, iro):
    DocumentFactory(child=child, kind=Document.Kind.REPORT, confidential=True)
    label = "Confidential documents you can see"
    assert facts(file_evidence(child, team_manager, TODAY), "confidential_section")[label].value == "1"
    assert facts(file_evidence(child, iro, TODAY), "confidential_section")[label].value == "0"


def test_case_discussions_are_not_yet_available_until_supervision_files_them(child, team_manager, monkeypatch):
    monkeypatch.setattr(timeline, "kinds", lambda: [])
    assert file_evidence(child, team_manager, TODAY)["supervision_filed"][0].value == "Not yet available"


def test_case_discussions_filed_through_the_timeline_are_counted(child, team_manager, monkeypatch):
    entry = timeline.Entry(on=datetime.date(2026, 3, 3), kind=files.CASE_DISCUSSION, label="Case discussion", title="")
    monkeypatch.setattr(timeline, "kinds", lambda: [(files.CASE_DISCUSSION, "Case discussion")])
    monkeypatch.setattr(timeline, "for_child", lambda child, user, only: [entry, entry])
    evidence = facts(file_evidence(child, team_manager, TODAY), "supervision_filed")
    assert evidence["Case discussions on the record"].value == "2"
    assert evidence["Latest"].value.startswith("3 March 2026")


def test_the_number_of_queries_does_not_grow_with_the_record(child, team_manager):
    def count():
        with CaptureQueriesContext(connection) as queries:
            file_evidence(child, team_manager, TODAY)
        return len(queries)

    count()  # the first reads the manager's visible teams once (organisation.scoping keeps them on the user)
    small = count()
    for day in range(1, 25):
        ChronologyEntryFactory(child=child, occurred_on=datetime.date(2026, 1, day))
        CaseNoteFactory(child=child, occurred_on=datetime.date(2026, 1, day))
        DocumentFactory(child=child, kind=Document.Kind.REPORT, dated=datetime.date(2026, 1, day))
        ManagementDecisionFactory(child=child, decided_on=datetime.date(2026, 1, day))
    assert count() == small
