"""Completed case file audits and self-checks on the child's record (W 4): the source registered with
cases.timeline."""
from django.db.models import Case, OuterRef, Subquery, Value, When

from cases.timeline import Entry, JSONList, Source, json_list, staff

from . import checklist
from .models import Answer, AuditAnswer, AuditKind, CaseFileAudit
from .templatetags.audits_tags import grade_colour


def _case_file_audit(audit, reader):
    codes = set(json_list(audit.not_met_codes))
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
        ("Not met", "; ".join(item.label for item in checklist.ITEMS if item.code in codes)),  # as not_met_items()
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


_not_met_codes = Subquery(
    AuditAnswer.objects.filter(audit=OuterRef("pk"), answer=Answer.NOT_MET).order_by().values("audit")
    .annotate(codes=JSONList("item")).values("codes")
)

case_file_audits = Source(
    CaseFileAudit, [("case_file_audit", "Case file audits"), ("case_file_self_check", "Case file self-checks")],
    lambda child, user: CaseFileAudit.objects.visible_to(user).completed().filter(child=child),
    "audited_on",
    ("audited_on", "kind", "grade", "strengths", "areas_for_improvement", "reviewing_officer_told_on",
     *staff("auditor"), *staff("reviewing_officer_told")),
    _case_file_audit,
    kind=Case(When(kind=AuditKind.SELF_CHECK, then=Value("case_file_self_check")),
              default=Value("case_file_audit")),
    values={"not_met_codes": _not_met_codes},
)
