"""SPEC 4b for the children's standards: SEEN-ALONE, VISITS, MGR-ATTEND, CHRON-STALE, and whitespace."""
import pytest
import time_machine

from cases.forms.records import ManagementDecisionForm
from cases.models import CaseNote, Category, ChronologyEntry, Document, ManagerMeeting
from compliance.rules import BY_CODE
from organisation.models import PracticeStandard, StaffMember
from supervision.forms.meetings import TeamMeetingForm
from tests.factories import (
    CaseNoteFactory,
    ChildFactory,
    ChronologyEntryFactory,
    DocumentFactory,
    ManagerMeetingFactory,
    StaffFactory,
    TeamFactory,
    TeamMeetingFactory,
)

from .helpers import D, at, breaches

BOUNDARY = [(-1, False), (0, False), (1, True)]


def shifted(day, days):
    return D.fromordinal(day.toordinal() + days)


def visit(child, on, *, recorded=None, kind=CaseNote.Kind.STATUTORY_VISIT, **fields):
    with time_machine.travel(recorded or at(on, 17)):
        return CaseNoteFactory(child=child, occurred_on=on, kind=kind, **fields)


@pytest.fixture
def protected(db):
    return ChildFactory(category=Category.CHILD_PROTECTION, opened_on=D(2026, 1, 5))


# --- SEEN-ALONE --------------------------------------------------------------------------------------------

def test_seen_alone_a_child_with_no_visit_is_not_in_breach(protected):
    assert protected.pk not in breaches("SEEN-ALONE", D(2026, 11, 23))


@pytest.mark.parametrize("category", [Category.CHILD_PROTECTION, Category.LOOKED_AFTER])
def test_seen_alone_a_child_with_fewer_than_3_visits_none_alone_is_in_breach(db, category):
    child = ChildFactory(category=category)
    visit(child, D(2026, 11, 2), seen_alone=False)
    visit(child, D(2026, 11, 9), seen_alone=False)
    assert breaches("SEEN-ALONE", D(2026, 11, 23)) == {child.pk: D(2026, 11, 2)}


def test_seen_alone_at_one_of_fewer_than_3_visits_is_enough(protected):
    visit(protected, D(2026, 11, 2), seen_alone=True)
    visit(protected, D(2026, 11, 9), seen_alone=False)
    assert protected.pk not in breaches("SEEN-ALONE", D(2026, 11, 23))


@pytest.mark.parametrize("alone_recorded_hour, breached", [(16, True), (18, False)])
def test_seen_alone_visits_on_one_day_are_ordered_by_when_they_were_recorded(protected, alone_recorded_hour,
                                                                             breached):
    # Three visits: the oldest counted is one of two on 2 November. Seen alone at the other: recorded before
    # it (16:00), that visit is the fourth latest; recorded after (18:00), it is among the last three.
    visit(protected, D(2026, 11, 2), recorded=at(D(2026, 11, 2), 17), seen_alone=False)
    visit(protected, D(2026, 11, 2), recorded=at(D(2026, 11, 2), alone_recorded_hour), seen_alone=True)
    visit(protected, D(2026, 11, 9), seen_alone=False)
    visit(protected, D(2026, 11, 16), seen_alone=False)
    if alone_recorded_hour == 18:
        # Now the 17:00 visit is the fourth latest; the 18:00 one, seen alone, is the oldest counted.
        assert protected.pk not in breaches("SEEN-ALONE", D(2026, 11, 23))
    else:
        assert breaches("SEEN-ALONE", D(2026, 11, 23))[protected.pk] == D(2026, 11, 2)


def test_seen_alone_counts_visits_up_to_today_only(protected):
    visit(protected, D(2026, 11, 2), seen_alone=False)
    visit(protected, D(2026, 11, 24), seen_alone=True)
    assert protected.pk in breaches("SEEN-ALONE", D(2026, 11, 23))
    assert protected.pk not in breaches("SEEN-ALONE", D(2026, 11, 24))


# --- VISITS ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_visits_a_visit_where_the_child_was_not_seen_does_not_count(protected, offset, breached):
    visit(protected, D(2026, 11, 2))  # seen: 10 working days is 16 November
    visit(protected, D(2026, 11, 12), child_seen=False, seen_alone=False)
    found = breaches("VISITS", shifted(D(2026, 11, 16), offset))
    assert (protected.pk in found) is breached
    if breached:
        assert found[protected.pk] == D(2026, 11, 16)


def test_visits_after_a_new_placement_the_child_must_be_seen(db):
    child = ChildFactory(category=Category.LOOKED_AFTER, opened_on=D(2026, 1, 5))
    visit(child, D(2026, 10, 20))
    ChronologyEntryFactory(child=child, occurred_on=D(2026, 11, 2), event_type=ChronologyEntry.EventType.PLACEMENT)
    visit(child, D(2026, 11, 5), child_seen=False, seen_alone=False)
    assert breaches("VISITS", D(2026, 11, 10))[child.pk] == D(2026, 11, 9)
    visit(child, D(2026, 11, 6))
    assert child.pk not in breaches("VISITS", D(2026, 11, 10))


