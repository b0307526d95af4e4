"""PLAN-UNSIGNED, PLAN-MISSING, VISITS, SEEN-ALONE at their boundaries."""
import pytest

from cases.models import Assessment, AssessmentVersion, CaseNote, Category, ChronologyEntry
from tests.factories import (
    AssessmentFactory,
    AssessmentVersionFactory,
    CaseNoteFactory,
    ChildFactory,
    ChronologyEntryFactory,
)

from .helpers import D, at, breaches

Status = AssessmentVersion.Status


def test_plan_unsigned_counts_5_working_days_across_christmas(db):
    # Submitted Monday 21 Dec 2026: 22, 23, 24, (25 and 28 bank holidays), 29, 30.
    version = AssessmentVersionFactory(status=Status.SUBMITTED, submitted_at=at(D(2026, 12, 21)))
    child = version.assessment.child_id
    assert child not in breaches("PLAN-UNSIGNED", D(2026, 12, 29))
    assert child not in breaches("PLAN-UNSIGNED", D(2026, 12, 30))
    assert breaches("PLAN-UNSIGNED", D(2026, 12, 31))[child] == D(2026, 12, 30)


def test_plan_unsigned_is_mended_by_a_decision(db):
    version = AssessmentVersionFactory(
        status=Status.SIGNED_OFF, submitted_at=at(D(2026, 10, 1)), decided_at=at(D(2026, 10, 2))
    )
    assert version.assessment.child_id not in breaches("PLAN-UNSIGNED", D(2026, 11, 23))


@pytest.fixture
def child_in_need(db):
    return ChildFactory(category=Category.CHILD_IN_NEED, opened_on=D(2026, 1, 5))  # 20 working days: 2 February


@pytest.mark.parametrize("today, breached", [(D(2026, 2, 1), False), (D(2026, 2, 2), False), (D(2026, 2, 3), True)])
def test_plan_missing_flags_a_child_in_need_without_a_plan_after_20_working_days(child_in_need, today, breached):
    assert (child_in_need.pk in breaches("PLAN-MISSING", today)) is breached


def test_plan_missing_wants_a_signed_off_plan_for_the_childs_category(child_in_need):
    cp_plan = AssessmentFactory(child=child_in_need, kind=Assessment.Kind.CP_PLAN)
    AssessmentVersionFactory(assessment=cp_plan, status=Status.SIGNED_OFF, submitted_at=at(D(2026, 1, 20)))
    assert breaches("PLAN-MISSING", D(2026, 3, 2))[child_in_need.pk] == D(2026, 2, 2)
    cin_plan = AssessmentFactory(child=child_in_need, kind=Assessment.Kind.CIN_PLAN)
    AssessmentVersionFactory(assessment=cin_plan, status=Status.SUBMITTED, submitted_at=at(D(2026, 1, 20)))
    assert child_in_need.pk in breaches("PLAN-MISSING", D(2026, 3, 2))
    AssessmentVersionFactory(assessment=cin_plan, number=2, status=Status.SIGNED_OFF, submitted_at=at(D(2026, 2, 20)))
    assert child_in_need.pk not in breaches("PLAN-MISSING", D(2026, 3, 2))


def test_plan_missing_does_not_apply_to_early_help(db):
    child = ChildFactory(category=Category.EARLY_HELP, opened_on=D(2026, 1, 5))
    assert child.pk not in breaches("PLAN-MISSING", D(2026, 11, 23))


@pytest.fixture
def care_leaver(db):
    return ChildFactory(category=Category.CARE_LEAVER, opened_on=D(2026, 1, 5))  # 20 working days: 2 February


@pytest.mark.parametrize("today, breached", [(D(2026, 2, 1), False), (D(2026, 2, 2), False), (D(2026, 2, 3), True)])
def test_plan_missing_flags_a_care_leaver_without_a_pathway_plan_after_20_working_days(care_leaver, today, breached):
    assert (care_leaver.pk in breaches("PLAN-MISSING", today)) is breached


def test_plan_missing_wants_a_signed_off_pathway_plan_for_a_care_leaver(care_leaver):
    care_plan = AssessmentFactory(child=care_leaver, kind=Assessment.Kind.CARE_PLAN)
    AssessmentVersionFactory(assessment=care_plan, status=Status.SIGNED_OFF, submitted_at=at(D(2026, 1, 20)))
    assert breaches("PLAN-MISSING", D(2026, 3, 2))[care_leaver.pk] == D(2026, 2, 2)  # the care plan has ended
    pathway = AssessmentFactory(child=care_leaver, kind=Assessment.Kind.PATHWAY_PLAN)
    AssessmentVersionFactory(assessment=pathway, status=Status.SUBMITTED, submitted_at=at(D(2026, 1, 20)))
    assert care_leaver.pk in breaches("PLAN-MISSING", D(2026, 3, 2))  # submitted is not signed
    AssessmentVersionFactory(assessment=pathway, number=2, status=Status.SIGNED_OFF, submitted_at=at(D(2026, 2, 20)))
    assert care_leaver.pk not in breaches("PLAN-MISSING", D(2026, 3, 2))


