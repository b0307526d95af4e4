"""AUDIT-ACTIONS, CASELOAD, MGR-ATTEND, TEAM-MEETING at their boundaries."""
from decimal import Decimal

import pytest

from cases.models import Category
from compliance.rules import BY_CODE
from organisation import standards
from organisation.models import StaffMember
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


def caseload(worker, n, category=Category.CHILD_IN_NEED):
    for _ in range(n):
        ChildFactory(worker=worker, category=category)


def load(worker, today, **figures):
    """The worker's caseload against capacity, as every page and CASELOAD read it."""
    figures = {**standards.figures("CASELOAD"), **figures}
    return StaffMember.objects.with_caseload(today, figures).get(pk=worker.pk).load


@pytest.mark.parametrize("cases, breached", [(17, False), (18, False), (19, True)])
def test_caseload_of_a_full_time_worker_is_18(db, cases, breached):
    worker = StaffFactory(date_qualified=D(2015, 9, 1))
    caseload(worker, cases)
    assert (worker.pk in breaches("CASELOAD", D(2026, 11, 23))) is breached
    assert (load(worker, D(2026, 11, 23)).capacity, load(worker, D(2026, 11, 23)).is_over) == (18, breached)


@pytest.mark.parametrize("today, breached", [(D(2026, 11, 22), True), (D(2026, 11, 23), False)])
def test_caseload_is_80_percent_while_newly_qualified_until_12_months(db, today, breached):
    worker = StaffFactory(date_qualified=D(2025, 11, 23))  # 14 cases up to 22 Nov 2026, then 18
    caseload(worker, 15)
    assert (worker.pk in breaches("CASELOAD", today)) is breached
    assert load(worker, today).capacity == (14 if breached else 18)


@pytest.mark.parametrize("cases, breached", [(11, False), (12, True)])
def test_caseload_of_a_part_time_newly_qualified_worker_truncates_to_whole_cases(db, cases, breached):
    worker = StaffFactory(date_qualified=D(2026, 6, 1), fte=Decimal("0.80"))
    caseload(worker, cases)
    assert load(worker, D(2026, 11, 23)).capacity == 11  # 18 x 0.8 x 80% = 11.52
    assert (worker.pk in breaches("CASELOAD", D(2026, 11, 23))) is breached


# 16 child in need cases and one child protection case at 1.99, 2 and 2.01 cases: just under, at and just over 18.
@pytest.mark.parametrize("cp_weight, weighted, breached", [(199, "17.99", False), (200, "18", False),
                                                          (201, "18.01", True)])
def test_caseload_weighs_each_case_by_its_category(db, cp_weight, weighted, breached):
    worker = StaffFactory(date_qualified=D(2015, 9, 1))
    caseload(worker, 16)
    caseload(worker, 1, Category.CHILD_PROTECTION)
    assert (worker.pk in breaches("CASELOAD", D(2026, 11, 23), cp_weight=cp_weight)) is breached
    read = load(worker, D(2026, 11, 23), cp_weight=cp_weight)
    assert (read.open_cases, read.shown, read.capacity, read.is_over) == (17, weighted, 18, breached)


# 0.8 FTE and newly qualified: 11 whole cases (11.52 truncated, as shown). Ten looked-after cases and a care
# leaver's at 0.99, 1 and 1.01.
@pytest.mark.parametrize("care_leaver_weight, breached", [(99, False), (100, False), (101, True)])
def test_a_weighted_caseload_of_a_part_time_newly_qualified_worker(db, care_leaver_weight, breached):
    worker = StaffFactory(date_qualified=D(2026, 6, 1), fte=Decimal("0.80"))
    caseload(worker, 10, Category.LOOKED_AFTER)
    caseload(worker, 1, Category.CARE_LEAVER)
    found = breaches("CASELOAD", D(2026, 11, 23), care_leaver_weight=care_leaver_weight)
    assert (worker.pk in found) is breached
    assert load(worker, D(2026, 11, 23), care_leaver_weight=care_leaver_weight).is_over is breached


def test_a_lighter_weight_keeps_more_cases_within_capacity(db):
    worker = StaffFactory(date_qualified=D(2015, 9, 1))
    caseload(worker, 36, Category.EARLY_HELP)  # 36 cases at a half: 18
    assert worker.pk in breaches("CASELOAD", D(2026, 11, 23))
    assert worker.pk not in breaches("CASELOAD", D(2026, 11, 23), early_help_weight=50)
    assert str(load(worker, D(2026, 11, 23), early_help_weight=50)) == (
        "18 of 18 cases (weighted; 36 open) (at or over capacity)"
    )


def test_caseload_counts_open_cases_and_is_due_since_the_latest_allocation(db):
    worker = StaffFactory(date_qualified=D(2015, 9, 1))
    caseload(worker, 18)
    ChildFactory(worker=worker, closed_on=D(2026, 6, 1), category=Category.CHILD_PROTECTION)
    assert worker.pk not in breaches("CASELOAD", D(2026, 11, 23), cp_weight=500)
    AllocationFactory(child=ChildFactory(worker=worker), started_on=D(2026, 11, 2))
    assert breaches("CASELOAD", D(2026, 11, 23))[worker.pk] == D(2026, 11, 2)


def test_a_worker_with_no_open_case_carries_nothing(db):
    worker = StaffFactory(date_qualified=D(2015, 9, 1), fte=Decimal("0.05"))  # capacity 0.9: no whole case
    ChildFactory(worker=worker, closed_on=D(2026, 6, 1))
    read = load(worker, D(2026, 11, 23))
    assert (read.open_cases, read.shown, read.capacity, read.is_over) == (0, "0", 0, False)
    assert worker.pk not in breaches("CASELOAD", D(2026, 11, 23))


def test_caseload_reads_the_configured_figures(db):
    worker = StaffFactory(date_qualified=D(2015, 9, 1))
    caseload(worker, 16)
    assert worker.pk in breaches("CASELOAD", D(2026, 11, 23), cases_per_fte=15)


def test_caseload_is_one_query_however_many_workers(db, django_assert_num_queries):
    figures = standards.figures("CASELOAD")
    rule = BY_CODE["CASELOAD"]
    worker = StaffFactory(date_qualified=D(2015, 9, 1))
    caseload(worker, 19)
    # The newly-qualified period (SUP-FREQ), read while the query is built, and the query.
    with django_assert_num_queries(2):
        assert [m.pk for m in rule.breaches(D(2026, 11, 23), figures)] == [worker.pk]
    for _ in range(4):
        caseload(StaffFactory(), 19)
    with django_assert_num_queries(2):
        assert len(rule.breaches(D(2026, 11, 23), figures)) == 5


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
