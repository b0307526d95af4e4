"""The forms that keep drafts, each with the one check of who may write it: the edit view's own.

Drafts serve every app, so this module sits above them (like compliance) and reuses each
app's scoped getter: a draft is reachable exactly when its form is, and 404 otherwise.
"""
from collections.abc import Callable
from dataclasses import dataclass

from django.http import Http404


@dataclass(frozen=True)
class Draftable:
    kind: str | None  # the access log's kind of the object (traceability.sensitive.KINDS); None: not logged
    writable: Callable  # (request, pk) -> the object; Http404 unless this person may write this form now


def _assessment(request, pk):
    from cases.views.assessments import get_assessment

    version = get_assessment(request.user, pk).latest_version()
    if version is None or not version.is_editable or version.author_id != request.user.pk:
        raise Http404
    return version


def _case_discussion(request, pk):
    from supervision.views.discussions import _open_discussion

    return _open_discussion(request, pk)


def _session_record(request, pk):
    from supervision.views.sessions import _as_supervisor

    session = _as_supervisor(request, pk)
    if not session.is_open:
        raise Http404
    return session


def _session_notes(request, pk):
    from supervision.models import SupervisionSession
    from supervision.views.sessions import _as_supervisee

    session = _as_supervisee(request, pk)
    if session.status == SupervisionSession.Status.CANCELLED:
        raise Http404
    return session


def _audit(request, pk):
    from audits.views.files import own_draft_audit

    return own_draft_audit(request, pk)


def _team_meeting(request, pk):
    from supervision.views.meetings import _managed_meeting

    return _managed_meeting(request, pk)


DRAFTABLE = {
    "assessment": Draftable("assessment", _assessment),
    "case_discussion": Draftable("case_discussion", _case_discussion),
    "session_record": Draftable("supervision_session", _session_record),
    "session_notes": Draftable("supervision_session", _session_notes),
    "audit": Draftable("case_file_audit", _audit),
    # Minutes of a team meeting: no child's record or personal file, so not access-logged (as the meeting).
    "team_meeting": Draftable(None, _team_meeting),
}
