"""Every floored rule's SQL floor finds exactly the rule's breaches, on data either side of each boundary.

What keeps the floors honest: `make bench` divides the sweep by the floor, so a floor that finds other
subjects than the rule would make the ratio meaningless. The mutation test shows each rule's data catches a
floor that drops one of its conditions.
"""
import datetime
from decimal import Decimal

import pytest
from dateutil.relativedelta import relativedelta

from audits.models import AuditStatus
from bench import sweep_floor
from cases.models import (
    Assessment,
    AssessmentVersion,
    CaseNote,
    Category,
    ChronologyEntry,
    Document,
    Grade,
    ManagerMeeting,
)
from compliance.rules import BY_CODE
from compliance.rules.base import cutoff, first_day, working_days_after, working_days_cutoff
from organisation.models import Role
from supervision.models import SupervisionSession, TrainingRecord
from tests.factories import (
    AllocationFactory,
    AppraisalFactory,
    AssessmentFactory,
    AssessmentVersionFactory,
    CaseDiscussionFactory,
    CaseFileAuditFactory,
    CaseNoteFactory,
    ChildFactory,
    ChronologyEntryFactory,
    CorrectiveActionFactory,
    DiscussionActionFactory,
    DocumentFactory,
    ManagementDecisionFactory,
    ManagerMeetingFactory,
    ObservationFactory,
    PreProceedingsFactory,
    StaffFactory,
    SupervisionContractFactory,
    SupervisionSessionFactory,
    TeamFactory,
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


# --- The rest of the first wave ---

def staff_record_cases(manager, today):
    """SUP-CONTRACT, APPRAISAL and OBSERVATION either side of their boundaries."""
    cut = months_cut(today, 12)

    def member(**fields):
        fields.setdefault("started_in_post", LONG_AGO)
        return StaffFactory(team=manager.team, line_manager=manager, **fields)

    SupervisionContractFactory(staff=member(), staff_signed_on=None)  # agreed, not yet signed by them
    SupervisionContractFactory(staff=member(), supervisor_signed_on=None)
    AppraisalFactory(staff=member(), held_on=cut)
    AppraisalFactory(staff=member(), held_on=cut - DAY)
    AppraisalFactory(staff=member(), held_on=today + DAY)  # only a future one
    member(started_in_post=cut)  # none yet, first due today
    ObservationFactory(practitioner=member(), observed_on=cut)
    ObservationFactory(practitioner=member(), observed_on=cut - DAY)
    member(started_in_post=None)  # none, no start in post: due now

    def appraised(appraised_on, *observed):
        person = member()
        for day in observed:
            ObservationFactory(practitioner=person, observed_on=day)
        AppraisalFactory(staff=person, held_on=appraised_on)

    on = today - 20 * DAY
    appraised(on, today - 30 * DAY)  # observed before the appraisal
    appraised(on, on)  # on its day
    appraised(on, today - 5 * DAY)  # only after it: a breach until the next appraisal
    appraised(on, on - relativedelta(months=12), today - 5 * DAY)  # 12 months before it to the day
    appraised(on, on - relativedelta(months=12) - DAY, today - 5 * DAY)  # a day too early
    appraised(today + DAY, today - 5 * DAY)  # not yet appraised


def sup_filed_cases(worker, today):
    def discussed(filing_due_on, child=None, **fields):
        session = SupervisionSessionFactory(supervisee=worker, date=LONG_AGO, **fields)
        CaseDiscussionFactory(session=session, child=child or case(worker), filing_due_on=filing_due_on)

    discussed(today - DAY)
    discussed(today)
    discussed(today - DAY, status=SupervisionSession.Status.CANCELLED, cancelled_reason="Manager off sick.")
    discussed(today - DAY, child=closed(worker))
    filed = case(worker)
    CaseDiscussionFactory(session=SupervisionSessionFactory(supervisee=worker, date=LONG_AGO), child=filed,
                          filing_due_on=today - DAY, filed_at=at(today - DAY))


def chronology_stale_cases(worker, today):
    cut = today - 90 * DAY

    def entries(*days, meeting=None, kind=ManagerMeeting.Kind.INITIAL_CONFERENCE, order=None):
        child = case(worker)
        for day in days:
            ChronologyEntryFactory(child=child, occurred_on=day)
        if meeting:
            ManagerMeetingFactory(child=child, kind=kind, held_on=meeting)
        if order:
            DocumentFactory(child=child, kind=Document.Kind.COURT_ORDER, dated=order)

    entries(cut)
    entries(cut - DAY)
    entries(cut - DAY, today + DAY)  # a future entry is still the latest
    entries(cut, meeting=cut + DAY)  # an initial conference since the latest entry
    entries(cut, meeting=today)  # today: not yet
    entries(cut + DAY, meeting=cut + DAY)  # recorded on its day
    entries(cut, meeting=cut + DAY, kind=ManagerMeeting.Kind.CP_REVIEW)  # not significant
    entries(cut, meeting=cut + DAY, kind=ManagerMeeting.Kind.PLO_HEARING)
    entries(cut, order=cut + DAY)
    entries(cut, order=today)
    entries(cut + DAY, order=cut + DAY)
    ChronologyEntryFactory(child=closed(worker), occurred_on=cut - DAY)


def plan_missing_cases(worker, manager, today):
    cut = working_days_cutoff(today, 20)

    def planned(kind=None, category=Category.CHILD_PROTECTION, status=AssessmentVersion.Status.SIGNED_OFF, **fields):
        child = case(worker, category=category, **fields)
        if kind:
            AssessmentVersionFactory(assessment=AssessmentFactory(child=child, kind=kind), status=status,
                                     submitted_at=at(LONG_AGO), decided_at=at(LONG_AGO), decided_by=manager)

    planned(opened_on=cut - DAY)  # no plan, due yesterday
    planned(opened_on=cut)
    planned(Assessment.Kind.CP_PLAN)
    planned(Assessment.Kind.CIN_PLAN)  # the wrong plan for a protection case
    planned(Assessment.Kind.CIN_PLAN, category=Category.CHILD_IN_NEED)
    planned(Assessment.Kind.CP_PLAN, status=AssessmentVersion.Status.SUBMITTED)
    planned(Assessment.Kind.PATHWAY_PLAN, category=Category.CARE_LEAVER)
    planned(category=Category.LOOKED_AFTER)
    planned(category=Category.EARLY_HELP)  # needs no plan


def summary_and_documents_cases(worker, today):
    """SUMMARY and CLA-DOCS."""
    cut = months_cut(today, 3)
    DocumentFactory(child=case(worker), kind=Document.Kind.QUARTERLY_SUMMARY, dated=cut)
    DocumentFactory(child=case(worker), kind=Document.Kind.QUARTERLY_SUMMARY, dated=cut - DAY)
    DocumentFactory(child=case(worker), kind=Document.Kind.PHOTO, dated=cut)  # not a summary
    case(worker, opened_on=cut)
    photo_cut = months_cut(today, 12)

    def looked_after(photo=None, certificate=True, category=Category.LOOKED_AFTER):
        child = case(worker, category=category)
        if photo:
            DocumentFactory(child=child, kind=Document.Kind.PHOTO, dated=photo)
        if certificate:
            DocumentFactory(child=child, kind=Document.Kind.BIRTH_CERTIFICATE, dated=LONG_AGO)

    looked_after(photo_cut)
    looked_after(photo_cut - DAY)
    looked_after(photo_cut, certificate=False)
    looked_after()
    looked_after(category=Category.CHILD_IN_NEED, certificate=False)


def visits_cases(worker, today):
    cp_cut, cin_cut = working_days_cutoff(today, 10), working_days_cutoff(today, 20)
    cla_cut = today - 6 * 7 * DAY

    def visited(category, *days, placed=(), seen=True):
        child = case(worker, category=category)
        for day in days:
            CaseNoteFactory(child=child, occurred_on=day, child_seen=seen, seen_alone=seen)
        for day in placed:
            ChronologyEntryFactory(child=child, occurred_on=day, event_type=ChronologyEntry.EventType.PLACEMENT)

    CP, CIN, CLA = Category.CHILD_PROTECTION, Category.CHILD_IN_NEED, Category.LOOKED_AFTER
    visited(CP, cp_cut)
    visited(CP, cp_cut - DAY)
    visited(CP, today, seen=False)  # not seen: no visit
    visited(CIN, cin_cut)
    visited(CIN, cin_cut - DAY)
    visited(CLA, cla_cut)
    visited(CLA, cla_cut - DAY)
    visited(CLA, today - 10 * DAY, placed=[today - 8 * DAY])  # not visited since a move over a week ago
    visited(CLA, today - 8 * DAY, placed=[today - 8 * DAY])  # visited on the day of the move
    visited(CLA, today - 10 * DAY, placed=[today - 7 * DAY])  # a week ago today: due today
    visited(CLA, today - 10 * DAY, placed=[today - 9 * DAY, today - 7 * DAY])  # the latest move counts
    visited(CLA, today - 10 * DAY, placed=[today - 8 * DAY, today + DAY])  # not a future one
    visited(Category.EARLY_HELP)


def seen_alone_cases(worker, today):
    def visited(*alone, category=Category.CHILD_PROTECTION, note_last=False, child=None):
        """Visits a day apart, oldest first: whether the child was seen alone at each."""
        child = child or case(worker, category=category)
        start = today - len(alone) * DAY
        for n, was_alone in enumerate(alone):
            CaseNoteFactory(child=child, occurred_on=start + n * DAY, seen_alone=was_alone)
        if note_last:
            CaseNoteFactory(child=child, occurred_on=today, kind=CaseNote.Kind.NOTE, child_seen=False,
                            seen_alone=False)

    visited(True, False, False, False)  # alone only before the last three
    visited(False, True, False, False)  # alone at the third last
    visited(False, category=Category.LOOKED_AFTER)
    visited(True, category=Category.LOOKED_AFTER)
    visited(True, False, False, note_last=True)  # a case note is not a visit
    visited(False, False, False, category=Category.CHILD_IN_NEED)
    visited(False, child=closed(worker))
    CaseNoteFactory(child=case(worker, category=Category.CHILD_PROTECTION), occurred_on=today + DAY,
                    seen_alone=False)  # only a future visit: none yet


def audit_actions_cases(worker, today):
    def action(due_on, done_on=None, child=None):
        audit = CaseFileAuditFactory(child=child or case(worker), audited_on=LONG_AGO)
        CorrectiveActionFactory(audit=audit, due_on=due_on, done_on=done_on)

    action(today - DAY)
    action(today)
    action(today - DAY, done_on=today - DAY)
    action(today - DAY, child=closed(worker))


def caseload_cases(manager, today):
    qualifying = relativedelta(months=12)
    qualified_from = first_day(lambda d: today < d + qualifying, today - qualifying)

    def practitioner(fte, cases=1, **fields):
        member = StaffFactory(team=manager.team, line_manager=manager, fte=Decimal(fte), **fields)
        for _ in range(cases):
            ChildFactory(worker=member, opened_on=LONG_AGO)
        closed(member)
        return member

    practitioner("0.06")  # capacity 1.08 cases
    practitioner("0.05")  # 0.9
    practitioner("0.06", date_qualified=qualified_from)  # newly qualified: 0.864
    practitioner("0.07", date_qualified=qualified_from)  # 1.008
    practitioner("0.06", date_qualified=qualified_from - DAY)  # no longer newly qualified
    practitioner("0.06", date_qualified=today + DAY)
    practitioner("0.10", cases=2)  # 1.8
    practitioner("0.11", cases=2)  # 1.98
    practitioner("0.05", role=Role.TEAM_MANAGER)  # not a practitioner


def attendance_cases(worker, today):
    since = today - relativedelta(months=12)

    def meeting(held_on, attended=False, confirmed=False, kind=ManagerMeeting.Kind.INITIAL_CONFERENCE, child=None):
        ManagerMeetingFactory(child=child or case(worker), kind=kind, held_on=held_on, manager_attended=attended,
                              attendance_confirmed_at=at(held_on, 17) if confirmed else None)

    meeting(today - DAY)  # not confirmed the day after
    meeting(today)  # today: not yet
    meeting(today, confirmed=True)  # confirmed not attended
    meeting(today - DAY, attended=True, confirmed=True)
    meeting(since, confirmed=True)  # reported over the last 12 months only
    meeting(since + DAY, confirmed=True)
    meeting(today - DAY, kind=ManagerMeeting.Kind.PLO_HEARING)
    meeting(today - DAY, kind=ManagerMeeting.Kind.CP_REVIEW)  # REVIEW-MINUTES', not this rule's
    meeting(today - DAY, child=closed(worker))


def team_meeting_cases(today):
    cut = today - 5 * 7 * DAY
    for held_on, minutes in ((cut, "Minuted."), (cut - DAY, "Minuted."), (cut, " \n"), (today + DAY, "Minuted.")):
        TeamMeetingFactory(team=TeamFactory(), held_on=held_on, minutes=minutes)


def first_wave_cases(team_manager, social_worker, today):
    staff_record_cases(team_manager, today)
    sup_filed_cases(social_worker, today)
    chronology_stale_cases(social_worker, today)
    plan_missing_cases(social_worker, team_manager, today)
    summary_and_documents_cases(social_worker, today)
    visits_cases(social_worker, today)
    seen_alone_cases(social_worker, today)
    audit_actions_cases(social_worker, today)
    caseload_cases(team_manager, today)
    attendance_cases(social_worker, today)
    team_meeting_cases(today)


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
    first_wave_cases(team_manager, social_worker, today)


def test_every_rule_has_a_floor():
    assert set(SECOND_WAVE) < set(sweep_floor.FLOORED) == set(BY_CODE)
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
    ("SUP-CONTRACT", "SUP_CONTRACT_SQL", "AND k.staff_signed_on IS NOT NULL", ""),
    ("SUP-FILED", "SUP_FILED_SQL", "AND s.status <> %(cancelled)s", ""),
    ("APPRAISAL", "APPRAISAL_SQL", "AND a.held_on <= %(today)s", ""),
    ("OBSERVATION", "OBSERVATION_SQL", "AND o.observed_on <= a.last", ""),
    ("OBSERVATION", "OBSERVATION_SQL", "AS date) >= a.last", "AS date) > a.last"),
    ("CHRON-STALE", "CHRON_STALE_SQL", "AND m.held_on < %(today)s", ""),
    ("CHRON-STALE", "CHRON_STALE_SQL", "AND d.dated > e.last", "AND d.dated >= e.last"),
    ("PLAN-MISSING", "PLAN_MISSING_SQL", "AND a.kind = p.kind", ""),
    ("SUMMARY", "SUMMARY_SQL", "AND d.kind = %(summary)s", ""),
    ("VISITS", "VISITS_SQL", "AND child_seen", ""),
    ("VISITS", "VISITS_SQL", "v.last < p.last", "v.last <= p.last"),
    ("VISITS", "VISITS_SQL", "%(placement)s AND occurred_on <= %(today)s", "%(placement)s"),
    ("SEEN-ALONE", "SEEN_ALONE_SQL", "AND kind <> %(note)s", ""),
    ("CLA-DOCS", "CLA_DOCS_SQL", "AND d.dated >= %(cut)s", "AND d.dated > %(cut)s"),
    ("AUDIT-ACTIONS", "AUDIT_ACTIONS_SQL", "x.done_on IS NULL AND", ""),
    ("CASELOAD", "CASELOAD_SQL", "THEN %(percent)s ELSE 100", "THEN 100 ELSE 100"),
    ("CASELOAD", "CASELOAD_SQL", "c.closed_on IS NULL", "TRUE"),
    ("MGR-ATTEND", "MGR_ATTEND_SQL", "AND m.held_on > %(since)s", "AND m.held_on >= %(since)s"),
    ("MGR-ATTEND", "MGR_ATTEND_SQL", "m.attendance_confirmed_at IS NOT NULL OR ", ""),
    ("TEAM-MEETING", "TEAM_MEETING_SQL", "AND m.minutes !~ %(blank)s", ""),
]


def test_a_floor_that_drops_a_condition_is_caught(team_manager, social_worker, monkeypatch):
    today = TODAYS[0]
    every_case(team_manager, social_worker, today)
    figures = {code: figures for code, (_, figures) in sweep_floor.configured().items()}
    missed = []
    for code, name, kept, careless in DROPPED:
        rule = sweep_floor._breach_ids(code, today, figures[code])
        sql = getattr(sweep_floor, name)
        assert kept in sql, (code, kept)
        assert sweep_floor._floor_ids(code, today, figures[code]) == rule, code
        with monkeypatch.context() as patched:
            patched.setattr(sweep_floor, name, sql.replace(kept, careless))
            if sweep_floor._floor_ids(code, today, figures[code]) == rule:
                missed.append(f"{code}: {kept}")
    assert missed == []
