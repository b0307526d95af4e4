"""W 4: "regular case file checks will be conducted by social workers and their team managers". A practitioner
self-checks a file allocated to them on the audit's checklist; it is labelled a self-check, never counted as a
manager's audit, shown on the child's record, and their team manager sees it with the items not met."""
import datetime

import pytest
from django.urls import reverse

from audits.models import Answer, AuditKind, AuditStatus, CaseFileAudit
from cases import timeline
from cases.models import Child
from cases.selectors import oversight_at_a_glance, with_glance
from tests.compliance.helpers import breaches
from tests.factories import AuditAnswerFactory, CaseFileAuditFactory, ChildFactory

from .conftest import answers

pytestmark = pytest.mark.usefixtures("pinned")


def self_check(child, by, on=datetime.date(2026, 3, 2), **fields):
    return CaseFileAuditFactory(
        child=child, auditor=by, kind=AuditKind.SELF_CHECK, status=AuditStatus.COMPLETED, audited_on=on, **fields
    )


def test_a_social_worker_self_checks_a_child_allocated_to_them(client, social_worker, child):
    client.force_login(social_worker)
    start = reverse("audits:self_check_start", args=[child.pk])
    page = client.get(start)
    assert "Case file self-check (W 4)" in page.content.decode()
    assert "grade" not in page.context["form"].fields
    response = client.post(start, answers(complete="", strengths="Visits are up to date."))
    check = CaseFileAudit.objects.get()
    assert response.url == check.get_absolute_url()
    assert (check.kind, check.status, check.grade, check.auditor, check.practitioner, check.audited_on) == (
        AuditKind.SELF_CHECK, AuditStatus.COMPLETED, "", social_worker, social_worker, datetime.date(2026, 3, 10)
    )
    detail = client.get(check.get_absolute_url()).content.decode()
    assert "Case file self-check, 10 March 2026" in detail and "Self-check</strong>" in detail
    assert "Overall grade" not in detail and "Respond to this audit" not in detail


def test_a_draft_self_check_is_resumed_not_duplicated(client, social_worker, child):
    client.force_login(social_worker)
    start = reverse("audits:self_check_start", args=[child.pk])
    client.post(start, {"save": "", "answer_chronology": Answer.MET})
    check = CaseFileAudit.objects.get()
    assert check.status == AuditStatus.DRAFT and check.is_self_check
    assert client.get(start).url == reverse("audits:edit", args=[check.pk])


@pytest.mark.parametrize("persona", ["colleague", "team_manager", "outsider", "iro", "director"])
def test_nobody_else_self_checks_the_childs_file(client, request, child, persona):
    client.force_login(request.getfixturevalue(persona))
    start = reverse("audits:self_check_start", args=[child.pk])
    assert client.get(start).status_code == 404
    assert client.post(start, answers(complete="")).status_code == 404
    assert not CaseFileAudit.objects.exists()


