"""Saving an audit: drafts keep what was entered; completing is all or nothing."""
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from audits import checklist
from audits.models import Answer, AuditAnswer, AuditProgramme, AuditStatus, CaseFileAudit
from audits.services import PROGRAMME_CODE, save_audit, update_programme
from cases.models import Grade
from cases.services import allocate
from organisation.models import StandardChange
from tests.factories import CaseFileAuditFactory, CorrectiveActionFactory

TODAY = datetime.date(2026, 3, 10)


def all_met(**overrides):
    answers = {item.code: (Answer.MET, "") for item in checklist.ITEMS}
    answers.update(overrides)
    return answers


def new_audit(child, auditor):
    return CaseFileAudit(child=child, auditor=auditor, team=child.team, practitioner=child.worker, audited_on=TODAY)


def test_a_draft_keeps_the_rows_answered_so_far(child, team_manager):
    audit = save_audit(
        audit=new_audit(child, team_manager), answers={"chronology": (Answer.NOT_MET, "Stops in January.")},
        complete=False, today=TODAY,
    )
    assert audit.status == AuditStatus.DRAFT
    assert list(audit.answers.values_list("item", "answer", "comment")) == [
        ("chronology", Answer.NOT_MET, "Stops in January.")
    ]


def test_saving_again_updates_the_rows_rather_than_adding_them(child, team_manager):
    audit = save_audit(
        audit=new_audit(child, team_manager), answers={"chronology": ("", "")}, complete=False, today=TODAY
    )
    audit.grade = Grade.GOOD
    save_audit(audit=audit, answers=all_met(), complete=True, today=TODAY)
    assert audit.answers.count() == 15
    assert AuditAnswer.objects.get(audit=audit, item="chronology").answer == Answer.MET


def test_completing_dates_the_audit_and_takes_the_childs_current_team_and_worker(child, team_manager, colleague):
    audit = save_audit(
        audit=new_audit(child, team_manager), answers={}, complete=False, today=datetime.date(2026, 3, 2)
    )
    allocate(child=child, team=child.team, worker=colleague, by=team_manager, on=datetime.date(2026, 3, 5))
    audit.grade = Grade.REQUIRES_IMPROVEMENT
    save_audit(audit=audit, answers=all_met(), complete=True, today=TODAY)
    audit.refresh_from_db()
    assert (audit.status, audit.audited_on, audit.practitioner) == (AuditStatus.COMPLETED, TODAY, colleague)


def test_completing_with_an_unanswered_item_changes_nothing(child, team_manager):
    audit = new_audit(child, team_manager)
    audit.grade = Grade.GOOD
    with pytest.raises(ValidationError):
        save_audit(audit=audit, answers=all_met(photo=("", "")), complete=True, today=TODAY)
    assert not CaseFileAudit.objects.exists()
    assert not AuditAnswer.objects.exists()


def test_completing_without_a_grade_changes_nothing(child, team_manager):
    with pytest.raises(ValidationError):
        save_audit(audit=new_audit(child, team_manager), answers=all_met(), complete=True, today=TODAY)
    assert not CaseFileAudit.objects.exists()


def test_a_completed_audit_cannot_be_saved_again(child, team_manager):
    audit = CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade=Grade.GOOD)
    stale = CaseFileAudit.objects.get(pk=audit.pk)
    stale.status = AuditStatus.DRAFT  # as a second tab would still hold it
    with pytest.raises(ValidationError):
        save_audit(audit=stale, answers=all_met(), complete=False, today=TODAY)
    assert not audit.answers.exists()


def test_completing_with_an_item_not_met_needs_an_action_for_it_or_a_reason(child, team_manager, social_worker):
    audit = save_audit(audit=new_audit(child, team_manager), answers={}, complete=False, today=TODAY)
    audit.grade = Grade.REQUIRES_IMPROVEMENT
    not_met = all_met(chronology=(Answer.NOT_MET, "Gap."), photo=(Answer.NOT_MET, "None."))
    with pytest.raises(ValidationError) as error:
        save_audit(audit=audit, answers=not_met, complete=True, today=TODAY, reasons={"photo": " "})
    assert "Chronology" in error.value.messages[0] and "photo" in error.value.messages[0]
    CorrectiveActionFactory(audit=audit, owner=social_worker, item="photo")
    CorrectiveActionFactory(audit=audit, owner=social_worker)  # an action for no one item follows none up
    with pytest.raises(ValidationError) as error:
        save_audit(audit=audit, answers=not_met, complete=True, today=TODAY)
    assert "Chronology" in error.value.messages[0] and "photo" not in error.value.messages[0]
    assert CaseFileAudit.objects.get(pk=audit.pk).status == AuditStatus.DRAFT
    save_audit(audit=audit, answers=not_met, complete=True, today=TODAY, reasons={"chronology": "Fixed today."})
    assert audit.status == AuditStatus.COMPLETED
    assert AuditAnswer.objects.get(audit=audit, item="chronology").no_action_reason == "Fixed today."


def test_a_reason_is_kept_only_for_an_item_not_met(child, team_manager):
    audit = save_audit(audit=new_audit(child, team_manager), answers=all_met(), complete=False, today=TODAY,
                       reasons={"chronology": "Not needed."})
    assert AuditAnswer.objects.get(audit=audit, item="chronology").no_action_reason == ""


def test_the_database_refuses_a_completed_audit_without_a_grade(child, team_manager):
    with pytest.raises(IntegrityError):
        CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade="")


def test_plans_or_review_minutes_not_met_prompt_telling_the_reviewing_officer_until_recorded(
    completed_audit, iro
):
    completed_audit.answers.create(item="chronology", answer=Answer.NOT_MET)
    assert not completed_audit.needs_reviewing_officer_told()
    completed_audit.answers.create(item="plan_and_review", answer=Answer.NOT_MET, comment="No review minutes.")
    assert completed_audit.needs_reviewing_officer_told()
    completed_audit.reviewing_officer_told, completed_audit.reviewing_officer_told_on = iro, TODAY
    assert not completed_audit.needs_reviewing_officer_told()


def test_changing_the_programme_keeps_who_changed_what(administrator):
    update_programme(values={"monthly_audits_per_manager": 4, "exclusion_months": 6}, by=administrator)
    programme = AuditProgramme.current()
    assert (programme.monthly_audits_per_manager, programme.updated_by) == (4, administrator)
    change = StandardChange.objects.get(code=PROGRAMME_CODE)
    assert (change.field, change.old_value, change.new_value, change.changed_by) == (
        "monthly_audits_per_manager", "2", "4", administrator
    )


def test_the_programme_defaults_apply_until_someone_changes_them(db):
    programme = AuditProgramme.current()
    assert (programme.monthly_audits_per_manager, programme.exclusion_months) == (2, 6)
    assert programme.expected(3) == 6
    assert programme.excluded_since(TODAY) == datetime.date(2025, 9, 10)
