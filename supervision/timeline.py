"""Case discussions on the child's record (W 4): the source registered with cases.timeline.

Only the discussion about the child goes here; the personal section never does.
"""
from django.db.models import Prefetch
from django.utils.formats import date_format

from cases.timeline import Entry

from .models import CaseDiscussion, DiscussionAction


def _actions(discussion):
    return "; ".join(
        f"{action.what} ({action.owner}, by {date_format(action.due_on, 'j M Y')})"
        for action in discussion.actions.all()
    )


def case_discussions(child, user, limit=None):
    discussions = (
        CaseDiscussion.objects.visible_to(user)
        .on_record()
        .filter(child=child)
        .select_related("session__supervisor", "session__supervisee")
        .prefetch_related(Prefetch("actions", queryset=DiscussionAction.objects.select_related("owner")))
        .order_by("-session__date", "-pk")
    )
    for discussion in discussions[:limit]:
        session = discussion.session
        details = [
            ("Purpose of allocation", discussion.purpose),
            ("Expectations, including home visits", discussion.expectations),
            ("If expectations cannot be met, and no-access visits", discussion.contingency),
            ("Decision", discussion.decision),
            ("Rationale", discussion.rationale),
            ("Actions", _actions(discussion)),
            ("Filed on the record", date_format(discussion.filed_on, "j F Y")),
        ]
        yield Entry(
            on=session.date,
            kind="case_discussion",
            label="Case discussion",
            title=f"Supervision of {session.supervisee} with {session.supervisor}",
            author=session.supervisor,
            body=discussion.discussion,
            details=tuple((label, value) for label, value in details if value),
            tags=(("Filed late", "red"),) if discussion.is_filed_late() else (),
            url=discussion.get_absolute_url(),
            manager_entry=True,
        )


case_discussions.kinds = [("case_discussion", "Case discussions")]
