"""Reads for the traceability pages: who looked at a record, and what changed on it."""
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.db.models import Q

from organisation.models import StaffMember

from .models import AccessLogEntry
from .sensitive import KINDS

# What a child's record history reads: model label -> lookup from its history rows to the child.
# Versions and plan actions hang off an assessment, so they are found through it.
RECORD_MODELS = {
    "cases.Child": "id",
    "cases.Allocation": "child_id",
    "cases.ChronologyEntry": "child_id",
    "cases.CaseNote": "child_id",
    "cases.Document": "child_id",
    "cases.ManagementDecision": "child_id",
    "cases.ManagerMeeting": "child_id",
    "cases.PreProceedings": "child_id",
    "cases.Assessment": "child_id",
    "cases.AssessmentVersion": "assessment_id__in",
    "cases.PlanAction": "version_id__in",
    "supervision.CaseDiscussion": "child_id",
    "audits.CaseFileAudit": "child_id",
    "traceability.LegalHold": "child_id",
}
HISTORY_LIMIT = 300
VALUE_LENGTH = 120


def access_to_child(child_pk):
    """Access-log entries about the child's record or anything on it, newest first."""
    about = Q()
    for kind, (label, to_child) in KINDS.items():
        if to_child == "pk":
            about |= Q(kind=kind, object_id=child_pk)
        elif to_child is not None:
            ids = apps.get_model(label).objects.filter(**{to_child: child_pk}).values("pk")
            about |= Q(kind=kind, object_id__in=ids)
    return AccessLogEntry.objects.filter(about).select_related("user")


def access_by_user(user):
    return AccessLogEntry.objects.filter(user=user).select_related("user")


@dataclass
class Change:
    at: datetime
    user_id: int | None
    what: str
    object_id: int
    change_type: str
    fields: list = field(default_factory=list)  # (label, old, new)
    user: StaffMember | None = None


def _subject_ids(child_pk):
    assessments = apps.get_model("cases.Assessment").history.filter(child_id=child_pk).values("id")
    versions = apps.get_model("cases.AssessmentVersion").history.filter(assessment_id__in=assessments).values("id")
    return {"cases.AssessmentVersion": assessments, "cases.PlanAction": versions}


class StaffRef(int):
    """A staff member's id in a change, named once the page's changes are known (one query for all)."""


def _shown(f, value):
    if value is not None and f.choices:
        value = dict(f.flatchoices).get(value, value)
    elif value is not None and f.is_relation and f.related_model is StaffMember:
        return StaffRef(value)
    text = "" if value is None else str(value)
    return text if len(text) <= VALUE_LENGTH else text[: VALUE_LENGTH - 1] + "…"


def _changes(rows, model):
    """Rows of one model's history, oldest first per object, turned into what changed each time."""
    # The row's own id and its "updated at" stamp say nothing the change itself does not.
    tracked = [f for f in model.history.model.tracked_fields if f.name != "id" and not getattr(f, "auto_now", False)]
    previous = {}
    for row in rows:
        before = previous.get(row.id)
        fields = []
        for f in tracked:
            new = getattr(row, f.attname)
            if before is None:
                # The first row we hold: every value it was saved with (none for a deletion).
                if row.history_type != "-" and new not in (None, ""):
                    fields.append((str(f.verbose_name), "", _shown(f, new)))
            elif getattr(before, f.attname) != new:
                fields.append((str(f.verbose_name), _shown(f, getattr(before, f.attname)), _shown(f, new)))
        previous[row.id] = row
        yield Change(
            at=row.history_date, user_id=row.history_user_id, what=str(model._meta.verbose_name),
            object_id=row.id, change_type=row.get_history_type_display(), fields=fields,
        )


def record_history(child_pk, limit=HISTORY_LIMIT):
    """The latest changes to the child's record and everything on it, newest first (a bounded number of queries)."""
    subjects = _subject_ids(child_pk)
    changes = []
    for label, lookup in RECORD_MODELS.items():
        model = apps.get_model(label)
        value = subjects.get(label, child_pk)
        rows = model.history.filter(**{lookup: value}).order_by("id", "history_date", "history_id")
        changes.extend(_changes(rows, model))
    changes.sort(key=lambda change: change.at, reverse=True)
    changes = changes[:limit]
    named = {c.user_id for c in changes if c.user_id}
    named |= {value for c in changes for _, *values in c.fields for value in values if isinstance(value, StaffRef)}
    users = StaffMember.objects.in_bulk(named)

    def name(value):
        return str(users.get(value, value)) if isinstance(value, StaffRef) else value

    for change in changes:
        change.user = users.get(change.user_id)
        change.fields = [(label, name(old), name(new)) for label, old, new in change.fields]
    return changes
