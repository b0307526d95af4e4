"""Every floored rule's SQL floor finds exactly the rule's breaches, on data either side of each boundary.

What keeps the floors honest: `make bench` divides the sweep by the floor, so a floor that finds other
subjects than the rule would make the ratio meaningless. The mutation test shows each rule's data catches a
floor that drops one of its conditions.
"""
import datetime

import pytest
from dateutil.relativedelta import relativedelta

from audits.models import AuditStatus
from bench import sweep_floor
from cases.models import Assessment, AssessmentVersion, Document, Grade, ManagerMeeting
from compliance.rules import BY_CODE
from compliance.rules.base import cutoff, working_days_after, working_days_cutoff
from organisation.models import Role
from supervision.models import SupervisionSession, TrainingRecord
from tests.factories import (
    AllocationFactory,
    AssessmentFactory,
    AssessmentVersionFactory,
    CaseDiscussionFactory,
    CaseFileAuditFactory,
    CaseNoteFactory,
    ChildFactory,
    DiscussionActionFactory,
    DocumentFactory,
    ManagementDecisionFactory,
    ManagerMeetingFactory,
    PreProceedingsFactory,
    StaffFactory,
    SupervisionContractFactory,
    SupervisionSessionFactory,
    TeamMeetingActionFactory,
    TeamMeetingFactory,
    TrainingRecordFactory,
)

from ..compliance.helpers import at
from .test_bench import TODAYS, record_cases, supervision_cases

DAY = datetime.timedelta(days=1)
LONG_AGO = datetime.date(2024, 1, 8)
SECOND_WAVE = (
    "OVERSIGHT", "UNALLOCATED", "ASSESSMENT-DUE", "ACTIONS", "CHILD-VIEWS", "REVIEW-MINUTES", "CONTRACT-REVIEW",
    "AUDIT-TARGET", "FGDM-OFFER", "REPORT-COUNTERSIGN", "SUPERVISOR-TRAINING",
)


def months_cut(today, months):
    return cutoff(today, lambda start: start + relativedelta(months=months), today - relativedelta(months=months))


def case(worker, **fields):
    fields.setdefault("opened_on", LONG_AGO)
    return ChildFactory(worker=worker, team=worker.team, **fields)


def closed(worker):
    return case(worker, closed_on=LONG_AGO + DAY)


def oversight_cases(worker, today):
    first_cut, cut = working_days_cutoff(today, 10), months_cut(today, 3)
    case(worker, opened_on=first_cut - DAY)  # none, first due yesterday
    case(worker, opened_on=first_cut)  # none, first due today
    ManagementDecisionFactory(child=case(worker), decided_on=cut - DAY)  # the last one too long ago
    ManagementDecisionFactory(child=case(worker), decided_on=cut)  # just in time
    ManagementDecisionFactory(child=case(worker), decided_on=today + DAY)  # only a future one: none yet
    filed = case(worker)
    held = SupervisionSessionFactory(supervisee=worker, date=cut, status=SupervisionSession.Status.HELD,
                                     completed_at=at(cut, 16))
    CaseDiscussionFactory(session=held, child=filed, filed_at=at(today, 9))  # filed: counts on the session's day
    CaseDiscussionFactory(session=held, child=case(worker))  # not filed: no oversight
    reallocated = case(worker)
    AllocationFactory(child=reallocated, worker=worker, started_on=first_cut - DAY)
    ManagementDecisionFactory(child=reallocated, decided_on=first_cut - 2 * DAY)  # before the new allocation
    ended = case(worker)
    AllocationFactory(child=ended, worker=worker, started_on=first_cut - DAY, ended_on=first_cut)
    ManagementDecisionFactory(child=ended, decided_on=first_cut - 2 * DAY)  # the allocation that counts has ended
    closed(worker)


def unallocated_cases(worker, today):
    cut = working_days_cutoff(today, 5)

    def waiting(**fields):
        fields.setdefault("opened_on", LONG_AGO)
        return ChildFactory(worker=None, team=worker.team, **fields)

    waiting(opened_on=cut - DAY)  # overdue
    waiting(opened_on=cut)  # due today
    for ended_on, with_worker in ((cut - DAY, True), (cut, True), (today + DAY, True), (cut, False)):
        child = waiting()
        AllocationFactory(child=child, team=worker.team, worker=worker if with_worker else None,
                          started_on=LONG_AGO, ended_on=ended_on)
    case(worker, opened_on=cut - DAY)  # allocated
    ChildFactory(worker=None, team=worker.team, opened_on=LONG_AGO, closed_on=today)


