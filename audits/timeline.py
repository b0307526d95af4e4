"""Completed case file audits and self-checks on the child's record (W 4): the source registered with
cases.timeline."""
from django.db.models import Prefetch

from cases.timeline import Entry

from .models import AuditAnswer, CaseFileAudit
from .templatetags.audits_tags import grade_colour


def case_file_audits(child, user, limit=None):
    audits = (
        CaseFileAudit.objects.visible_to(user)
        .completed()
        .filter(child=child)
        .select_related("auditor", "reviewing_officer_told")
        .prefetch_related(Prefetch("answers", queryset=AuditAnswer.objects.only("audit_id", "item", "answer")))
        .order_by("-audited_on", "-pk")
    )
    for audit in audits[:limit]:
        yield _entry(audit)


def _entry(audit):
    # A self-check is labelled apart from a manager's audit: a practitioner's check of their own file, not graded.
    grade = audit.get_grade_display()
    if audit.is_self_check:
        kind, label, title, tags = "case_file_self_check", "Case file self-check", "", (("Self-check", "purple"),)
    else:
        kind, label, title, tags = "case_file_audit", "Case file audit", f", graded {grade.lower()}", (
            (grade, grade_colour(audit.grade)),
        )
    told = audit.reviewing_officer_told
    details = [
        ("Overall grade", grade),
        ("Not met", "; ".join(item.label for item in audit.not_met_items())),
        ("IRO or CP chair told", f"{told} on {audit.reviewing_officer_told_on:%-d %B %Y}" if told else ""),
        ("Strengths", audit.strengths),
        ("Areas for improvement", audit.areas_for_improvement),
    ]
    return Entry(
        on=audit.audited_on,
        kind=kind,
        label=label,
        title=f"{label} by {audit.auditor}{title}",
        author=audit.auditor,
        details=tuple((name, value) for name, value in details if value),
        tags=tags,
        url=audit.get_absolute_url(),
        manager_entry=not audit.is_self_check,
    )


case_file_audits.kinds = [("case_file_audit", "Case file audits"), ("case_file_self_check", "Case file self-checks")]
