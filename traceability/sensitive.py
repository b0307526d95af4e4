"""Which pages show a child's record, an assessment or plan, an audit or a personal supervision file.

The one place that decides what the access log records: the middleware logs
a successful GET of every URL name below, with the object named by the URL
argument. Other apps import nothing from here. tests/test_url_matrix.py
states, for every URL in the project, whether it is logged, and fails when
that and this table disagree, so a new sensitive page cannot go unlogged quietly.
"""
from dataclasses import dataclass

from .models import Action

# kind -> (model label, lookup from that model to its child, or None when it is not on a child's record)
KINDS = {
    "child": ("cases.Child", "pk"),
    "assessment": ("cases.Assessment", "child"),
    "case_discussion": ("supervision.CaseDiscussion", "child"),
    "case_file_audit": ("audits.CaseFileAudit", "child"),
    "corrective_action": ("audits.CorrectiveAction", "audit__child"),
    "personal_file": ("organisation.StaffMember", None),
    "supervision_session": ("supervision.SupervisionSession", None),
    "practice_review": ("audits.ManagerPracticeReview", None),
}


@dataclass(frozen=True)
class Logged:
    """What a logged page shows: its kind, the URL argument naming the object (None for a list or
    bulk export, e.g. Logged("annex_a", kwarg=None, action=Action.EXPORTED)), and the action."""

    kind: str
    kwarg: str | None = "pk"
    action: str = Action.VIEWED


LOGGED_VIEWS = {
    # The child's record and what is on it
    "child": Logged("child"),
    "child_print": Logged("child"),
    "assessment": Logged("assessment"),
    "edit_version": Logged("assessment"),
    "review": Logged("assessment"),
    "traceability:record_history": Logged("child", action=Action.HISTORY),
    # Annex A holds every child's identifiers, categories and dates.
    "returns:export": Logged("annex_a", kwarg=None, action=Action.EXPORTED),
    # Supervision: the personal file and what is filed from it on the child's record
    "supervision:staff": Logged("personal_file"),
    "supervision:session": Logged("supervision_session"),
    "supervision:personal": Logged("supervision_session"),
    "supervision:support": Logged("personal_file", kwarg="staff_pk"),
    "supervision:induction": Logged("personal_file", kwarg="staff_pk"),
    "supervision:readiness": Logged("personal_file", kwarg="staff_pk"),
    "supervision:record": Logged("supervision_session"),
    "supervision:discussion": Logged("case_discussion"),
    "supervision:discussion_edit": Logged("case_discussion"),
    # Audits of a child's file and reviews of a manager's practice
    "audits:detail": Logged("case_file_audit"),
    "audits:edit": Logged("case_file_audit"),
    "audits:respond": Logged("case_file_audit"),
    "audits:action": Logged("corrective_action"),
    "audits:review": Logged("practice_review"),
    "audits:review_edit": Logged("practice_review"),
    # A person's own draft of one of those forms (drafts.registry.DRAFTABLE): its content is the record's
    "drafts:assessment": Logged("assessment"),
    "drafts:case_discussion": Logged("case_discussion"),
    "drafts:session_record": Logged("supervision_session"),
    "drafts:session_notes": Logged("supervision_session"),
    "drafts:audit": Logged("case_file_audit"),
}
