"""REVIEW-MINUTES, AUDIT-TARGET, FGDM-OFFER and MGR-ATTEND's scheduled meetings at their boundaries (SPEC 4a)."""
import pytest

from audits.models import AuditProgramme, AuditStatus
from cases.models import Document, ManagerMeeting
from compliance.rules import BY_CODE
from organisation.models import Role
from tests.factories import (
    CaseFileAuditFactory,
    ChildFactory,
    DocumentFactory,
    ManagerMeetingFactory,
    PreProceedingsFactory,
    StaffFactory,
)

from .helpers import D, breaches
from .test_rules_oversight import BOUNDARY, check, configure

REVIEW = ManagerMeeting.Kind.CP_REVIEW


def review(held_on, kind=REVIEW, **fields):
    return ManagerMeetingFactory(kind=kind, held_on=held_on, **fields)


def minutes(meeting, dated):
    return DocumentFactory(child=meeting.child, kind=Document.Kind.REVIEW_MINUTES, title="Minutes", dated=dated)


# REVIEW-MINUTES


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_review_minutes_are_due_20_working_days_after_a_cp_review_across_christmas(db, offset, breached):
    # Monday 14 Dec 2026: 25 and 28 Dec and 1 Jan are bank holidays, so the twentieth working day is 14 January.
    meeting = review(D(2026, 12, 14))
    check("REVIEW-MINUTES", meeting.child, D(2027, 1, 14), offset, breached)


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_review_minutes_are_due_after_a_looked_after_review_across_easter(db, offset, breached):
    # Monday 22 March 2027, then Good Friday and Easter Monday: the twentieth working day is 21 April.
    meeting = review(D(2027, 3, 22), kind=ManagerMeeting.Kind.CLA_REVIEW)
    check("REVIEW-MINUTES", meeting.child, D(2027, 4, 21), offset, breached)


def test_review_minutes_dated_on_or_after_the_meeting_meet_it_and_earlier_ones_do_not(db):
    meeting = review(D(2026, 11, 2), kind=ManagerMeeting.Kind.INITIAL_CONFERENCE)
    earlier = minutes(meeting, D(2026, 11, 1))  # the last meeting's
    assert breaches("REVIEW-MINUTES", D(2026, 12, 1))[meeting.child_id] == D(2026, 11, 30)
    earlier.delete()
    minutes(meeting, D(2026, 11, 2))
    assert meeting.child_id not in breaches("REVIEW-MINUTES", D(2026, 12, 1))


def test_review_minutes_ignore_hearings_scheduled_meetings_and_closed_children(db):
    hearing = review(D(2026, 6, 1), kind=ManagerMeeting.Kind.PLO_HEARING)
    coming = review(D(2027, 1, 4))
    closed = review(D(2026, 6, 1), child=ChildFactory(closed_on=D(2026, 7, 1)))
    found = breaches("REVIEW-MINUTES", D(2026, 12, 1))
    assert not {hearing.child_id, coming.child_id, closed.child_id} & set(found)
    population = BY_CODE["REVIEW-MINUTES"].population(D(2026, 12, 1))
    assert set(population.values_list("pk", flat=True)) == set()  # a hearing needs no minutes; the rest not yet


def test_review_minutes_read_the_configured_working_days(db):
    meeting = review(D(2026, 11, 2))
    configure("REVIEW-MINUTES", working_days=10)  # the tenth working day after Monday 2 November is the 16th
    assert meeting.child_id not in breaches("REVIEW-MINUTES", D(2026, 11, 16))
    assert breaches("REVIEW-MINUTES", D(2026, 11, 17))[meeting.child_id] == D(2026, 11, 16)


# AUDIT-TARGET


def team_manager(**fields):
    return StaffFactory(role=Role.TEAM_MANAGER, **fields)


