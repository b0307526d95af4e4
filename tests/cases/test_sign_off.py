"""Signing off assessments and plans (SPEC section 3; K 4, K 5)."""
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from cases import sign_off
from cases.models import Assessment, AssessmentVersion, Grade, ManagementDecision
from tests.factories import AssessmentVersionFactory, PlanActionFactory, StaffFactory

Status = AssessmentVersion.Status
ALL_AFFIRMED = {field: True for field, _ in sign_off.K5_ITEMS}


@pytest.fixture
def submitted(child, social_worker):
    version = AssessmentVersionFactory(assessment__child=child)
    return sign_off.submit(version=version, author=social_worker)


def submitted_of(kind, child, author):
    version = AssessmentVersionFactory(assessment__child=child, assessment__kind=kind)
    PlanActionFactory(version=version)
    return sign_off.submit(version=version, author=author)


def decide(version, manager, grade=Grade.GOOD, affirmations=ALL_AFFIRMED, **kwargs):
    kwargs.setdefault("feedback", "Clear analysis; the child's voice comes through.")
    return sign_off.decide(version=version, manager=manager, grade=grade, affirmations=affirmations, **kwargs)


def test_a_good_version_with_every_item_affirmed_is_signed_off(submitted, team_manager):
    version = decide(submitted, team_manager)
    assert version.status == Status.SIGNED_OFF
    assert version.grade == Grade.GOOD
    assert version.decided_by == team_manager


def test_the_decision_and_rationale_land_on_the_childs_record(submitted, team_manager):
    decide(submitted, team_manager, feedback="Strong, child-centred work.")
    decision = ManagementDecision.objects.get(child=submitted.assessment.child)
    assert decision.manager == team_manager
    assert decision.context == ManagementDecision.Context.SIGN_OFF
    assert decision.rationale == "Strong, child-centred work."
    assert decision.decided_on == timezone.localdate()
    assert decision.assessment_version == submitted
    assert "Signed off" in decision.decision


@pytest.mark.parametrize("grade", [Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE])
def test_a_lower_grade_returns_the_version_and_keeps_the_grade(submitted, team_manager, grade):
    version = decide(submitted, team_manager, grade=grade, affirmations={}, feedback="Add the child's views.")
    assert version.status == Status.RETURNED
    assert version.grade == grade
    assert version.feedback == "Add the child's views."
    assert "Returned" in ManagementDecision.objects.get().decision


@pytest.mark.parametrize("missing", [field for field, _ in sign_off.K5_ITEMS if field != "affirmed_life_story"])
def test_sign_off_is_refused_when_a_k5_item_is_not_affirmed(child, social_worker, team_manager, missing):
    # SMART is asked only of plans: a plan is refused without any of the items.
    submitted = submitted_of(Assessment.Kind.CIN_PLAN, child, social_worker)
    with pytest.raises(ValidationError) as error:
        decide(submitted, team_manager, affirmations={**ALL_AFFIRMED, missing: False})
    assert missing in error.value.message_dict
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert not ManagementDecision.objects.exists()


def test_life_story_work_may_be_not_relevant_only_with_a_reason(submitted, team_manager):
    affirmations = {**ALL_AFFIRMED, "affirmed_life_story": False}
    with pytest.raises(ValidationError) as error:
        decide(submitted, team_manager, affirmations=affirmations)
    assert "affirmed_life_story" in error.value.message_dict
    version = decide(submitted, team_manager, affirmations=affirmations,
                     life_story_not_relevant_reason="Lives with birth family; identity work done at school.")
    assert version.status == Status.SIGNED_OFF
    assert version.life_story_not_relevant_reason.startswith("Lives with birth family")


def test_a_decision_needs_a_rationale(submitted, team_manager):
    with pytest.raises(ValidationError) as error:
        decide(submitted, team_manager, feedback="  ")
    assert "feedback" in error.value.message_dict