def test_a_pathway_plan_does_not_count_for_a_looked_after_child(db):
    child = ChildFactory(category=Category.LOOKED_AFTER, opened_on=D(2026, 1, 5))
    pathway = AssessmentFactory(child=child, kind=Assessment.Kind.PATHWAY_PLAN)
    AssessmentVersionFactory(assessment=pathway, status=Status.SIGNED_OFF, submitted_at=at(D(2026, 1, 20)))
    assert child.pk in breaches("PLAN-MISSING", D(2026, 3, 2))


def visit(child, on, **fields):
    return CaseNoteFactory(child=child, occurred_on=on, kind=CaseNote.Kind.STATUTORY_VISIT, **fields)


def test_visits_child_protection_within_10_working_days_across_christmas(db):
    child = ChildFactory(category=Category.CHILD_PROTECTION, opened_on=D(2026, 1, 5))
    visit(child, D(2026, 12, 14))
    assert child.pk not in breaches("VISITS", D(2026, 12, 29))
    assert child.pk not in breaches("VISITS", D(2026, 12, 30))
    assert breaches("VISITS", D(2026, 12, 31))[child.pk] == D(2026, 12, 30)


@pytest.mark.parametrize(
    "today, breached", [(D(2026, 11, 11), False), (D(2026, 11, 12), False), (D(2026, 11, 13), True)]
)
def test_visits_looked_after_child_within_6_weeks(db, today, breached):
    child = ChildFactory(category=Category.LOOKED_AFTER, opened_on=D(2026, 1, 5))
    visit(child, D(2026, 10, 1))
    assert (child.pk in breaches("VISITS", today)) is breached


@pytest.mark.parametrize("today, breached", [(D(2026, 11, 8), False), (D(2026, 11, 9), False), (D(2026, 11, 10), True)])
def test_visits_looked_after_child_within_a_week_of_a_new_placement(db, today, breached):
    child = ChildFactory(category=Category.LOOKED_AFTER, opened_on=D(2026, 1, 5))
    visit(child, D(2026, 10, 20))
    ChronologyEntryFactory(child=child, occurred_on=D(2026, 11, 2), event_type=ChronologyEntry.EventType.PLACEMENT)
    found = breaches("VISITS", today)
    assert (child.pk in found) is breached
    if breached:
        assert found[child.pk] == D(2026, 11, 9)


def test_visits_child_in_need_within_20_working_days_and_other_notes_do_not_count(db):
    child = ChildFactory(category=Category.CHILD_IN_NEED, opened_on=D(2026, 1, 5))
    visit(child, D(2026, 10, 1))  # 20 working days: 29 October
    CaseNoteFactory(
        child=child, occurred_on=D(2026, 10, 20), kind=CaseNote.Kind.NOTE, child_seen=False, seen_alone=False
    )
    assert child.pk not in breaches("VISITS", D(2026, 10, 29))
    assert breaches("VISITS", D(2026, 10, 30))[child.pk] == D(2026, 10, 29)


def test_visits_of_a_child_never_visited_count_from_opening(db):
    child = ChildFactory(category=Category.CHILD_PROTECTION, opened_on=D(2026, 11, 2))
    assert breaches("VISITS", D(2026, 11, 17))[child.pk] == D(2026, 11, 16)


@pytest.fixture
def protected(db):
    return ChildFactory(category=Category.CHILD_PROTECTION)


def not_alone(child, *days):
    for day in days:
        visit(child, day, seen_alone=False)


@pytest.mark.parametrize("visits, breached", [(1, True), (2, True), (3, True), (4, True)])
def test_seen_alone_flags_a_child_not_seen_alone_at_the_last_3_visits_or_all_if_fewer(protected, visits, breached):
    not_alone(protected, *[D(2026, 11, day) for day in range(1, visits + 1)])
    assert (protected.pk in breaches("SEEN-ALONE", D(2026, 11, 23))) is breached


def test_seen_alone_at_one_of_the_last_3_visits_is_enough(protected):
    not_alone(protected, D(2026, 10, 1), D(2026, 11, 1), D(2026, 11, 10))
    visit(protected, D(2026, 10, 20), seen_alone=True)
    assert protected.pk not in breaches("SEEN-ALONE", D(2026, 11, 23))
    not_alone(protected, D(2026, 11, 20))
    assert breaches("SEEN-ALONE", D(2026, 11, 23))[protected.pk] == D(2026, 11, 1)


def test_seen_alone_applies_to_child_protection_and_looked_after_children_only(db):
    child = ChildFactory(category=Category.CHILD_IN_NEED)
    not_alone(child, D(2026, 11, 1), D(2026, 11, 2), D(2026, 11, 3))
    assert child.pk not in breaches("SEEN-ALONE", D(2026, 11, 23))
