"""Writes that touch several models, each in one transaction: a form that fails changes nothing."""
from django.core.exceptions import ValidationError
from django.db import transaction

from organisation import writes
from organisation.models import StandardChange
from organisation.notifications import notify

from .models import Answer, AuditAnswer, AuditProgramme, AuditStatus, CaseFileAudit, ManagerPracticeReview, ReviewAnswer

PROGRAMME_CODE = "AUDIT-PROGRAMME"


def _lock_draft(model, obj):
    """Refuse to change a record someone completed meanwhile (the row stays locked until commit)."""
    if obj.pk and not model.objects.select_for_update().filter(pk=obj.pk, status=AuditStatus.DRAFT).exists():
        raise ValidationError("This has already been completed and can no longer be changed.")


@transaction.atomic
def save_audit(*, audit, answers, complete, today, reasons=None):
    """Save an audit and its checklist answers {item code: (answer, comment)}, with {item code: reason no
    corrective action is needed}.

    1. Refuse if the audit was completed meanwhile.
    2. Completing needs every item answered, and each not met followed up (an action or a reason); it dates
       the audit `today` and takes the child's current team and worker.
    3. Validate and save the audit, then each answer.
    """
    reasons = reasons or {}
    _lock_draft(CaseFileAudit, audit)
    if complete:
        if not all(answer for answer, _ in answers.values()):
            raise ValidationError("Answer every checklist item to complete the audit.")
        unfollowed = audit.items_without_follow_up(answers, reasons)
        if unfollowed:
            raise ValidationError(
                "Add a corrective action, or the reason none is needed, for each item not met: "
                + "; ".join(item.label for item in unfollowed) + "."
            )
        audit.status = AuditStatus.COMPLETED
        audit.audited_on = today
        audit.team_id, audit.practitioner_id = audit.child.team_id, audit.child.worker_id
    audit.full_clean()
    writes.save(audit, by=audit.auditor)
    existing = {row.item: row for row in audit.answers.all()}
    for code, (answer, comment) in answers.items():
        row = existing.get(code) or AuditAnswer(audit=audit, item=code)
        row.answer, row.comment = answer, comment
        row.no_action_reason = reasons.get(code, "").strip() if answer == Answer.NOT_MET else ""
        row.full_clean()
        row.save()
    return audit


@transaction.atomic
def add_action(*, audit, action, by):
    """Add a corrective action to `audit`, agreed by its auditor `by`; its owner is told."""
    action.audit = audit
    action.full_clean()
    writes.save(action, by=by)
    due = action.due_on
    notify(
        action.owner, f"{by} gave you a corrective action from the audit of child {audit.child.local_id}, "
        f"due by {due.day} {due:%B %Y}.", action.get_absolute_url(), actor=by,
    )
    return action


@transaction.atomic
def save_review(*, review, answers, complete, today):
    """Save a manager practice review and its answers {theme code: (judgement, evidence)}."""
    _lock_draft(ManagerPracticeReview, review)
    if complete:
        if not all(judgement and evidence for judgement, evidence in answers.values()):
            raise ValidationError("Judge every theme, with evidence, to complete the review.")
        review.status = AuditStatus.COMPLETED
        review.reviewed_on = today
    review.full_clean()
    writes.save(review, by=review.reviewer)
    existing = {row.theme: row for row in review.answers.all()}
    for code, (judgement, evidence) in answers.items():
        row = existing.get(code) or ReviewAnswer(review=review, theme=code)
        row.judgement, row.evidence = judgement, evidence
        row.full_clean()
        row.save()
    return review


@transaction.atomic
def update_programme(*, values, by):
    """Change the audit programme's figures, keeping who changed what and when (SPEC section 4)."""
    programme = AuditProgramme.objects.select_for_update().filter(pk=1).first() or AuditProgramme(pk=1)
    for field, value in values.items():
        old = getattr(programme, field)
        if old != value:
            StandardChange.objects.create(
                code=PROGRAMME_CODE, field=field, old_value=str(old), new_value=str(value), changed_by=by
            )
            setattr(programme, field, value)
    programme.updated_by = by
    programme.full_clean()
    programme.save()
    return programme