def assessment_cases(worker, manager, today):
    first_cut, review_cut = working_days_cutoff(today, 45), months_cut(today, 12)

    def signed(child, when, kind=Assessment.Kind.CHILD_AND_FAMILY, status=AssessmentVersion.Status.SIGNED_OFF):
        AssessmentVersionFactory(assessment=AssessmentFactory(child=child, kind=kind), status=status,
                                 submitted_at=when, decided_at=when, decided_by=manager)

    case(worker, opened_on=first_cut - DAY)  # never assessed, first due yesterday
    case(worker, opened_on=first_cut)  # first due today
    signed(case(worker), at(review_cut, 0))  # signed off at the first moment of the review cut-off
    signed(case(worker), at(review_cut - DAY, 23))  # the evening before it
    signed(case(worker), at(today + DAY, 0))  # tomorrow: not yet
    signed(case(worker, opened_on=first_cut), at(today + DAY, 0))  # tomorrow, but not yet first due
    signed(case(worker), at(today, 23), kind=Assessment.Kind.SECTION_47)
    signed(case(worker), at(today, 9), kind=Assessment.Kind.CIN_PLAN)  # a plan is not an assessment
    signed(case(worker), at(today, 9), status=AssessmentVersion.Status.SUBMITTED)  # not signed off
    closed(worker)


def child_views_cases(worker, today):
    cut = months_cut(today, 3)
    CaseNoteFactory(child=case(worker), occurred_on=cut)
    CaseNoteFactory(child=case(worker), occurred_on=cut - DAY)
    CaseNoteFactory(child=case(worker), occurred_on=cut, child_said="  \n ")  # only spaces: not their views
    CaseNoteFactory(child=case(worker), occurred_on=cut, views_recorded=False)
    CaseNoteFactory(child=case(worker), occurred_on=today + DAY)  # not yet
    case(worker, opened_on=cut)  # first due today
    case(worker, opened_on=cut - DAY)
    closed(worker)


def contract_cases(manager, today):
    cut = months_cut(today, 12)

    def contracted(*contracts, **fields):
        fields.setdefault("line_manager", manager)
        member = StaffFactory(team=manager.team, **fields)
        for agreed_on, review_on in contracts:
            SupervisionContractFactory(staff=member, agreed_on=agreed_on, review_on=review_on)
        return member

    contracted((cut, today))  # agreed 12 months ago to the day, review due today
    contracted((cut - DAY, today + DAY))  # agreed too long ago
    contracted((cut, today - DAY))  # review date passed
    contracted((cut - DAY, today - DAY), (today - DAY, today + DAY))  # the latest is in time
    contracted((today - 2 * DAY, today + DAY), (today - 2 * DAY, today - DAY))  # same day: the later row is latest
    contracted((today - DAY, today + DAY), (today - DAY * 2, today - DAY))  # the later agreed is the latest
    contracted()  # none: SUP-CONTRACT's
    contracted((cut - DAY, today - DAY), is_active=False)
    contracted((cut - DAY, today - DAY), line_manager=None)


def review_minutes_cases(worker, today):
    cut = working_days_cutoff(today, 20)

    def meeting(held_on, kind=ManagerMeeting.Kind.CP_REVIEW, child=None, minutes=None, minutes_kind=None):
        child = child or case(worker)
        ManagerMeetingFactory(child=child, kind=kind, held_on=held_on)
        if minutes:
            DocumentFactory(child=child, kind=minutes_kind or Document.Kind.REVIEW_MINUTES, dated=minutes)

    meeting(cut - DAY)  # no minutes, due yesterday
    meeting(cut)  # due today
    meeting(cut - DAY, kind=ManagerMeeting.Kind.CLA_REVIEW, minutes=cut - DAY)  # minutes dated the day it met
    meeting(cut - DAY, minutes=cut - 2 * DAY)  # minutes of an earlier meeting
    meeting(cut - DAY, minutes=today + DAY)  # not yet
    meeting(cut - DAY, minutes=cut, minutes_kind=Document.Kind.PHOTO)
    meeting(cut - DAY, kind=ManagerMeeting.Kind.PLO_HEARING)  # needs no minutes
    meeting(cut - DAY, kind=ManagerMeeting.Kind.INITIAL_CONFERENCE)
    meeting(cut - DAY, child=closed(worker))


def audit_target_cases(worker, today):
    last = today.replace(day=1) - DAY
    first = last.replace(day=1)

    def manager(*audits, status=AuditStatus.COMPLETED, **fields):
        fields.setdefault("started_in_post", LONG_AGO)
        member = StaffFactory(role=Role.TEAM_MANAGER, team=worker.team, **fields)
        for audited_on in audits:
            CaseFileAuditFactory(child=case(worker), auditor=member, audited_on=audited_on, status=status,
                                 grade=Grade.GOOD if status == AuditStatus.COMPLETED else "")
        return member

    manager(first, last)  # the two the programme asks
    manager(first, first - DAY)  # one in the month
    manager(last, last + DAY)
    manager(first)
    manager(first, last, status=AuditStatus.DRAFT)  # drafts are not done
    manager(started_in_post=first)  # in post as the month began
    manager(started_in_post=first + DAY)  # not yet counted
    manager(started_in_post=None)
    manager(is_active=False)
    StaffFactory(role=Role.SOCIAL_WORKER, team=worker.team)  # not a team manager