# --- MGR-ATTEND --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("today, breached", [(D(2027, 2, 4), True), (D(2027, 2, 5), False)])
def test_mgr_attend_reports_a_missed_meeting_over_the_last_12_months(db, today, breached):
    meeting = ManagerMeetingFactory(held_on=D(2026, 2, 5), manager_attended=False)
    assert (meeting.child_id in breaches("MGR-ATTEND", today)) is breached


def test_mgr_attend_reads_the_configured_months_and_counts_the_population_over_them(db):
    meeting = ManagerMeetingFactory(held_on=D(2026, 2, 5), manager_attended=False)
    PracticeStandard.objects.update_or_create(code="MGR-ATTEND", defaults={"values": {"months": 6}})
    assert meeting.child_id not in breaches("MGR-ATTEND", D(2026, 8, 5))
    assert meeting.child_id in breaches("MGR-ATTEND", D(2026, 8, 4))
    population = BY_CODE["MGR-ATTEND"].population
    assert list(population(D(2026, 8, 4)).values_list("pk", flat=True)) == [meeting.child_id]
    assert not population(D(2026, 8, 5)).exists()


# --- CHRON-STALE -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", [ManagerMeeting.Kind.INITIAL_CONFERENCE, ManagerMeeting.Kind.PLO_HEARING])
@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_chron_stale_a_conference_or_plo_hearing_needs_an_entry_on_or_after_its_day(db, kind, offset, breached):
    entry = ChronologyEntryFactory(occurred_on=D(2026, 9, 1))
    ManagerMeetingFactory(child=entry.child, kind=kind, held_on=D(2026, 9, 10))
    found = breaches("CHRON-STALE", shifted(D(2026, 9, 10), offset))
    assert (entry.child_id in found) is breached
    if breached:
        assert found[entry.child_id] == D(2026, 9, 10)


@pytest.mark.parametrize("kind, counts", [(Document.Kind.COURT_ORDER, True), (Document.Kind.REPORT, False)])
def test_chron_stale_a_court_order_is_significant_and_another_document_is_not(db, kind, counts):
    entry = ChronologyEntryFactory(occurred_on=D(2026, 9, 1))
    DocumentFactory(child=entry.child, kind=kind, dated=D(2026, 9, 20))
    assert (entry.child_id in breaches("CHRON-STALE", D(2026, 9, 21))) is counts


@pytest.mark.parametrize(
    "event_type, significant",
    [
        (ChronologyEntry.EventType.PLACEMENT, False),
        (ChronologyEntry.EventType.STRATEGY, False),
        (ChronologyEntry.EventType.COURT, False),
        (ChronologyEntry.EventType.OTHER, True),
    ],
)
def test_chron_stale_a_significant_event_kept_in_the_chronology_updates_it(db, event_type, significant):
    entry = ChronologyEntryFactory(occurred_on=D(2026, 6, 1))
    ManagerMeetingFactory(child=entry.child, held_on=D(2026, 9, 10))
    ChronologyEntryFactory(child=entry.child, occurred_on=D(2026, 9, 12), event_type=event_type,
                           significant=significant)
    assert entry.child_id not in breaches("CHRON-STALE", D(2026, 9, 13))


# --- whitespace is empty -----------------------------------------------------------------------------------

@pytest.mark.parametrize("minutes, minuted", [("   \n\t ", False), ("", False), (" Actions agreed. ", True)])
def test_team_meeting_minutes_of_only_spaces_are_not_minutes(db, minutes, minuted):
    team = TeamFactory()
    TeamMeetingFactory(team=team, held_on=D(2026, 11, 4), minutes=minutes)
    assert (team.pk not in breaches("TEAM-MEETING", D(2026, 11, 23))) is minuted


def test_the_forms_read_only_spaces_as_empty_as_the_rules_do(db):
    team = TeamFactory()
    chair = StaffFactory(team=team)
    meeting = TeamMeetingForm(
        {"held_on_0": "4", "held_on_1": "11", "held_on_2": "2026", "chair": chair.pk, "agenda": "Caseloads",
         "minutes": "   \n  "},
        members=StaffMember.objects.filter(team=team),
    )
    assert meeting.is_valid(), meeting.errors
    assert meeting.cleaned_data["minutes"] == ""
    decision = ManagementDecisionForm({"decided_on_0": "4", "decided_on_1": "11", "decided_on_2": "2026",
                                       "context": "outside_supervision", "decision": "Step down to CIN",
                                       "rationale": "    "})
    assert not decision.is_valid() and "rationale" in decision.errors
