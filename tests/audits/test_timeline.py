"""Completed case file audits on the child's record (W 4), through the cases timeline registry."""
import datetime

from django.urls import reverse

from audits.models import Answer, AuditStatus
from audits.timeline import case_file_audits
from cases import timeline
from cases.models import Grade
from tests.factories import CaseFileAuditFactory


def test_case_file_audits_are_a_timeline_kind():
    assert ("case_file_audit", "Case file audits") in timeline.kinds()
    assert case_file_audits in timeline._sources


def test_a_completed_audit_is_an_entry_with_its_grade(child, team_manager, social_worker):
    audit = CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED,
                                 grade=Grade.REQUIRES_IMPROVEMENT, audited_on=datetime.date(2026, 3, 2),
                                 areas_for_improvement="Bring the chronology up to date.")
    audit.answers.create(item="chronology", answer=Answer.NOT_MET, comment="Gap.")
    audit.answers.create(item="photo", answer=Answer.MET)
    [entry] = [e for e in timeline.for_child(child, social_worker) if e.kind == "case_file_audit"]
    details = dict(entry.details)
    assert entry.on == datetime.date(2026, 3, 2)
    assert entry.author == team_manager and entry.manager_entry
    assert entry.tags == (("Requires improvement", "yellow"),)
    assert details["Overall grade"] == "Requires improvement"
    assert details["Not met"] == "Chronology up to date"
    assert details["Areas for improvement"] == "Bring the chronology up to date."
    assert entry.url == audit.get_absolute_url()


def test_a_draft_audit_is_not_on_the_record(child, team_manager, social_worker):
    CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.DRAFT)
    assert not list(case_file_audits(child, social_worker))


def test_the_timeline_source_applies_the_viewers_scope(child, team_manager, social_worker, outsider):
    CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade=Grade.GOOD)
    assert list(case_file_audits(child, social_worker))
    assert not list(case_file_audits(child, outsider))


def test_the_childs_record_shows_the_audit_and_its_grade(client, child, team_manager, social_worker):
    CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade=Grade.OUTSTANDING)
    client.force_login(social_worker)
    content = client.get(reverse("child", args=[child.pk])).content.decode()
    assert "Case file audit" in content and "graded outstanding" in content