def test_nobody_signs_off_their_own_work(child, team_manager):
    version = AssessmentVersionFactory(assessment__child=child, assessment__created_by=team_manager)
    sign_off.submit(version=version, author=team_manager)
    with pytest.raises(ValidationError, match="your own work"):
        decide(version, team_manager)


def test_only_a_manager_in_the_authors_line_of_management_decides(submitted, other_team, head_of_service, director):
    with pytest.raises(ValidationError, match="line of management"):
        decide(submitted, other_team.manager)
    # Further up the same line is allowed: head of service, director.
    assert decide(submitted, head_of_service).status == Status.SIGNED_OFF


def test_a_manager_outside_the_line_but_in_the_same_team_is_refused(submitted, team):
    another_manager = StaffFactory(role="team_manager", team=team)
    with pytest.raises(ValidationError, match="line of management"):
        decide(submitted, another_manager)


def test_a_decided_version_cannot_be_decided_again(submitted, team_manager, head_of_service):
    decide(submitted, team_manager)
    with pytest.raises(sign_off.AlreadyDecided):
        decide(submitted, head_of_service, grade=Grade.INADEQUATE, affirmations={})
    assert ManagementDecision.objects.count() == 1


def test_a_draft_cannot_be_decided(child, team_manager):
    draft = AssessmentVersionFactory(assessment__child=child)
    with pytest.raises(sign_off.AlreadyDecided):
        decide(draft, team_manager)


def test_a_submitted_version_cannot_be_edited(submitted):
    submitted.identity = "Changed after submission"
    with pytest.raises(ValidationError):
        submitted.save()


def test_a_signed_off_version_never_changes(submitted, team_manager):
    version = decide(submitted, team_manager)
    version.analysis = "Rewritten"
    with pytest.raises(ValidationError):
        version.save()
    version.refresh_from_db()
    assert version.analysis != "Rewritten"


def test_editing_after_sign_off_starts_a_new_version_that_needs_its_own_sign_off(
    submitted, team_manager, social_worker
):
    decide(submitted, team_manager)
    draft = sign_off.new_version(assessment=submitted.assessment, author=social_worker)
    assert draft.number == 2
    assert draft.status == Status.DRAFT
    assert draft.analysis == submitted.analysis
    assert submitted.assessment.current_version() == AssessmentVersion.objects.get(pk=submitted.pk)


def test_a_new_version_copies_the_smart_actions(child, social_worker, team_manager):
    version = AssessmentVersionFactory(assessment__child=child, assessment__kind="cin_plan")
    PlanActionFactory(version=version, what="Weekly school attendance check")
    sign_off.submit(version=version, author=social_worker)
    decide(version, team_manager, grade=Grade.REQUIRES_IMPROVEMENT, affirmations={})
    draft = sign_off.new_version(assessment=version.assessment, author=social_worker)
    assert list(draft.actions.values_list("what", flat=True)) == ["Weekly school attendance check"]
    assert version.actions.count() == 1


def test_only_one_version_can_be_in_progress(child, social_worker):
    version = AssessmentVersionFactory(assessment__child=child)
    with pytest.raises(ValidationError, match="in progress"):
        sign_off.new_version(assessment=version.assessment, author=social_worker)


def test_a_plan_needs_a_smart_action_to_be_submitted(child, social_worker):
    version = AssessmentVersionFactory(assessment__child=child, assessment__kind="cp_plan")
    with pytest.raises(ValidationError, match="SMART action"):
        sign_off.submit(version=version, author=social_worker)
    PlanActionFactory(version=version)
    assert sign_off.submit(version=version, author=social_worker).status == Status.SUBMITTED


def test_empty_sections_block_submission(child, social_worker):
    version = AssessmentVersionFactory(assessment__child=child, lived_experience="", life_story="")
    with pytest.raises(ValidationError) as error:
        sign_off.submit(version=version, author=social_worker)
    assert set(error.value.message_dict) == {"lived_experience"}  # life-story work may be empty


