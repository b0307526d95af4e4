"""Completed case file audits on the child's record (W 4): the source registered with cases.timeline."""
from django.db.models import OuterRef, Subquery

from cases.timeline import Entry, JSONList, Source, json_list, staff

from . import checklist
from .models import Answer, AuditAnswer, CaseFileAudit
from .templatetags.audits_tags import grade_colour


def _case_file_audit(audit, reader):
    codes = set(json_list(audit.not_met_codes))
    not_met = "; ".join(item.label for item in checklist.ITEMS if item.code in codes)  # as not_met_items()
    details = [
        ("Overall grade", audit.get_grade_display()),
        ("Not met", not_met),
        ("Strengths", audit.strengths),
        ("Areas for improvement", audit.areas_for_improvement),
    ]
    return Entry(
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


_not_met_codes = Subquery(
    AuditAnswer.objects.filter(audit=OuterRef("pk"), answer=Answer.NOT_MET).order_by().values("audit")
    .annotate(codes=JSONList("item")).values("codes")
)

case_file_audits = Source(
    CaseFileAudit, [("case_file_audit", "Case file audits")],
    lambda child, user: CaseFileAudit.objects.visible_to(user).completed().filter(child=child),
    "audited_on", ("audited_on", "grade", "strengths", "areas_for_improvement", *staff("auditor")),
    _case_file_audit, values={"not_met_codes": _not_met_codes},
)
