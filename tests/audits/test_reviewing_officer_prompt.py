"""W 4: an audit (or self-check) finding a late or missing plan or review minutes puts "Tell the IRO or CP chair"
on the manager's worklist until someone who may records it; the record shows on the child's timeline."""
import datetime

import pytest
from django.urls import reverse

from audits.models import Answer, AuditKind, AuditStatus, CaseFileAudit
from cases import timeline
from cases.worklist import needs_manager
from tests.factories import AuditAnswerFactory, CaseFileAuditFactory

from .conftest import TODAY, answers

pytestmark = pytest.mark.usefixtures("pinned")
TELL = "Tell the IRO or CP chair"


PLAN_NOT_MET = {
    "answer_plan_and_review": Answer.NOT_MET, "comment_plan_and_review": "Latest review minutes missing.",
    "reason_plan_and_review": "Chased with the chair today.",
}
CHRONOLOGY_NOT_MET = {
    "answer_chronology": Answer.NOT_MET, "comment_chronology": "Stops in January.",
    "reason_chronology": "Being written this week.",
}


def prompts(manager, today=TODAY):
    return [item for item in needs_manager(manager=manager, today=today) if item.what == TELL]


def complete_audit(client, auditor, child, **not_met):
    client.force_login(auditor)
    client.post(reverse("audits:start", args=[child.pk]), answers(complete="", grade="good", **not_met))
    return CaseFileAudit.objects.get(child=child, auditor=auditor)


def tell(client, user, audit, iro):
    return client.post(reverse("audits:told", args=[audit.pk]), {
        "reviewing_officer_told": iro.pk,
        "reviewing_officer_told_on_0": "10", "reviewing_officer_told_on_1": "3", "reviewing_officer_told_on_2": "2026",
    })


def test_completing_an_audit_with_the_plan_not_met_prompts_the_team_manager_until_recorded(
    client, team_manager, child, iro
):
    audit = complete_audit(client, team_manager, child, **PLAN_NOT_MET)
    assert audit.status == AuditStatus.COMPLETED
    (item,) = prompts(team_manager)
    assert (item.on, item.url) == (TODAY, reverse("audits:told", args=[audit.pk]))
    assert child.local_id in item.about
    assert TELL in client.get(reverse("home")).content.decode()

    assert tell(client, team_manager, audit, iro).url == audit.get_absolute_url()
    assert prompts(team_manager) == []
    assert TELL not in client.get(reverse("home")).content.decode()


def test_the_prompt_is_due_the_day_of_the_audit_and_overdue_from_the_day_after(team_manager, child):
    audit = CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade="good",
                                 audited_on=TODAY)
    AuditAnswerFactory(audit=audit, item="plan_and_review", answer=Answer.NOT_MET)
    for today, overdue in [(TODAY - datetime.timedelta(days=1), False), (TODAY, False),
                           (TODAY + datetime.timedelta(days=1), True)]:
        (item,) = prompts(team_manager, today)
        assert item.is_overdue(today) is overdue


def test_no_prompt_for_other_items_not_met_or_a_draft(client, team_manager, child):
    complete_audit(client, team_manager, child, **CHRONOLOGY_NOT_MET)
    draft = CaseFileAuditFactory(child=child, auditor=team_manager)
    AuditAnswerFactory(audit=draft, item="plan_and_review", answer=Answer.NOT_MET)
    assert prompts(team_manager) == []


def test_an_auditor_other_than_the_team_manager_is_prompted_too_and_either_may_record(
    client, team_manager, head_of_service, child, iro
):
    audit = complete_audit(client, head_of_service, child, **PLAN_NOT_MET)
    assert [item.url for item in prompts(team_manager)] == [reverse("audits:told", args=[audit.pk])]
    assert [item.url for item in prompts(head_of_service)] == [reverse("audits:told", args=[audit.pk])]
    client.force_login(team_manager)
    tell(client, team_manager, audit, iro)
    audit.refresh_from_db()
    assert audit.reviewing_officer_told == iro
    assert prompts(head_of_service) == []


def test_managers_outside_scope_are_not_prompted_and_may_not_record(
    client, team_manager, child, iro, other_manager, director, social_worker, colleague
):
    audit = complete_audit(client, team_manager, child, **PLAN_NOT_MET)
    assert prompts(other_manager) == []
    assert prompts(director) == []  # sees the child, but neither audited it nor manages its team
    for user in (other_manager, director, social_worker, colleague, iro):
        client.force_login(user)
        assert client.get(reverse("audits:told", args=[audit.pk])).status_code == 404
        assert tell(client, user, audit, iro).status_code == 404
        assert TELL not in client.get(reverse("audits:detail", args=[audit.pk])).content.decode()
    audit.refresh_from_db()
    assert audit.reviewing_officer_told is None


def test_a_self_check_finding_the_plan_missing_prompts_the_team_manager_not_the_practitioner(
    client, team_manager, social_worker, child, iro
):
    client.force_login(social_worker)
    client.post(reverse("audits:self_check_start", args=[child.pk]), answers(complete="", **PLAN_NOT_MET))
    check = CaseFileAudit.objects.get(kind=AuditKind.SELF_CHECK)
    assert [item.url for item in prompts(team_manager)] == [reverse("audits:told", args=[check.pk])]
    assert tell(client, social_worker, check, iro).status_code == 404
    client.force_login(team_manager)
    assert "Record that you told them" in client.get(check.get_absolute_url()).content.decode()
    tell(client, team_manager, check, iro)
    assert prompts(team_manager) == []


def test_recording_it_shows_on_the_childs_timeline(client, team_manager, child, iro):
    audit = complete_audit(client, team_manager, child, **PLAN_NOT_MET)
    tell(client, team_manager, audit, iro)
    (entry,) = [e for e in timeline.for_child(child, team_manager) if e.kind == "case_file_audit"]
    assert ("IRO or CP chair told", f"{iro} on 10 March 2026") in entry.details
    assert f"{iro} on 10 March 2026" in client.get(child.get_absolute_url()).content.decode()