def fgdm_cases(worker, today):
    def began(started_on, offered=None, reason="", child=None):
        PreProceedingsFactory(child=child or case(worker), started_on=started_on, fgdm_offered_on=offered,
                              fgdm_not_offered_reason=reason)

    began(today - DAY)  # nothing offered since yesterday
    began(today)  # began today: due today
    began(today - DAY, offered=today)
    began(today - DAY, offered=today + DAY)  # not yet
    began(today - DAY, reason="  ")
    began(today - DAY, reason="The family asked for the meeting not to take place.")
    began(today + DAY)
    began(today - DAY, child=closed(worker))


def countersign_cases(worker, manager, today):
    cut = cutoff(today, lambda meeting: working_days_after(meeting, -3), working_days_after(today, 3))

    def report(meeting_date, kind=Assessment.Kind.CP_CONFERENCE_REPORT, status=None, child=None):
        assessment = AssessmentFactory(child=child or case(worker), kind=kind, meeting_date=meeting_date)
        if status:
            AssessmentVersionFactory(assessment=assessment, status=status, submitted_at=at(today - 3 * DAY),
                                     decided_at=at(today - 2 * DAY), decided_by=manager)

    report(cut - DAY)  # its last day to countersign was yesterday
    report(cut)  # today is its last day
    report(cut - DAY, kind=Assessment.Kind.CLA_REVIEW_REPORT, status=AssessmentVersion.Status.SIGNED_OFF)
    report(cut - DAY, status=AssessmentVersion.Status.FILED)
    report(cut - DAY, status=AssessmentVersion.Status.SUBMITTED)
    report(cut - DAY, kind=Assessment.Kind.CHILD_AND_FAMILY)  # no meeting to countersign it for
    report(None)
    report(cut - DAY, child=closed(worker))


def supervisor_training_cases(team, today):
    cut = months_cut(today, 6)

    def supervisor(reportee_active=True, **fields):
        fields.setdefault("started_in_post", LONG_AGO)
        member = StaffFactory(role=Role.TEAM_MANAGER, team=team, **fields)
        StaffFactory(team=team, line_manager=member, is_active=reportee_active)
        return member

    def trained(completed_on, expires_on, kind=TrainingRecord.Kind.SUPERVISION_SKILLS):
        TrainingRecordFactory(staff=supervisor(), kind=kind, completed_on=completed_on, expires_on=expires_on)

    def session(member, on, status=SupervisionSession.Status.HELD):
        supervisee = StaffFactory(team=team, line_manager=member)
        SupervisionSessionFactory(supervisee=supervisee, supervisor=member, date=on, status=status,
                                  completed_at=at(on, 16) if status == SupervisionSession.Status.HELD else None)

    supervisor(started_in_post=cut - DAY)  # six months up yesterday
    supervisor(started_in_post=cut)
    supervisor(started_in_post=None)  # no start in post and never supervised: due now
    session(supervisor(), cut)  # supervising since its first session held
    session(supervisor(), cut - DAY)
    planned = supervisor()
    session(planned, cut - DAY, status=SupervisionSession.Status.PLANNED)
    session(planned, cut)
    session(supervisor(started_in_post=None), today + DAY)  # not yet held
    trained(LONG_AGO, None)
    trained(LONG_AGO, today)  # counts up to and including its expiry
    trained(LONG_AGO, today - DAY)  # lapsed yesterday
    trained(today + DAY, None)  # not yet completed
    trained(LONG_AGO, None, kind=TrainingRecord.Kind.SAFEGUARDING)
    supervisor(reportee_active=False)  # supervises nobody now
    supervisor(is_active=False)


def actions_cases(worker, today):
    def owner(**fields):
        return StaffFactory(team=worker.team, line_manager=worker.line_manager, **fields)

    def discussed(member, due_on, done_on=None, child=None):
        session = SupervisionSessionFactory(supervisee=member, date=LONG_AGO)
        discussion = CaseDiscussionFactory(session=session, child=child or case(member))
        DiscussionActionFactory(discussion=discussion, owner=member, due_on=due_on, done_on=done_on)

    def agreed(member, due_on, done_on=None):
        TeamMeetingActionFactory(meeting=TeamMeetingFactory(team=worker.team, held_on=LONG_AGO), owner=member,
                                 due_on=due_on, done_on=done_on)

    discussed(owner(), today - DAY)  # overdue
    discussed(owner(), today)  # due today
    discussed(owner(), today - DAY, done_on=today - DAY)
    member = owner()
    discussed(member, today - DAY, child=closed(member))  # the case has closed
    agreed(owner(), today - DAY)
    agreed(owner(), today)
    agreed(owner(), today - DAY, done_on=today)
    agreed(owner(is_active=False), today - DAY)


