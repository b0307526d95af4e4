"""OVERSIGHT, UNALLOCATED, ASSESSMENT-DUE, CHILD-VIEWS, CONTRACT-REVIEW at their boundaries (SPEC 4a)."""
import pytest

from cases.models import Assessment, AssessmentVersion, CaseNote
from organisation.models import PracticeStandard
from tests.factories import (
    AllocationFactory,
    AssessmentVersionFactory,
    CaseDiscussionFactory,
    CaseNoteFactory,
    ChildFactory,
    ManagementDecisionFactory,
    StaffFactory,
    SupervisionContractFactory,
    SupervisionSessionFactory,
)

from .helpers import D, at, breaches, supervised

BOUNDARY = [(-1, False), (0, False), (1, True)]


def shifted(day, days):
    return D.fromordinal(day.toordinal() + days)


def configure(code, **values):
    PracticeStandard.objects.update_or_create(code=code, defaults={"values": values})


def check(code, subject, last_day, offset, breached):
    """The day before, of and after the last day the standard is met."""
    found = breaches(code, shifted(last_day, offset))
    assert (subject.pk in found) is breached
    if breached:
        assert found[subject.pk] == last_day


# UNALLOCATED


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_unallocated_counts_5_working_days_from_opening_across_christmas(db, offset, breached):
    # Opened Friday 18 Dec 2026: 25 and 28 Dec are bank holidays, so the fifth working day is Tuesday 29th.
    child = ChildFactory(worker=None, opened_on=D(2026, 12, 18))
    check("UNALLOCATED", child, D(2026, 12, 29), offset, breached)


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_unallocated_counts_from_the_end_of_the_last_allocation_with_a_worker_across_easter(db, offset, breached):
    child = ChildFactory(worker=None, opened_on=D(2026, 6, 1))
    AllocationFactory(child=child, worker=StaffFactory(), started_on=D(2026, 6, 1), ended_on=D(2027, 3, 23))
    AllocationFactory(child=child, worker=None, started_on=D(2027, 3, 23), ended_on=D(2027, 3, 25))
    AllocationFactory(child=child, worker=None, started_on=D(2027, 3, 25))  # a change of team: the clock runs on
    # Tuesday 23 March 2027, then Good Friday and Easter Monday: the fifth working day is Thursday 1 April.
    check("UNALLOCATED", child, D(2027, 4, 1), offset, breached)


def test_unallocated_excludes_allocated_and_closed_children(db):
    allocated = ChildFactory(opened_on=D(2026, 1, 5))
    closed = ChildFactory(worker=None, opened_on=D(2026, 1, 5), closed_on=D(2026, 3, 1))
    unallocated = ChildFactory(worker=None, opened_on=D(2026, 1, 5))
    found = breaches("UNALLOCATED", D(2026, 11, 23))
    assert unallocated.pk in found
    assert allocated.pk not in found
    assert closed.pk not in found


def test_unallocated_reads_the_configured_working_days(db):
    child = ChildFactory(worker=None, opened_on=D(2026, 12, 18))
    configure("UNALLOCATED", working_days=10)  # with New Year's Day too, the tenth is Wednesday 6 January 2027
    assert child.pk not in breaches("UNALLOCATED", D(2027, 1, 6))
    assert breaches("UNALLOCATED", D(2027, 1, 7))[child.pk] == D(2027, 1, 6)


# OVERSIGHT


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_oversight_first_within_10_working_days_of_allocation_across_christmas(db, offset, breached):
    # Allocated Monday 14 Dec 2026: with 25 and 28 Dec bank holidays the tenth working day is the 30th.
    allocation = AllocationFactory(child=ChildFactory(opened_on=D(2026, 12, 14)))
    check("OVERSIGHT", allocation.child, D(2026, 12, 30), offset, breached)


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_oversight_then_every_3_months(db, offset, breached):
    decision = ManagementDecisionFactory(child=ChildFactory(opened_on=D(2026, 1, 5)), decided_on=D(2026, 8, 31))
    AllocationFactory(child=decision.child)
    check("OVERSIGHT", decision.child, D(2026, 11, 30), offset, breached)


