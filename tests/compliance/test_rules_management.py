"""AUDIT-ACTIONS, CASELOAD, MGR-ATTEND, TEAM-MEETING at their boundaries."""
from decimal import Decimal

import pytest

from tests.factories import (
    AllocationFactory,
    ChildFactory,
    CorrectiveActionFactory,
    ManagerMeetingFactory,
    StaffFactory,
    TeamFactory,
    TeamMeetingFactory,
)

from .helpers import D, breaches


@pytest.mark.parametrize("today, breached", [(D(2026, 3, 15), False), (D(2026, 3, 16), False), (D(2026, 3, 17), True)])
def test_audit_actions_flags_the_child_once_an_action_is_past_due(db, today, breached):
    action = CorrectiveActionFactory(due_on=D(2026, 3, 16))
    found = breaches("AUDIT-ACTIONS", today)
    assert (action.audit.child_id in found) is breached
    if breached:
        assert found[action.audit.child_id] == D(2026, 3, 16)


def test_audit_actions_is_mended_when_the_action_is_done(db):
    action = CorrectiveActionFactory(due_on=D(2026, 3, 16))
    action.mark_done(D(2026, 3, 20))
    assert action.audit.child_id not in breaches("AUDIT-ACTIONS", D(2026, 3, 23))


def caseload(worker, n):
    for _ in range(n):
        ChildFactory(worker=worker)


@pytest.mark.parametrize("cases, breached", [(17, False), (18, False), (19, True)])
def test_caseload_of_a_full_time_worker_is_18(db, cases, breached):
    worker = StaffFactory(date_qualified=D(2015, 9, 1))
    caseload(worker, cases)
    assert (worker.pk in breaches("CASELOAD", D(2026, 11, 23))) is breached
    assert worker.caseload_capacity(D(2026, 11, 23)) == 18


@pytest.mark.parametrize("today, breached", [(D(2026, 11, 22), True), (D(2026, 11, 23), False)])
def test_caseload_is_80_percent_while_newly_qualified_until_12_months(db, today, breached):
    worker = StaffFactory(date_qualified=D(2025, 11, 23))  # 14 cases up to 22 Nov 2026, then 18
    caseload(worker, 15)
    assert (worker.pk in breaches("CASELOAD", today)) is breached


@pytest.mark.parametrize("cases, breached", [(11, False), (12, True)])
def test_caseload_of_a_part_time_newly_qualified_worker_truncates_like_the_model(db, cases, breached):
    worker = StaffFactory(date_qualified=D(2026, 6, 1), fte=Decimal("0.80"))
    caseload(worker, cases)
    assert worker.caseload_capacity(D(2026, 11, 23)) == 11  # 18 x 0.8 x 80% = 11.52
    assert (worker.pk in breaches("CASELOAD", D(2026, 11, 23))) is breached


def test_caseload_counts_open_cases_and_is_due_since_the_latest_allocation(db):
    worker = StaffFactory(date_qualified=D(2015, 9, 1))
    caseload(worker, 18)
    ChildFactory(worker=worker, closed_on=D(2026, 6, 1))
    assert worker.pk not in breaches("CASELOAD", D(2026, 11, 23))
    AllocationFactory(child=ChildFactory(worker=worker), started_on=D(2026, 11, 2))
    assert breaches("CASELOAD", D(2026, 11, 23))[worker.pk] == D(2026, 11, 2)


def test_caseload_reads_the_configured_figures(db):
    worker = StaffFactory(date_qualified=D(2015, 9, 1))
    caseload(worker, 16)
    assert worker.pk in breaches("CASELOAD", D(2026, 11, 23), cases_per_fte=15)


@pytest.mark.parametrize(
    "today, breached",
    [(D(2026, 2, 4), False), (D(2026, 2, 5), True), (D(2027, 2, 4), True), (D(2027, 2, 5), False)],
)
def test_mgr_attend_flags_a_missed_conference_for_a_year(db, today, breached):
    meeting = ManagerMeetingFactory(held_on=D(2026, 2, 5), manager_attended=False)
    assert (meeting.child_id in breaches("MGR-ATTEND", today)) is breached


def test_mgr_attend_is_not_raised_when_the_manager_attended(db):
    meeting = ManagerMeetingFactory(held_on=D(2026, 2, 5), manager_attended=True)
    assert meeting.child_id not in breaches("MGR-ATTEND", D(2026, 2, 6))


@pytest.mark.parametrize("today, breached", [(D(2026, 12, 8), False), (D(2026, 12, 9), False), (D(2026, 12, 10), True)])
def test_team_meeting_is_due_5_weeks_after_the_last_minuted_one(db, today, breached):
    meeting = TeamMeetingFactory(held_on=D(2026, 11, 4))
    found = breaches("TEAM-MEETING", today)
    assert (meeting.team_id in found) is breached
    if breached:
        assert found[meeting.team_id] == D(2026, 12, 9)


def test_team_meeting_without_minutes_does_not_count(db):
    team = TeamFactory()
    TeamMeetingFactory(team=team, held_on=D(2026, 11, 4), minutes="")
    assert breaches("TEAM-MEETING", D(2026, 11, 23))[team.pk] == D(2026, 11, 23)