def audits(auditor, *days):
    for day in days:
        child = ChildFactory()
        CaseFileAuditFactory(child=child, auditor=auditor, audited_on=day, status=AuditStatus.COMPLETED, grade="good")


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_audit_target_counts_the_calendar_month_just_ended(db, offset, breached):
    # Two in October, one in November: met on 30 November (October counted), not from 1 December.
    manager = team_manager()
    audits(manager, D(2026, 10, 1), D(2026, 10, 31), D(2026, 11, 30))
    check("AUDIT-TARGET", manager, D(2026, 11, 30), offset, breached)


def test_audit_target_counts_only_completed_audits_by_the_manager(db):
    manager = team_manager()
    audits(manager, D(2026, 11, 2))
    CaseFileAuditFactory(auditor=manager, audited_on=D(2026, 11, 3))  # a draft
    audits(team_manager(), D(2026, 11, 4))  # someone else's
    assert breaches("AUDIT-TARGET", D(2026, 12, 1))[manager.pk] == D(2026, 11, 30)
    audits(manager, D(2026, 11, 5))
    assert manager.pk not in breaches("AUDIT-TARGET", D(2026, 12, 1))


def test_audit_target_is_for_current_team_managers_in_post_for_the_whole_month(db):
    new = team_manager(started_in_post=D(2026, 11, 2))
    from_the_first = team_manager(started_in_post=D(2026, 11, 1))
    gone = team_manager(is_active=False)
    worker = StaffFactory()
    found = breaches("AUDIT-TARGET", D(2026, 12, 1))
    assert from_the_first.pk in found
    assert not {new.pk, gone.pk, worker.pk} & set(found)


def test_audit_target_reads_the_audit_programmes_figure(db):
    manager = team_manager()
    audits(manager, D(2026, 11, 2))
    AuditProgramme.objects.create(pk=1, monthly_audits_per_manager=1)
    assert manager.pk not in breaches("AUDIT-TARGET", D(2026, 12, 1))
    AuditProgramme.objects.filter(pk=1).update(monthly_audits_per_manager=3)
    assert manager.pk in breaches("AUDIT-TARGET", D(2026, 12, 1))


# FGDM-OFFER


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_fgdm_offer_is_due_by_the_day_pre_proceedings_began(db, offset, breached):
    pre = PreProceedingsFactory(started_on=D(2026, 9, 1))
    check("FGDM-OFFER", pre.child, D(2026, 9, 1), offset, breached)


def test_fgdm_offer_is_met_by_an_offer_or_a_reason_but_not_by_spaces(db):
    offered = PreProceedingsFactory(fgdm_offered_on=D(2026, 8, 20))
    reason = PreProceedingsFactory(fgdm_not_offered_reason="The family declined any meeting in writing.")
    spaces = PreProceedingsFactory(fgdm_not_offered_reason="   ")
    offered_later = PreProceedingsFactory(fgdm_offered_on=D(2026, 12, 4))
    found = breaches("FGDM-OFFER", D(2026, 12, 1))
    assert {spaces.child_id, offered_later.child_id} <= set(found)
    assert not {offered.child_id, reason.child_id} & set(found)


def test_fgdm_offer_applies_to_open_children_in_pre_proceedings(db):
    closed = PreProceedingsFactory(child=ChildFactory(closed_on=D(2026, 10, 1)))
    without = ChildFactory()
    population = BY_CODE["FGDM-OFFER"].population(D(2026, 12, 1))
    assert not {closed.child_id, without.pk} & set(population.values_list("pk", flat=True))


# MGR-ATTEND: meetings scheduled ahead, attendance confirmed by the manager named


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_mgr_attend_flags_a_conference_past_its_date_with_no_attendance_confirmed(db, offset, breached):
    meeting = ManagerMeetingFactory(held_on=D(2026, 12, 3), manager_attended=False, attendance_confirmed_at=None)
    check("MGR-ATTEND", meeting.child, D(2026, 12, 3), offset, breached)


def test_mgr_attend_does_not_read_reviews(db):
    meeting = review(D(2026, 11, 2), manager_attended=False)
    assert meeting.child_id not in breaches("MGR-ATTEND", D(2026, 12, 1))
    assert not BY_CODE["MGR-ATTEND"].population(D(2026, 12, 1)).exists()