def test_oversight_a_new_allocation_needs_oversight_within_10_working_days_of_it(db):
    child = ChildFactory(opened_on=D(2026, 1, 5))
    AllocationFactory(child=child, started_on=D(2026, 1, 5), ended_on=D(2026, 12, 14))
    AllocationFactory(child=child, started_on=D(2026, 12, 14))
    ManagementDecisionFactory(child=child, decided_on=D(2026, 11, 2))  # the 3-month clock alone: 2 February
    assert child.pk not in breaches("OVERSIGHT", D(2026, 12, 30))
    assert breaches("OVERSIGHT", D(2026, 12, 31))[child.pk] == D(2026, 12, 30)
    ManagementDecisionFactory(child=child, decided_on=D(2026, 12, 15))
    assert child.pk not in breaches("OVERSIGHT", D(2026, 12, 31))


def test_oversight_a_filed_case_discussion_counts_on_its_sessions_date_and_an_unfiled_one_does_not(db):
    child = ChildFactory(opened_on=D(2026, 1, 5))
    session = SupervisionSessionFactory(supervisee=child.worker, date=D(2026, 10, 20))
    discussion = CaseDiscussionFactory(session=session, child=child)
    assert breaches("OVERSIGHT", D(2026, 11, 23))[child.pk] == D(2026, 1, 19)  # 10 working days after opening
    discussion.filed_at = at(D(2026, 10, 21))
    discussion.save()
    assert child.pk not in breaches("OVERSIGHT", D(2027, 1, 20))
    assert breaches("OVERSIGHT", D(2027, 1, 21))[child.pk] == D(2027, 1, 20)


def test_oversight_ignores_a_decision_dated_after_today_and_closed_children(db):
    child = ChildFactory(opened_on=D(2026, 1, 5))
    ManagementDecisionFactory(child=child, decided_on=D(2026, 12, 1))
    closed = ChildFactory(opened_on=D(2026, 1, 5), closed_on=D(2026, 6, 1))
    found = breaches("OVERSIGHT", D(2026, 11, 23))
    assert child.pk in found
    assert closed.pk not in found


def test_oversight_reads_the_configured_figures(db):
    decision = ManagementDecisionFactory(child=ChildFactory(opened_on=D(2026, 1, 5)), decided_on=D(2026, 8, 31))
    configure("OVERSIGHT", first_working_days=10, months=6)
    assert decision.child.pk not in breaches("OVERSIGHT", D(2026, 12, 1))
    assert breaches("OVERSIGHT", D(2027, 3, 1))[decision.child.pk] == D(2027, 2, 28)


# ASSESSMENT-DUE


def signed_off(child, on, kind=Assessment.Kind.CHILD_AND_FAMILY, hour=10):
    return AssessmentVersionFactory(
        assessment__child=child, assessment__kind=kind, status=AssessmentVersion.Status.SIGNED_OFF,
        submitted_at=at(on, 9), decided_at=at(on, hour),
    )


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_assessment_due_45_working_days_after_the_referral_across_easter(db, offset, breached):
    # Opened Monday 1 Feb 2027: Good Friday and Easter Monday put the 45th working day on Wednesday 7 April.
    child = ChildFactory(opened_on=D(2027, 2, 1))
    check("ASSESSMENT-DUE", child, D(2027, 4, 7), offset, breached)


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_assessment_due_again_12_months_after_the_latest_signed_off(db, offset, breached):
    child = ChildFactory(opened_on=D(2025, 1, 6))
    signed_off(child, D(2025, 2, 3))
    signed_off(child, D(2025, 11, 30), hour=23)  # late evening, London time: still the 30th
    check("ASSESSMENT-DUE", child, D(2026, 11, 30), offset, breached)


def test_assessment_due_a_plan_or_an_assessment_not_signed_off_does_not_count(db):
    child = ChildFactory(opened_on=D(2026, 1, 5))
    signed_off(child, D(2026, 2, 2), kind=Assessment.Kind.CIN_PLAN)
    AssessmentVersionFactory(assessment__child=child, status=AssessmentVersion.Status.SUBMITTED,
                             submitted_at=at(D(2026, 2, 2)))
    assert child.pk in breaches("ASSESSMENT-DUE", D(2026, 11, 23))
    signed_off(child, D(2026, 2, 3), kind=Assessment.Kind.SECTION_47)
    assert child.pk not in breaches("ASSESSMENT-DUE", D(2026, 11, 23))


def test_assessment_due_excludes_closed_children(db):
    closed = ChildFactory(opened_on=D(2026, 1, 5), closed_on=D(2026, 6, 1))
    assert closed.pk not in breaches("ASSESSMENT-DUE", D(2026, 11, 23))