def every_case(team_manager, social_worker, today):
    supervision_cases(social_worker.team, team_manager, today)
    record_cases(social_worker, today)
    oversight_cases(social_worker, today)
    unallocated_cases(social_worker, today)
    assessment_cases(social_worker, team_manager, today)
    child_views_cases(social_worker, today)
    contract_cases(team_manager, today)
    review_minutes_cases(social_worker, today)
    audit_target_cases(social_worker, today)
    fgdm_cases(social_worker, today)
    countersign_cases(social_worker, team_manager, today)
    supervisor_training_cases(social_worker.team, today)
    actions_cases(social_worker, today)


def test_every_second_wave_rule_has_a_floor():
    assert set(SECOND_WAVE) <= set(sweep_floor.FLOORED)
    assert sweep_floor.FLOORED == tuple(code for code in BY_CODE if code in sweep_floor.FLOOR)


@pytest.mark.parametrize("today", TODAYS)
def test_every_floor_finds_exactly_its_rules_breaches(team_manager, social_worker, today):
    every_case(team_manager, social_worker, today)
    rules, floor = sweep_floor.rule_breaches(today), sweep_floor.floor_breaches(today)
    assert set(rules) == set(floor) == set(sweep_floor.FLOORED)
    for code in sweep_floor.FLOORED:
        population = set(BY_CODE[code].population(today).values_list("pk", flat=True))
        # Each rule has breaches and subjects in time, so agreement means something.
        assert 0 < len(rules[code]) < len(population), code
        assert floor[code] == rules[code], code
    assert all(entry["same"] for entry in sweep_floor.honest(today).values())


# One condition each floor must keep, and what a careless floor would write instead.
DROPPED = [
    ("OVERSIGHT", "OVERSIGHT_SQL", "WHERE d.filed_at IS NOT NULL AND", "WHERE"),
    ("OVERSIGHT", "OVERSIGHT_SQL", "a.child_id = c.id AND a.ended_on IS NULL", "a.child_id = c.id"),
    ("UNALLOCATED", "UNALLOCATED_SQL", "a.worker_id IS NOT NULL AND", ""),
    ("UNALLOCATED", "UNALLOCATED_SQL", "BETWEEN %(cut)s AND %(today)s", ">= %(cut)s"),
    ("ASSESSMENT-DUE", "ASSESSMENT_DUE_SQL", "a.kind = ANY(%(kinds)s) AND", ""),
    ("ASSESSMENT-DUE", "ASSESSMENT_DUE_SQL", "s.last < %(review_start)s", "s.last <= %(review_start)s"),
    ("ACTIONS", "ACTIONS_SQL", "AND c.closed_on IS NULL)", ")"),
    ("CHILD-VIEWS", "CHILD_VIEWS_SQL", "AND child_said !~ %(blank)s", ""),
    ("REVIEW-MINUTES", "REVIEW_MINUTES_SQL", "AND d.dated >= m.held_on", ""),
    ("CONTRACT-REVIEW", "CONTRACT_REVIEW_SQL", "agreed_on DESC, id DESC", "agreed_on DESC, id"),
    ("AUDIT-TARGET", "AUDIT_TARGET_SQL", "a.status = %(completed)s AND", ""),
    ("FGDM-OFFER", "FGDM_OFFER_SQL", "AND p.fgdm_not_offered_reason ~ %(blank)s", ""),
    ("REPORT-COUNTERSIGN", "REPORT_COUNTERSIGN_SQL", "c.closed_on IS NULL AND", ""),
    ("SUPERVISOR-TRAINING", "SUPERVISOR_TRAINING_SQL", "AND (t.expires_on IS NULL OR t.expires_on >= %(today)s)",
     ""),
    ("SUPERVISOR-TRAINING", "SUPERVISOR_TRAINING_SQL", "AND h.status = %(held)s", ""),
]


@pytest.mark.parametrize(("code", "name", "kept", "careless"), DROPPED, ids=[f"{d[0]}:{d[2]}" for d in DROPPED])
def test_a_floor_that_drops_a_condition_is_caught(team_manager, social_worker, monkeypatch, code, name, kept,
                                                  careless):
    today = TODAYS[0]
    every_case(team_manager, social_worker, today)
    assert sweep_floor.honest(today)[code]["same"]
    sql = getattr(sweep_floor, name)
    assert kept in sql
    monkeypatch.setattr(sweep_floor, name, sql.replace(kept, careless))
    assert not sweep_floor.honest(today)[code]["same"]