def test_a_closed_childs_file_or_one_reallocated_since_the_draft_is_not_self_checked(
    client, social_worker, colleague, child
):
    client.force_login(social_worker)
    client.post(reverse("audits:self_check_start", args=[child.pk]), {"save": ""})
    draft = CaseFileAudit.objects.get()
    child.worker = colleague
    child.save()
    assert client.post(reverse("audits:edit", args=[draft.pk]), answers(complete="")).status_code == 404
    closed = ChildFactory(
        worker=social_worker, opened_on=datetime.date(2025, 1, 1), closed_on=datetime.date(2026, 3, 1)
    )
    assert client.get(reverse("audits:self_check_start", args=[closed.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.status == AuditStatus.DRAFT


def test_an_item_not_met_needs_a_corrective_action_or_a_reason(client, social_worker, child):
    client.force_login(social_worker)
    start = reverse("audits:self_check_start", args=[child.pk])
    not_met = answers(complete="", answer_chronology=Answer.NOT_MET, comment_chronology="Stops in January.")
    content = client.post(start, not_met).content.decode()
    assert "<title>Error: " in content
    assert "“Chronology up to date” is not met: add a corrective action for it, or say why none is needed." in content
    assert not CaseFileAudit.objects.exists()
    client.post(start, {**not_met, "complete": "", "reason_chronology": "I am writing it this week."})
    check = CaseFileAudit.objects.get()
    assert check.status == AuditStatus.COMPLETED
    assert check.answers.get(item="chronology").no_action_reason == "I am writing it this week."


def test_the_practitioner_adds_a_corrective_action_to_their_self_check(client, social_worker, child):
    client.force_login(social_worker)
    client.post(reverse("audits:self_check_start", args=[child.pk]),
                answers(save="", answer_chronology=Answer.NOT_MET, comment_chronology="Stops in January."))
    check = CaseFileAudit.objects.get()
    client.post(reverse("audits:add_action", args=[check.pk]), {
        "item": "chronology", "what": "Bring the chronology up to date.", "owner": social_worker.pk,
        "due_on_0": 20, "due_on_1": 3, "due_on_2": 2026,
    })
    client.post(reverse("audits:edit", args=[check.pk]),
                answers(complete="", answer_chronology=Answer.NOT_MET, comment_chronology="Stops in January."))
    check.refresh_from_db()
    assert check.status == AuditStatus.COMPLETED and check.actions.get().item == "chronology"


def test_a_self_check_is_on_the_childs_timeline_labelled_apart_from_audits(client, social_worker, team_manager, child):
    check = self_check(child, social_worker)
    AuditAnswerFactory(audit=check, item="chronology", answer=Answer.NOT_MET)
    (entry,) = timeline.for_child(child, team_manager, only=["case_file_self_check"])
    assert (entry.label, entry.title, entry.tags) == (
        "Case file self-check", f"Case file self-check by {social_worker}", (("Self-check", "purple"),)
    )
    assert ("Not met", "Chronology up to date") in entry.details
    assert not entry.manager_entry
    assert timeline.for_child(child, team_manager, only=["case_file_audit"]) == []
    client.force_login(social_worker)
    assert "Case file self-check by" in client.get(child.get_absolute_url()).content.decode()


def test_the_team_manager_sees_their_teams_self_checks_with_the_items_not_met(
    client, social_worker, team_manager, other_manager, child
):
    check = self_check(child, social_worker)
    AuditAnswerFactory(audit=check, item="plan_and_review", answer=Answer.NOT_MET)
    AuditAnswerFactory(audit=check, item="chronology", answer=Answer.MET)
    CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade="good")
    client.force_login(team_manager)
    response = client.get(reverse("audits:self_checks"))
    assert [c.pk for c in response.context["page"]] == [check.pk]
    content = response.content.decode()
    assert "Most recent plan and review minutes" in content and "Chronology up to date" not in content
    client.force_login(other_manager)
    assert list(client.get(reverse("audits:self_checks")).context["page"]) == []


def last_audit(child, user):
    return oversight_at_a_glance(with_glance(Child.objects.filter(pk=child.pk), user).get())["last_audit"]


def test_the_audit_list_findings_sample_and_childs_last_audit_leave_self_checks_out(
    client, social_worker, team_manager, child
):
    check = self_check(child, social_worker)
    client.force_login(team_manager)
    assert check not in client.get(reverse("audits:list")).context["page"]
    (_, (row,)), = client.get(reverse("audits:findings")).context["by_service"]
    assert row.done == 0
    assert last_audit(child, team_manager) is None
    audit = CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade="good")
    assert [a.pk for a in client.get(reverse("audits:list")).context["page"]] == [audit.pk]
    (_, (row,)), = client.get(reverse("audits:findings")).context["by_service"]
    assert row.done == 1
    assert last_audit(child, team_manager) == audit


def test_audit_target_does_not_count_self_checks(team_manager):
    # Even a self-check recorded against the manager (not possible through the pages) is not an audit.
    for day in (datetime.date(2026, 2, 2), datetime.date(2026, 2, 3)):
        self_check(ChildFactory(), team_manager, on=day)
    assert team_manager.pk in breaches("AUDIT-TARGET", datetime.date(2026, 3, 1))
    for day in (datetime.date(2026, 2, 2), datetime.date(2026, 2, 3)):
        CaseFileAuditFactory(child=ChildFactory(), auditor=team_manager, audited_on=day,
                             status=AuditStatus.COMPLETED, grade="good")
    assert team_manager.pk not in breaches("AUDIT-TARGET", datetime.date(2026, 3, 1))
