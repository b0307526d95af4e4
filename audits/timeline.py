"""Completed case file audits on the child's record (W 4): the source registered with cases.timeline."""
from django.db.models import Prefetch

from cases.timeline import Entry

from .models import AuditAnswer, CaseFileAudit
from .templatetags.audits_tags import grade_colour


def case_file_audits(child, user, limit=None):
    audits = (
        CaseFileAudit.objects.visible_to(user)
        .completed()
        .filter(child=child)
        .select_related("auditor")
        .prefetch_related(Prefetch("answers", queryset=AuditAnswer.objects.only("audit_id", "item", "answer")))
        .order_by("-audited_on", "-pk")
    )
    for audit in audits[:limit]:
        not_met = "; ".join(item.label for item in audit.not_met_items())
        details = [
            ("Overall grade", audit.get_grade_display()),
            ("Not met", not_met),
            ("Strengths", audit.strengths),
            ("Areas for improvement", audit.areas_for_improvement),
        ]
        yield Entry(
            on=audit.audited_on,
            kind="case_file_audit",
            label="Case file audit",
            title=f"Case file audit by {audit.auditor}, graded {audit.get_grade_display().lower()}",
            author=audit.auditor,
            details=tuple((label, value) for label, value in details if value),
            tags=((audit.get_grade_display(), grade_colour(audit.grade)),),
            url=audit.get_absolute_url(),
            manager_entry=True,
        )


case_file_audits.kinds = [("case_file_audit", "Case file audits")]
