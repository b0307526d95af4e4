"""Case discussions on the child's record (W 4): the source registered with cases.timeline.

Only the discussion about the child goes here; the personal section never does.
"""
from django.db.models import OuterRef, Subquery
from django.db.models.functions import JSONObject
from django.utils.dateparse import parse_date
from django.utils.formats import date_format

from cases.timeline import STAFF, Entry, JSONList, Source, json_list, staff
from organisation.models import StaffMember

from .models import CaseDiscussion, DiscussionAction


def _actions(actions):
    """The discussion's actions, in their own order (due date, then as agreed), from the row's JSON list."""
    actions = sorted(json_list(actions), key=lambda action: (action["due_on"], action["id"]))
    return "; ".join(
        f"{action['what']} ({_owner(action)}, by {date_format(parse_date(action['due_on']), 'j M Y')})"
        for action in actions
    )


def _owner(action):
    return StaffMember(first_name=action["first_name"], last_name=action["last_name"], username=action["username"])


def _case_discussion(discussion, reader):
    session = discussion.session
    details = [
        ("Purpose of allocation", discussion.purpose),
        ("Expectations, including home visits", discussion.expectations),
        ("If expectations cannot be met, and no-access visits", discussion.contingency),
        ("Decision", discussion.decision),
        ("Rationale", discussion.rationale),
        ("Actions", _actions(discussion.action_rows)),
        ("Filed on the record", date_format(discussion.filed_on, "j F Y")),
    ]
    return Entry(
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


_action_rows = Subquery(
    DiscussionAction.objects.filter(discussion=OuterRef("pk")).order_by().values("discussion").annotate(
        rows=JSONList(JSONObject(
            id="pk", what="what", due_on="due_on", **{name: f"owner__{name}" for name in STAFF if name != "id"}
        ))
    ).values("rows")
)

case_discussions = Source(
    CaseDiscussion, [("case_discussion", "Case discussions")],
    lambda child, user: CaseDiscussion.objects.visible_to(user).on_record().filter(child=child),
    "session__date",
    ("purpose", "expectations", "contingency", "decision", "rationale", "discussion", "filed_at", "filing_due_on",
     "session__id", "session__date", *staff("session__supervisor"), *staff("session__supervisee")),
    _case_discussion, values={"action_rows": _action_rows},
)