def test_assessment_due_reads_the_configured_figures(db):
    child = ChildFactory(opened_on=D(2027, 2, 1))
    configure("ASSESSMENT-DUE", working_days=20, review_months=6)
    assert breaches("ASSESSMENT-DUE", D(2027, 3, 2))[child.pk] == D(2027, 3, 1)
    assessed = ChildFactory(opened_on=D(2026, 1, 5))
    signed_off(assessed, D(2026, 5, 29))
    assert breaches("ASSESSMENT-DUE", D(2026, 11, 30))[assessed.pk] == D(2026, 11, 29)


# CHILD-VIEWS


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_child_views_recorded_at_least_every_3_months(db, offset, breached):
    note = CaseNoteFactory(child=ChildFactory(opened_on=D(2026, 1, 5)), occurred_on=D(2026, 8, 31))
    check("CHILD-VIEWS", note.child, D(2026, 11, 30), offset, breached)


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_child_views_first_due_3_months_after_opening(db, offset, breached):
    child = ChildFactory(opened_on=D(2026, 8, 3))
    check("CHILD-VIEWS", child, D(2026, 11, 3), offset, breached)


@pytest.mark.parametrize(
    "fields", [{"views_recorded": False}, {"child_said": "   \n "}, {"kind": CaseNote.Kind.NOTE, "child_said": ""}]
)
def test_child_views_not_recorded_or_only_spaces_do_not_count(db, fields):
    child = ChildFactory(opened_on=D(2026, 1, 5))
    CaseNoteFactory(child=child, occurred_on=D(2026, 11, 2), **fields)
    assert child.pk in breaches("CHILD-VIEWS", D(2026, 11, 23))


def test_child_views_in_a_case_note_count_and_closed_children_are_excluded(db):
    child = ChildFactory(opened_on=D(2026, 1, 5))
    CaseNoteFactory(child=child, occurred_on=D(2026, 11, 2), kind=CaseNote.Kind.NOTE, child_seen=False,
                    seen_alone=False)
    closed = ChildFactory(opened_on=D(2026, 1, 5), closed_on=D(2026, 6, 1))
    found = breaches("CHILD-VIEWS", D(2026, 11, 23))
    assert child.pk not in found
    assert closed.pk not in found


def test_child_views_reads_the_configured_months(db):
    note = CaseNoteFactory(child=ChildFactory(opened_on=D(2026, 1, 5)), occurred_on=D(2026, 8, 31))
    configure("CHILD-VIEWS", months=1)
    assert breaches("CHILD-VIEWS", D(2026, 10, 1))[note.child.pk] == D(2026, 9, 30)


# CONTRACT-REVIEW


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_contract_review_is_due_on_its_review_date(db, offset, breached):
    contract = SupervisionContractFactory(staff=supervised(), agreed_on=D(2026, 1, 5), review_on=D(2026, 11, 30))
    check("CONTRACT-REVIEW", contract.staff, D(2026, 11, 30), offset, breached)


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_contract_review_at_least_yearly_whatever_review_date_was_set(db, offset, breached):
    contract = SupervisionContractFactory(staff=supervised(), agreed_on=D(2025, 11, 30), review_on=D(2027, 6, 1))
    check("CONTRACT-REVIEW", contract.staff, D(2026, 11, 30), offset, breached)


def test_contract_review_reads_only_the_latest_contract(db):
    member = supervised()
    SupervisionContractFactory(staff=member, agreed_on=D(2025, 1, 6), review_on=D(2026, 1, 5))
    assert member.pk in breaches("CONTRACT-REVIEW", D(2026, 11, 23))
    SupervisionContractFactory(staff=member, agreed_on=D(2026, 1, 5), review_on=D(2027, 1, 5))
    assert member.pk not in breaches("CONTRACT-REVIEW", D(2026, 11, 23))


def test_contract_review_excludes_former_staff_those_unsupervised_and_those_with_no_contract(db):
    former = supervised(is_active=False)
    unsupervised = supervised(line_manager=None)
    for member in (former, unsupervised):
        SupervisionContractFactory(staff=member, agreed_on=D(2025, 1, 6), review_on=D(2026, 1, 5))
    no_contract = supervised()
    found = breaches("CONTRACT-REVIEW", D(2026, 11, 23))
    assert not {former.pk, unsupervised.pk, no_contract.pk} & set(found)


def test_contract_review_reads_the_configured_months(db):
    contract = SupervisionContractFactory(staff=supervised(), agreed_on=D(2025, 11, 30), review_on=D(2027, 6, 1))
    configure("CONTRACT-REVIEW", months=6)
    assert breaches("CONTRACT-REVIEW", D(2026, 6, 1))[contract.staff.pk] == D(2026, 5, 30)
