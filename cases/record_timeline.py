"""The cases app's own entries on the child's timeline (registered in CasesConfig.ready).

Each source reads newest first, ties by newest row, so `limit` keeps a prefix (see timeline.for_child).
"""
from django.db.models import Exists, OuterRef
from django.utils import timezone

from organisation.scoping import can_write_record

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
from .timeline import Entry


def yes_no(value):
    return "Yes" if value else "No"


def chronology(child, user, limit=None):
    entries = ChronologyEntry.objects.filter(child=child).order_by("-occurred_on", "-pk")
    for e in entries.select_related("recorded_by")[:limit]:
        yield Entry(
            on=e.occurred_on, kind="chronology", label="Chronology", title=e.get_event_type_display(),
            author=e.recorded_by, body=e.summary, details=(("Source", e.source),),
            tags=(("Significant", "red"),) if e.significant else (),
        )


chronology.kinds = [("chronology", "Chronology")]


def case_notes(child, user, limit=None):
    notes = CaseNote.objects.filter(child=child).order_by("-occurred_on", "-pk")
    for n in notes.select_related("author")[:limit]:
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
        yield Entry(
            on=n.occurred_on, kind="visit" if n.is_visit else "note", label=n.get_kind_display(),
            title=n.get_kind_display(), author=n.author, body=body, details=details,
        )


case_notes.kinds = [("visit", "Visits"), ("note", "Case notes")]


def documents(child, user, limit=None):
    documents = Document.objects.visible_to(user).filter(child=child).order_by("-dated", "-pk")
    for d in documents.select_related("owner")[:limit]:
        yield Entry(
            on=d.dated, kind="document", label="Document", title=f"{d.get_kind_display()}: {d.title}",
            author=d.owner, tags=(("Confidential", "orange"),) if d.confidential else (),
        )


documents.kinds = [("document", "Documents")]


def decisions(child, user, limit=None):
    decisions = ManagementDecision.objects.filter(child=child).order_by("-decided_on", "-pk")
    for d in decisions.select_related("manager")[:limit]:
        yield Entry(
            on=d.decided_on, kind="decision", label="Management decision", title=d.decision,
            author=d.manager, body=d.rationale, details=(("Made", d.get_context_display()),),
            manager_entry=True,
        )


decisions.kinds = [("decision", "Management decisions")]


def meetings(child, user, limit=None):
    today = timezone.localdate()
    minutes = Document.objects.filter(
        child=OuterRef("child"), kind=Document.Kind.REVIEW_MINUTES, dated__gte=OuterRef("held_on")
    )
    meetings = ManagerMeeting.objects.filter(child=child).annotate(minuted=Exists(minutes)).order_by("-held_on", "-pk")
    for m in meetings.select_related("manager")[:limit]:
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
        yield Entry(
            on=m.held_on, kind="meeting", label="Meeting", title=m.get_kind_display(), author=m.manager,
            body=m.notes, details=tuple(details), tags=tuple(tags),
            url=m.get_absolute_url() if m.manager_id == user.pk and m.needs_attendance else "",
        )


def pre_proceedings(child, user, limit=None):
    records = list(PreProceedings.objects.filter(child=child).select_related("recorded_by")
                   .order_by("-started_on", "-pk")[:limit])
    writes = bool(records) and can_write_record(user, child)  # asked only of a record that has some
    for p in records:
        offered = f"{p.fgdm_offered_on:%-d %B %Y}" if p.fgdm_offered_on else "Not offered"
        details = [("Family group decision-making meeting offered", offered)]
        if p.fgdm_offered_on:
            details.append(("Meeting took place", yes_no(p.fgdm_facilitated)))
        yield Entry(
            on=p.started_on, kind="pre_proceedings", label="Pre-proceedings", title="Pre-proceedings began",
            author=p.recorded_by, body=p.fgdm_not_offered_reason, details=tuple(details),
            tags=() if p.fgdm_answered else (("No family group meeting offered", "red"),),
            url=p.get_absolute_url() if writes else "",
        )


pre_proceedings.kinds = [("pre_proceedings", "Pre-proceedings")]


meetings.kinds = [("meeting", "Meetings")]


def allocations(child, user, limit=None):
    allocations = Allocation.objects.filter(child=child).order_by("-started_on", "-pk")
    for a in allocations.select_related("worker", "team", "allocated_by")[:limit]:
        yield Entry(
            on=a.started_on, kind="allocation", label="Allocation",
            title=f"Allocated to {a.worker or 'no worker'} ({a.team})", author=a.allocated_by, body=a.purpose,
            details=tuple((label, value) for label, value in (
                ("To be completed by", a.complete_by and f"{a.complete_by.day} {a.complete_by:%B %Y}"),
                ("Acknowledged by the worker", a.acknowledged_at and "Yes") if a.worker_id else ("", None),
            ) if value),
        )


allocations.kinds = [("allocation", "Allocations")]


def submissions(child, user, limit=None):
    versions = AssessmentVersion.objects.filter(assessment__child=child, submitted_at__isnull=False)
    for v in versions.select_related("assessment", "author").order_by("-submitted_at", "-pk")[:limit]:
        yield Entry(
            on=v.submitted_at.date(), kind="assessment", label="Assessment or plan",
            title=f"{v.assessment.get_kind_display()}, version {v.number} submitted", author=v.author,
            url=v.get_absolute_url(),
        )


submissions.kinds = [("assessment", "Assessments and plans")]

SOURCES = [chronology, case_notes, documents, decisions, meetings, pre_proceedings, allocations, submissions]
