"""A head of service reviews a team manager against the W Appendix 1 themes, with the evidence the system holds."""
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audits import themes
from audits.evidence import Fact, managers
from audits.evidence.managers import manager_evidence
from audits.models import AuditStatus, Judgement, ManagerPracticeReview
from audits.services import save_review
from cases.models import AssessmentVersion, Grade
from tests.factories import (
    AssessmentVersionFactory,
    CaseFileAuditFactory,
    ChildFactory,
    CorrectiveActionFactory,
    ManagerPracticeReviewFactory,
)

TODAY = datetime.date(2026, 3, 10)


def facts(evidence, code):
    return {fact.label: fact for fact in evidence[code]}


def judged(**overrides):
    data = {}
    for theme in themes.THEMES:
        data[f"judgement_{theme.code}"] = Judgement.ACCEPTABLE
        data[f"evidence_{theme.code}"] = f"Seen in {theme.title.lower()}."
    data.update(overrides)
    return data


def test_audits_by_the_manager_are_set_against_the_programme(team_manager, child):
    for month in (1, 2, 3):
        CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade=Grade.GOOD,
                             audited_on=datetime.date(2026, month, 2))
    CaseFileAuditFactory(child=child, auditor=team_manager, audited_on=datetime.date(2026, 3, 3))  # a draft
    audited = facts(manager_evidence(team_manager, TODAY), "auditing")["Audits completed by the manager"]
    assert audited.value == "3 (programme: 24)"
    assert audited.concern


def test_overdue_corrective_actions_on_the_teams_files_are_shown(team_manager, social_worker, child):
    audit = CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED,
                                 grade=Grade.INADEQUATE)
    CorrectiveActionFactory(audit=audit, due_on=datetime.date(2026, 3, 9))
    CorrectiveActionFactory(audit=audit, due_on=datetime.date(2026, 3, 10))
    evidence = manager_evidence(team_manager, TODAY)
    assert facts(evidence, "auditing")["Corrective actions overdue"].value == "1"
    assert facts(evidence, "poor_performance")["Their corrective actions overdue"].value == "1"


def test_sign_off_grades_given_by_the_manager_are_shown(team_manager, child):
    decided = timezone.now() - datetime.timedelta(days=10)
    AssessmentVersionFactory(assessment__child=child, status=AssessmentVersion.Status.SIGNED_OFF,
                             grade=Grade.OUTSTANDING, decided_by=team_manager, decided_at=decided)
    AssessmentVersionFactory(assessment__child=child, status=AssessmentVersion.Status.RETURNED,
                             grade=Grade.INADEQUATE, decided_by=team_manager, decided_at=decided)
    quality = facts(manager_evidence(team_manager, timezone.localdate()), "quality")
    assert quality["Sign-off decisions"].value == "1 signed off, 1 returned"
    assert quality["Grades given at sign-off and return"].value == (
        "outstanding 1, good 0, requires improvement 0, inadequate 1"
    )


def test_practitioners_above_capacity_are_named(team_manager, social_worker, colleague):
    ChildFactory.create_batch(19, worker=social_worker)
    ChildFactory.create_batch(3, worker=colleague)
    workloads = facts(manager_evidence(team_manager, TODAY), "workloads")
    above = workloads["Above capacity (18 cases per FTE; CASELOAD)"]
    assert above.value == f"{social_worker} (19)" and above.concern
    assert workloads["Open cases held"].value == "22 across 2 practitioners"


def test_supervision_and_team_meeting_evidence_is_not_yet_available_without_a_provider(team_manager, monkeypatch):
    monkeypatch.setattr(managers, "_providers", {})
    evidence = manager_evidence(team_manager, TODAY)
    for code in ("supervision", "appraisal", "communication"):
        assert [fact.value for fact in evidence[code]] == [managers.UNAVAILABLE]


def test_another_app_adds_its_evidence_to_a_theme_without_audits_importing_it(team_manager, monkeypatch):
    monkeypatch.setattr(managers, "_providers", {})
    managers.register("communication", lambda manager, today: [Fact("Minuted team meetings", "4")])
    assert [fact.value for fact in manager_evidence(team_manager, TODAY)["communication"]] == ["4"]


def test_completing_a_review_needs_every_theme_judged_with_evidence(team_manager, head_of_service):
    review = ManagerPracticeReview(manager=team_manager, reviewer=head_of_service, reviewed_on=TODAY)
    answers = {theme.code: (Judgement.ACCEPTABLE, "Seen.") for theme in themes.THEMES}
    answers["challenge"] = (Judgement.UNACCEPTABLE, "")
    with pytest.raises(ValidationError):
        save_review(review=review, answers=answers, complete=True, today=TODAY)
    assert not ManagerPracticeReview.objects.exists()


@pytest.mark.usefixtures("pinned")
def test_the_head_of_service_reviews_the_team_manager_against_every_theme(client, head_of_service, team_manager):
    client.force_login(head_of_service)
    start = reverse("audits:review_start", args=[team_manager.pk])
    page = client.get(start).content.decode()
    for theme in themes.THEMES:
        assert theme.title in page
        assert theme.acceptable[0] in page.replace("&#x27;", "'")
        assert theme.unacceptable[-1] in page.replace("&#x27;", "'")
    assert "Audits completed by the manager" in page
    data = judged(complete="", agreed_actions="Audit two files a month; minute every team meeting.",
                  judgement_auditing=Judgement.UNACCEPTABLE)
    response = client.post(start, data)
    review = ManagerPracticeReview.objects.get()
    assert response.url == review.get_absolute_url()
    assert (review.status, review.reviewed_on, review.manager) == (
        AuditStatus.COMPLETED, datetime.date(2026, 3, 10), team_manager
    )
    assert review.answers.count() == 12
    assert [theme.code for theme in review.unacceptable_themes()] == ["auditing"]
    client.force_login(team_manager)
    assert "Audit two files a month" in client.get(review.get_absolute_url()).content.decode()


@pytest.mark.usefixtures("pinned")
def test_a_review_missing_evidence_shows_the_error_summary_and_saves_nothing(client, head_of_service, team_manager):
    client.force_login(head_of_service)
    response = client.post(reverse("audits:review_start", args=[team_manager.pk]),
                           judged(complete="", evidence_workloads=""))
    assert "govuk-error-summary" in response.content.decode()
    assert "Give your evidence for “Culture and Workloads”" in response.content.decode()
    assert not ManagerPracticeReview.objects.exists()


@pytest.mark.usefixtures("pinned")
def test_a_draft_review_is_resumed_by_its_reviewer(client, head_of_service, team_manager):
    draft = ManagerPracticeReviewFactory(manager=team_manager, reviewer=head_of_service)
    client.force_login(head_of_service)
    response = client.get(reverse("audits:review_start", args=[team_manager.pk]))
    assert response.url == reverse("audits:review_edit", args=[draft.pk])
    client.post(response.url, judged(save="", evidence_auditing="Two audits this quarter."))
    assert draft.answers.get(theme="auditing").evidence == "Two audits this quarter."


@pytest.mark.usefixtures("pinned")
def test_the_review_form_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, head_of_service, team_manager, child
):
    for _ in range(10):
        CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade=Grade.GOOD)
    client.force_login(head_of_service)
    with django_assert_max_num_queries(30):  # 20, and the supervision evidence compliance adds
        assert client.get(reverse("audits:review_start", args=[team_manager.pk])).status_code == 200
