"""The team manager's sign-off journey through the pages."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from cases import sign_off
from cases.models import AssessmentVersion, ManagementDecision
from tests.factories import AssessmentVersionFactory, ChildFactory, PlanActionFactory

Status = AssessmentVersion.Status
CHECKLIST = {field: "on" for field, _ in sign_off.K5_ITEMS}


@pytest.fixture
def submitted(child, social_worker):
    return sign_off.submit(version=AssessmentVersionFactory(assessment__child=child), author=social_worker)


def test_awaiting_my_sign_off_lists_oldest_first_with_working_days_waited(client, team_manager, social_worker):
    with time_machine.travel(datetime.datetime(2026, 11, 16, 10, 0, tzinfo=datetime.UTC)):  # Monday
        older = sign_off.submit(
            version=AssessmentVersionFactory(assessment__child=ChildFactory(worker=social_worker)), author=social_worker
        )
    with time_machine.travel(datetime.datetime(2026, 11, 20, 10, 0, tzinfo=datetime.UTC)):  # Friday
        newer = sign_off.submit(
            version=AssessmentVersionFactory(assessment__child=ChildFactory(worker=social_worker)), author=social_worker
        )
    client.force_login(team_manager)
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)):  # Monday
        response = client.get(reverse("awaiting_sign_off"))
    rows = response.context["rows"]
    assert [v for v, _ in rows] == [older, newer]
    assert [waited for _, waited in rows] == [5, 1]
    assert older.assessment.child.full_name in response.content.decode()


def test_awaiting_my_sign_off_shows_only_staff_i_line_manage(client, other_team, outsider, submitted):
    client.force_login(other_team.manager)
    assert client.get(reverse("awaiting_sign_off")).context["rows"] == []


def test_the_queue_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, team_manager, social_worker):
    for _ in range(15):
        sign_off.submit(
            version=AssessmentVersionFactory(assessment__child=ChildFactory(worker=social_worker)), author=social_worker
        )
    client.force_login(team_manager)
    # 8, the managed staff's ids, the visible team ids, the configured sign-off standard and the header's unread
    # notification count
    with django_assert_max_num_queries(12):
        assert client.get(reverse("awaiting_sign_off")).status_code == 200


def test_practitioners_have_no_sign_off_queue(client, social_worker):
    client.force_login(social_worker)
    assert client.get(reverse("awaiting_sign_off")).status_code == 404


def test_the_review_page_shows_the_document_beside_the_checklist(client, team_manager, submitted):
    client.force_login(team_manager)
    content = client.get(reverse("review", args=[submitted.assessment_id])).content.decode()
    assert submitted.lived_experience in content
    assert "The child knows and understands why they have a social worker" in content
    assert 'name="grade"' in content


def test_sign_off_with_a_checklist_item_missing_is_refused_clearly(client, team_manager, social_worker, child):
    # SMART is asked of plans (an assessment is not asked it: see below).
    version = AssessmentVersionFactory(assessment__child=child, assessment__kind="cin_plan")
    PlanActionFactory(version=version)
    submitted = sign_off.submit(version=version, author=social_worker)
    client.force_login(team_manager)
    data = {**CHECKLIST, "grade": "good", "feedback": "Good work"}
    del data["affirmed_smart"]
    response = client.post(reverse("review", args=[submitted.assessment_id]), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "Affirm: the plan is smart" in content
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED


def test_an_assessment_is_signed_off_without_being_asked_whether_a_plan_is_smart(client, team_manager, submitted):
    client.force_login(team_manager)
    content = client.get(reverse("review", args=[submitted.assessment_id])).content.decode()
    assert "The plan is SMART" not in content and "The assessment of need is holistic" in content
    data = {**CHECKLIST, "grade": "good", "feedback": "Good work"}
    del data["affirmed_smart"]
    client.post(reverse("review", args=[submitted.assessment_id]), data)
    submitted.refresh_from_db()
    assert submitted.status == Status.SIGNED_OFF


def test_a_pathway_plan_is_reviewed_in_a_care_leavers_words(client, team_manager, social_worker, child):
    version = AssessmentVersionFactory(assessment__child=child, assessment__kind="pathway_plan")
    PlanActionFactory(version=version)
    sign_off.submit(version=version, author=social_worker)
    client.force_login(team_manager)
    content = client.get(reverse("review", args=[version.assessment_id])).content.decode()
    assert "The young person knows and understands why they have a personal adviser" in content
    assert "The plan is SMART" in content


def test_returning_requires_improvement_keeps_the_grade_and_the_author_sees_feedback(
    client, team_manager, social_worker, submitted
):
    client.force_login(team_manager)
    response = client.post(
        reverse("review", args=[submitted.assessment_id]),
        {"grade": "requires_improvement", "feedback": "Say more about what school is like for her."},
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.status, submitted.grade) == (Status.RETURNED, "requires_improvement")
    client.force_login(social_worker)
    content = client.get(reverse("assessment", args=[submitted.assessment_id])).content.decode()
    assert "Say more about what school is like for her." in content
    assert "requires improvement" in content


def test_signing_off_good_puts_the_decision_on_the_childs_record(client, team_manager, child, submitted):
    client.force_login(team_manager)
    response = client.post(
        reverse("review", args=[submitted.assessment_id]),
        {**CHECKLIST, "grade": "good", "feedback": "Clear and SMART."},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("awaiting_sign_off")  # the next item is offered there
    assert "The decision is on the child&#x27;s record." in response.content.decode()
    content = client.get(reverse("child", args=[child.pk])).content.decode()
    assert "Signed off: Child and family assessment, version 1 (graded good)." in content
    assert "Clear and SMART." in content
    assert ManagementDecision.objects.get(child=child).manager == team_manager


def test_a_second_decision_is_told_clearly_it_was_already_made(client, team_manager, head_of_service, submitted):
    client.force_login(team_manager)
    url = reverse("review", args=[submitted.assessment_id])
    client.post(url, {**CHECKLIST, "grade": "good", "feedback": "Clear."})
    client.force_login(head_of_service)
    response = client.post(url, {"grade": "inadequate", "feedback": "No."}, follow=True)
    assert "has already signed off this version" in response.content.decode()
    assert ManagementDecision.objects.count() == 1


def test_the_author_cannot_decide_on_their_own_work(client, social_worker, submitted):
    client.force_login(social_worker)
    assert client.get(reverse("review", args=[submitted.assessment_id])).status_code == 404


def test_the_author_drafts_and_submits_through_the_page(client, social_worker, child):
    client.force_login(social_worker)
    response = client.post(reverse("start_assessment", args=[child.pk]), {"kind": "cin_plan"})
    assessment_id = response.url.split("/")[2]
    version = AssessmentVersion.objects.get(assessment_id=assessment_id)
    data = {
        "identity": "x", "seen_and_heard": "x", "child_understanding": "x", "life_story": "",
        "lived_experience": "x", "analysis": "x",
        "actions-TOTAL_FORMS": "1", "actions-INITIAL_FORMS": "0", "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000",
        "actions-0-what": "School nurse health check", "actions-0-who": "Social worker",
        "actions-0-by_when": "2027-01-15", "actions-0-how_measured": "Report received",
        "submit": "Submit",
    }
    response = client.post(reverse("edit_version", args=[assessment_id]), data)
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == Status.SUBMITTED
    assert version.actions.count() == 1


def test_a_plan_without_actions_is_not_submitted_and_nothing_is_half_saved(client, social_worker, child):
    version = AssessmentVersionFactory(assessment__child=child, assessment__kind="cp_plan", analysis="Before")
    client.force_login(social_worker)
    data = {
        "identity": "x", "seen_and_heard": "x", "child_understanding": "x", "life_story": "",
        "lived_experience": "x", "analysis": "After",
        "actions-TOTAL_FORMS": "0", "actions-INITIAL_FORMS": "0", "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000", "submit": "Submit",
    }
    response = client.post(reverse("edit_version", args=[version.assessment_id]), data)
    assert response.status_code == 200
    assert "Add at least one SMART action" in response.content.decode()
    version.refresh_from_db()
    assert (version.status, version.analysis) == (Status.DRAFT, "Before")


def test_a_submitted_version_cannot_be_edited_through_the_page(client, social_worker, submitted):
    client.force_login(social_worker)
    response = client.post(
        reverse("edit_version", args=[submitted.assessment_id]), {"analysis": "changed"}, follow=True
    )
    assert "cannot be edited" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.analysis != "changed"


@pytest.mark.parametrize("name", ["assessment", "edit_version", "review"])
def test_assessment_pages_are_out_of_scope_for_other_teams(client, outsider, submitted, name):
    client.force_login(outsider)
    assert client.get(reverse(name, args=[submitted.assessment_id])).status_code == 404
