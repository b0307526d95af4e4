"""Every kind of practitioner work a manager approves goes through the one sign-off (issue 19; K 4, K 9, W 4)."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases import sign_off
from cases.models import Assessment, AssessmentVersion, Grade, ManagementDecision, SignOffSetting
from cases.services import allocate
from tests.factories import DocumentVersionFactory, StaffFactory

Kind, Status = Assessment.Kind, AssessmentVersion.Status
ALL_AFFIRMED = {field: True for field, _ in sign_off.K5_ITEMS}


def draft_of(kind, child, author=None):
    version = DocumentVersionFactory(assessment__child=child, assessment__kind=kind, author=author or child.worker)
    if kind in Assessment.MEETING_KINDS:
        version.assessment.meeting_date = child.opened_on.replace(year=2027)
        version.assessment.save()
    return version


def submitted_of(kind, child, author):
    return sign_off.submit(version=draft_of(kind, child, author), author=author)


def decide(version, manager, grade=Grade.GOOD, affirmations=ALL_AFFIRMED, feedback="Clear and child-centred."):
    return sign_off.decide(version=version, manager=manager, grade=grade, affirmations=affirmations,
                           feedback=feedback)


@pytest.mark.parametrize("kind", Assessment.DOCUMENT_KINDS)
def test_each_kind_of_document_is_submitted_then_signed_off_with_a_decision_on_the_record(
    child, social_worker, team_manager, kind
):
    version = submitted_of(kind, child, social_worker)
    assert version.status == Status.SUBMITTED
    assert version in AssessmentVersion.objects.awaiting_sign_off_by(team_manager)
    decided = decide(version, team_manager)
    assert decided.status == Status.SIGNED_OFF
    decision = ManagementDecision.objects.get(assessment_version=decided)
    assert decision.manager == team_manager
    assert decision.decision.startswith(f"Signed off: {version.assessment.get_kind_display()}")


@pytest.mark.parametrize("kind", Assessment.DOCUMENT_KINDS)
@pytest.mark.parametrize("grade", [Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE])
def test_each_kind_graded_below_good_goes_back_with_its_grade_kept(child, social_worker, team_manager, kind, grade):
    decided = decide(submitted_of(kind, child, social_worker), team_manager, grade=grade, affirmations={})
    assert (decided.status, decided.grade) == (Status.RETURNED, grade)
    child.refresh_from_db()
    assert child.is_open  # a returned closure summary closes nothing


@pytest.mark.parametrize("kind", Assessment.DOCUMENT_KINDS)
def test_nobody_signs_off_their_own_work_of_any_kind(child, team_manager, kind):
    version = sign_off.submit(version=draft_of(kind, child), author=child.worker)
    version.author = team_manager  # the manager's own work
    with pytest.raises(ValidationError, match="your own work"):
        decide(version, team_manager)


@pytest.mark.parametrize("kind", Assessment.DOCUMENT_KINDS)
def test_a_manager_outside_the_line_cannot_sign_off_any_kind(child, social_worker, other_team, kind):
    with pytest.raises(ValidationError, match="line of management"):
        decide(submitted_of(kind, child, social_worker), other_team.manager)


def test_a_court_statement_is_not_asked_about_life_story_work_nor_smart(db):
    asked = dict(sign_off.k5_items(Kind.COURT_STATEMENT))
    assert "affirmed_life_story" not in asked and "affirmed_smart" not in asked
    assert "affirmed_seen_and_heard" in asked


def test_the_configured_items_are_the_ones_refused_when_not_affirmed(child, social_worker, team_manager):
    SignOffSetting.objects.filter(kind=Kind.COURT_STATEMENT).update(items=["affirmed_identity"])
    version = submitted_of(Kind.COURT_STATEMENT, child, social_worker)
    with pytest.raises(ValidationError) as refused:
        decide(version, team_manager, affirmations={"affirmed_seen_and_heard": True})
    assert set(refused.value.message_dict) == {"affirmed_identity"}
    assert decide(version, team_manager, affirmations={"affirmed_identity": True}).status == Status.SIGNED_OFF


def test_the_migrated_defaults_are_the_defaults_in_the_code(db):
    stored = dict(SignOffSetting.objects.values_list("kind", "items"))
    assert stored == {kind: list(items) for kind, items in sign_off.DEFAULT_ITEMS.items()}


def test_a_kind_that_needs_no_sign_off_is_filed_by_its_author(child, social_worker, team_manager):
    SignOffSetting.objects.filter(kind=Kind.COURT_CHRONOLOGY).update(needs_sign_off=False)
    version = submitted_of(Kind.COURT_CHRONOLOGY, child, social_worker)
    assert version.status == Status.FILED
    assert version not in AssessmentVersion.objects.awaiting_sign_off_by(team_manager)
    version.body = "Changed after filing"
    with pytest.raises(ValidationError):
        version.save()


@pytest.mark.parametrize("kind", [Kind.CHILD_AND_FAMILY, Kind.CP_PLAN, Kind.CLOSURE_SUMMARY])
def test_assessments_plans_and_closure_summaries_are_always_signed_off(db, kind):
    SignOffSetting.objects.filter(kind=kind).update(needs_sign_off=False)
    assert sign_off.needs_sign_off(kind)


def test_a_report_for_a_meeting_needs_the_meeting_date(child, social_worker):
    with pytest.raises(ValidationError, match="date of the meeting"):
        sign_off.start(child=child, kind=Kind.CP_CONFERENCE_REPORT, author=social_worker)


# Closure


def test_signing_off_the_closure_summary_closes_the_case_and_ends_the_allocation(child, social_worker, team_manager):
    allocation = allocate(child=child, team=child.team, worker=social_worker, by=team_manager, on=child.opened_on)
    decided = decide(submitted_of(Kind.CLOSURE_SUMMARY, child, social_worker), team_manager)
    child.refresh_from_db()
    allocation.refresh_from_db()
    today = decided.decided_at.date()
    assert child.closed_on == today
    assert allocation.ended_on == today
    assert "The case is closed." in ManagementDecision.objects.get(assessment_version=decided).decision
    assert child.history.first().history_user == team_manager


def test_a_case_closes_only_by_a_signed_off_closure_summary(child, social_worker, team_manager):
    version = submitted_of(Kind.CLOSURE_SUMMARY, child, social_worker)
    child.refresh_from_db()
    assert child.is_open  # submitted is not closed
    decide(version, team_manager)
    child.refresh_from_db()
    assert not child.is_open


def test_a_closed_case_cannot_start_another_closure_summary(child, social_worker, team_manager):
    decide(submitted_of(Kind.CLOSURE_SUMMARY, child, social_worker), team_manager)
    child.refresh_from_db()
    with pytest.raises(ValidationError, match="already closed"):
        sign_off.start(child=child, kind=Kind.CLOSURE_SUMMARY, author=social_worker)


# The settings page


def test_an_administrator_changes_a_kinds_sign_off_and_the_change_is_kept(client, administrator):
    client.force_login(administrator)
    url = reverse("sign_off_setting_edit", args=[Kind.COURT_STATEMENT])
    response = client.post(url, {"items": ["affirmed_identity", "affirmed_holistic"]})
    assert response.status_code == 302
    setting = SignOffSetting.objects.get(kind=Kind.COURT_STATEMENT)
    assert (setting.needs_sign_off, setting.items) == (False, ["affirmed_identity", "affirmed_holistic"])
    change = setting.history.first()
    assert change.history_user == administrator
    page = client.get(reverse("sign_off_settings")).content.decode()
    assert "Court statement" in page and "Sign-off not needed; 2 K 5 items" in page


def test_the_settings_form_offers_smart_only_for_plans_and_no_switch_for_fixed_kinds(client, administrator):
    client.force_login(administrator)
    statement = client.get(reverse("sign_off_setting_edit", args=[Kind.COURT_STATEMENT])).content.decode()
    plan = client.get(reverse("sign_off_setting_edit", args=[Kind.CP_PLAN])).content.decode()
    assert "The plan is SMART" not in statement and 'name="needs_sign_off"' in statement
    assert "The plan is SMART" in plan and 'name="needs_sign_off"' not in plan


def test_an_unknown_kind_is_not_found(client, administrator):
    client.force_login(administrator)
    assert client.get(reverse("sign_off_setting_edit", args=["poem"])).status_code == 404


# Pages


def test_a_document_is_written_in_one_section_without_smart_actions(client, child, social_worker):
    version = draft_of(Kind.COURT_STATEMENT, child)
    client.force_login(social_worker)
    page = client.get(reverse("edit_version", args=[version.assessment_id])).content.decode()
    assert "The statement" in page and "SMART actions" not in page and 'name="identity"' not in page


def test_starting_a_conference_report_asks_the_meeting_date(client, child, social_worker):
    client.force_login(social_worker)
    url = reverse("start_assessment", args=[child.pk])
    refused = client.post(url, {"kind": Kind.CP_CONFERENCE_REPORT})
    assert "Enter the date of the meeting the report is for" in refused.content.decode()
    client.post(url, {"kind": Kind.CP_CONFERENCE_REPORT, "meeting_date_0": "14", "meeting_date_1": "1",
                      "meeting_date_2": "2027"})
    assert Assessment.objects.get(child=child).meeting_date.isoformat() == "2027-01-14"


def test_the_queue_shows_and_filters_every_kind(client, child, social_worker, team_manager):
    submitted_of(Kind.COURT_STATEMENT, child, social_worker)
    submitted_of(Kind.QUARTERLY_SUMMARY, child, StaffFactory(team=child.team, line_manager=team_manager))
    client.force_login(team_manager)
    page = client.get(reverse("awaiting_sign_off"), {"kind": Kind.COURT_STATEMENT}).content.decode()
    assert "Court statement, v1" in page and "Quarterly case summary, v1" not in page
    assert client.get(reverse("awaiting_sign_off")).content.decode().count("Review<span") == 2
