"""The cases app's own entries on the child's timeline (registered in CasesConfig.ready).

Each source names its rows, the fields its entry reads and how a row becomes an Entry; cases.timeline reads
every source's rows for a page of the record in one query.
"""
import datetime

from django.db.models import Case, Exists, OuterRef, Value, When
from django.db.models.functions import TruncDate

from .models import (
    Allocation,
    AssessmentVersion,
    CaseNote,
    ChronologyEntry,
    Document,
    ManagementDecision,
    ManagerMeeting,
    PreProceedings,
)
from .timeline import Entry, Source, staff


def yes_no(value):
    return "Yes" if value else "No"


def _chronology(e, reader):
    return Entry(
        on=e.occurred_on, kind="chronology", label="Chronology", title=e.get_event_type_display(),
        author=e.recorded_by, body=e.summary, details=(("Source", e.source),),
        tags=(("Significant", "red"),) if e.significant else (),
    )


chronology = Source(
    ChronologyEntry, [("chronology", "Chronology")], lambda child, user: ChronologyEntry.objects.filter(child=child),
    "occurred_on", ("occurred_on", "event_type", "significant", "source", "summary", *staff("recorded_by")),
    _chronology,
)


def _case_note(n, reader):
    details = ()
    if n.is_visit:
        details = (
            ("Child seen", yes_no(n.child_seen)),
            ("Seen alone", yes_no(n.seen_alone)),
            ("Child's views recorded", yes_no(n.views_recorded)),
        )
    body = "\n\n".join(
        part for part in (
            n.child_said and f"What the child said: {n.child_said}",
            n.lived_experience and f"Lived experience: {n.lived_experience}",
            n.note,
        ) if part
    )
    return Entry(
        on=n.occurred_on, kind="visit" if n.is_visit else "note", label=n.get_kind_display(),
        title=n.get_kind_display(), author=n.author, body=body, details=details,
    )


case_notes = Source(
    CaseNote, [("visit", "Visits"), ("note", "Case notes")], lambda child, user: CaseNote.objects.filter(child=child),
    "occurred_on",
    ("occurred_on", "kind", "child_seen", "seen_alone", "views_recorded", "child_said", "lived_experience", "note",
     *staff("author")),
    _case_note,
    kind=Case(When(kind=CaseNote.Kind.NOTE, then=Value("note")), default=Value("visit")),  # as CaseNote.is_visit
)


def _document(d, reader):
    return Entry(
        on=d.dated, kind="document", label="Document", title=f"{d.get_kind_display()}: {d.title}",
        author=d.owner, tags=(("Confidential", "orange"),) if d.confidential else (),
    )


documents = Source(
    Document, [("document", "Documents")],
    lambda child, user: Document.objects.visible_to(user).filter(child=child),
    "dated", ("dated", "kind", "title", "confidential", *staff("owner")), _document,
)


def _decision(d, reader):
    return Entry(
        on=d.decided_on, kind="decision", label="Management decision", title=d.decision,
        author=d.manager, body=d.rationale, details=(("Made", d.get_context_display()),),
        manager_entry=True,
    )


decisions = Source(
    ManagementDecision, [("decision", "Management decisions")],
    lambda child, user: ManagementDecision.objects.filter(child=child),
    "decided_on", ("decided_on", "decision", "rationale", "context", *staff("manager")), _decision,
)


def _meeting(m, reader):
    today = reader.today
    details, tags = [], []
    if m.is_coming(today):
        tags.append(("Scheduled", "blue"))
    if m.needs_attendance:
        details.append(("Manager attended", yes_no(m.manager_attended) if m.attendance_confirmed else
                        "Not yet confirmed by the manager"))
        if m.attendance_confirmed and not m.manager_attended:
            tags.append(("Manager absent", "red"))
        elif not m.attendance_confirmed and not m.is_coming(today):
            tags.append(("Attendance not confirmed", "red"))
    if m.kind in ManagerMeeting.MINUTED_KINDS and not m.is_coming(today):
        details.append(("Minutes", "On the record" if m.minuted else "Not yet on the record"))
    return Entry(
        on=m.held_on, kind="meeting", label="Meeting", title=m.get_kind_display(), author=m.manager,
        body=m.notes, details=tuple(details), tags=tuple(tags),
        url=m.get_absolute_url() if m.manager_id == reader.user.pk and m.needs_attendance else "",
    )


_minutes = Document.objects.filter(
    child=OuterRef("child"), kind=Document.Kind.REVIEW_MINUTES, dated__gte=OuterRef("held_on")
)
meetings = Source(
    ManagerMeeting, [("meeting", "Meetings")], lambda child, user: ManagerMeeting.objects.filter(child=child),
    "held_on",
    ("held_on", "child_id", "kind", "manager_id", "manager_attended", "attendance_confirmed_at", "notes",
     *staff("manager")),
    _meeting, values={"minuted": Exists(_minutes)},
)


def _pre_proceedings(p, reader):
    offered = f"{p.fgdm_offered_on:%-d %B %Y}" if p.fgdm_offered_on else "Not offered"
    details = [("Family group decision-making meeting offered", offered)]
    if p.fgdm_offered_on:
        details.append(("Meeting took place", yes_no(p.fgdm_facilitated)))
    return Entry(
        on=p.started_on, kind="pre_proceedings", label="Pre-proceedings", title="Pre-proceedings began",
        author=p.recorded_by, body=p.fgdm_not_offered_reason, details=tuple(details),
        tags=() if p.fgdm_answered else (("No family group meeting offered", "red"),),
        url=p.get_absolute_url() if reader.may_write else "",
    )


pre_proceedings = Source(
    PreProceedings, [("pre_proceedings", "Pre-proceedings")],
    lambda child, user: PreProceedings.objects.filter(child=child),
    "started_on",
    ("started_on", "child_id", "fgdm_offered_on", "fgdm_facilitated", "fgdm_not_offered_reason",
     *staff("recorded_by")),
    _pre_proceedings,
)


def _allocation(a, reader):
    return Entry(
        on=a.started_on, kind="allocation", label="Allocation",
        title=f"Allocated to {a.worker or 'no worker'} ({a.team})", author=a.allocated_by, body=a.purpose,
        details=tuple((label, value) for label, value in (
            ("To be completed by", a.complete_by and f"{a.complete_by.day} {a.complete_by:%B %Y}"),
            ("Acknowledged by the worker", a.acknowledged_at and "Yes") if a.worker_id else ("", None),
        ) if value),
    )


allocations = Source(
    Allocation, [("allocation", "Allocations")], lambda child, user: Allocation.objects.filter(child=child),
    "started_on",
    ("started_on", "worker_id", "purpose", "complete_by", "acknowledged_at", "team__id", "team__name",
     *staff("worker"), *staff("allocated_by")),
    _allocation,
)


def _submission(v, reader):
    return Entry(
        on=v.submitted_at.date(), kind="assessment", label="Assessment or plan",
        title=f"{v.assessment.get_kind_display()}, version {v.number} submitted", author=v.author,
        url=v.get_absolute_url(),
    )


submissions = Source(
    AssessmentVersion, [("assessment", "Assessments and plans")],
    lambda child, user: AssessmentVersion.objects.filter(assessment__child=child, submitted_at__isnull=False),
    TruncDate("submitted_at", tzinfo=datetime.UTC),  # the day as submitted_at.date() gives it
    ("submitted_at", "number", "assessment_id", "assessment__id", "assessment__kind", *staff("author")),
    _submission,
)

SOURCES = [chronology, case_notes, documents, decisions, meetings, pre_proceedings, allocations, submissions]