@pytest.mark.django_db(transaction=True)
def test_two_managers_deciding_at_once_leave_exactly_one_decision(child, social_worker, team_manager, head_of_service):
    """Two transactions on PostgreSQL: the second waits on the row lock, then finds the version decided."""
    version = AssessmentVersionFactory(assessment__child=child)
    sign_off.submit(version=version, author=social_worker)
    first_has_decided = threading.Event()
    outcomes = {}

    def first():
        from django.db import transaction

        try:
            with transaction.atomic():
                decide(version, team_manager)
                first_has_decided.set()
                # Hold the transaction open so the second decision runs against the locked row.
                threading.Event().wait(0.5)
            outcomes["first"] = "decided"
        finally:
            first_has_decided.set()
            connection.close()

    def second():
        first_has_decided.wait(5)
        try:
            decide(AssessmentVersion.objects.get(pk=version.pk), head_of_service,
                   grade=Grade.INADEQUATE, affirmations={}, feedback="Not good enough")
            outcomes["second"] = "decided"
        except sign_off.AlreadyDecided:
            outcomes["second"] = "told it was already decided"
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert outcomes == {"first": "decided", "second": "told it was already decided"}
    version.refresh_from_db()
    assert (version.status, version.decided_by) == (Status.SIGNED_OFF, team_manager)
    assert ManagementDecision.objects.filter(child=child).count() == 1


@pytest.mark.parametrize("missing", [field for field, _ in sign_off.K5_ITEMS if field not in
                                     ("affirmed_life_story", "affirmed_smart")])
def test_an_assessment_is_refused_without_each_k5_item_but_smart(submitted, team_manager, missing):
    with pytest.raises(ValidationError) as error:
        decide(submitted, team_manager, affirmations={**ALL_AFFIRMED, missing: False})
    assert missing in error.value.message_dict


@pytest.mark.parametrize("kind", [Assessment.Kind.CHILD_AND_FAMILY, Assessment.Kind.SECTION_47])
def test_the_plan_is_smart_is_not_asked_of_an_assessment(child, social_worker, team_manager, kind):
    submitted = sign_off.submit(
        version=AssessmentVersionFactory(assessment__child=child, assessment__kind=kind), author=social_worker
    )
    assert "affirmed_smart" not in dict(sign_off.k5_items(kind))
    version = decide(submitted, team_manager, affirmations={**ALL_AFFIRMED, "affirmed_smart": False})
    assert version.status == Status.SIGNED_OFF
    assert version.affirmed_smart is False  # not affirmed, because not asked


@pytest.mark.parametrize("kind", Assessment.PLAN_KINDS)
def test_the_plan_is_smart_is_asked_of_every_plan(child, social_worker, team_manager, kind):
    submitted = submitted_of(kind, child, social_worker)
    with pytest.raises(ValidationError) as error:
        decide(submitted, team_manager, affirmations={**ALL_AFFIRMED, "affirmed_smart": False})
    assert error.value.message_dict["affirmed_smart"] == ["Affirm: the plan is smart"]
    assert decide(submitted, team_manager).affirmed_smart is True


def test_a_pathway_plan_is_affirmed_in_a_care_leavers_words(child, social_worker, team_manager):
    items = dict(sign_off.k5_items(Assessment.Kind.PATHWAY_PLAN))
    assert set(items) == {field for field, _ in sign_off.K5_ITEMS}
    assert items["affirmed_understanding"] == (
        "The young person knows and understands why they have a personal adviser"
    )
    assert not any("child" in label.lower() for label in items.values())
    submitted = submitted_of(Assessment.Kind.PATHWAY_PLAN, child, social_worker)
    with pytest.raises(ValidationError) as error:
        decide(submitted, team_manager, affirmations={**ALL_AFFIRMED, "affirmed_understanding": False})
    assert error.value.message_dict["affirmed_understanding"] == [
        "Affirm: the young person knows and understands why they have a personal adviser"
    ]
