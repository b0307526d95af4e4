"""Ofsted's Annex A lists built from Oversight's own records, with the management-oversight evidence beside them."""
from dateutil.relativedelta import relativedelta
from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from audits.models import AuditStatus, CaseFileAudit
from cases.models import CareEpisode, CaseNote, Category, Child, ChronologyEntry, ManagementDecision
from organisation.spreadsheets import append_row
from supervision.models import CaseDiscussion

from .annex_a_headers import EXTRA_COLUMNS, spec
from .export_care import care_values, cin_values, disability, referral_values
from .rows import ICPC

# Ofsted asks about the last six months; a case closed earlier is not in the lists.
LOOKBACK = relativedelta(months=6)
GENDER_LABELS = {"1": "a) Male", "2": "b) Female", "0": "c) Not stated/recorded", "9": "d) Neither"}
LIST_FOR = {Category.EARLY_HELP: 2, Category.CHILD_IN_NEED: 6, Category.CHILD_PROTECTION: 7,
            Category.LOOKED_AFTER: 8, Category.CARE_LEAVER: 9}
OVERSIGHT_COLUMNS = [
    "Child Unique ID", "Annex A list", "Allocated Team", "Last case discussion in supervision",
    "Case discussion on the child's record within timescale", "Last management decision", "Last case file audit",
    "Last audit grade",
]
DATE_FORMAT = "dd/mm/yyyy"
YEAR = relativedelta(months=12)
# Lists filled from the chronology: referrals (3) and section 47 enquiries (5) in the six months.
# Lists 1 (contacts), 4 (assessments), 10 (adoption) and 11 (adopters) stay headings only: Oversight keeps no
# contacts, adoption or adopter records, and an assessment's start date is not a field (an imported one keeps it
# only in its text), so a list 4 row could not be given the date Ofsted asks for.
EVENT_LISTS = {3: ChronologyEntry.EventType.REFERRAL, 5: ChronologyEntry.EventType.STRATEGY}


def children_for(as_of):
    """Children open on `as_of`, or closed in the six months before it, with what the lists need."""
    visits = CaseNote.objects.filter(child=OuterRef("pk"), kind=CaseNote.Kind.STATUTORY_VISIT,
                                     occurred_on__lte=as_of).order_by("-occurred_on", "-pk")
    discussions = CaseDiscussion.objects.filter(child=OuterRef("pk"), session__date__lte=as_of).order_by(
        "-session__date", "-pk")
    audits = CaseFileAudit.objects.audits().filter(
        child=OuterRef("pk"), status=AuditStatus.COMPLETED, audited_on__lte=as_of
    ).order_by("-audited_on", "-pk")
    return (
        Child.objects.filter(opened_on__lte=as_of)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=as_of - LOOKBACK))
        .select_related("team", "worker")
        .prefetch_related(
            Prefetch("care_episodes", queryset=CareEpisode.objects.order_by("started_on")),
            Prefetch("chronology", to_attr="events", queryset=ChronologyEntry.objects.filter(
                occurred_on__lte=as_of).only("child_id", "occurred_on", "summary").order_by("occurred_on", "pk")),
        )
        .annotate(
            last_visit=Subquery(visits.values("occurred_on")[:1]),
            last_visit_alone=Subquery(visits.values("seen_alone")[:1]),
            last_discussion=Subquery(discussions.values("session__date")[:1]),
            last_discussion_due=Subquery(discussions.values("filing_due_on")[:1]),
            last_discussion_filed=Subquery(discussions.values("filed_at")[:1]),
            last_decision=Subquery(ManagementDecision.objects.filter(child=OuterRef("pk"), decided_on__lte=as_of)
                                   .order_by("-decided_on").values("decided_on")[:1]),
            last_audit=Subquery(audits.values("audited_on")[:1]),
            last_audit_grade=Subquery(audits.values("grade")[:1]),
        )
        .order_by("local_id")
    )


def annex_a_workbook(as_of):
    """A workbook with Ofsted's lists 1-11 (their column names) and a management-oversight sheet."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheets = {}
    for number, columns in spec().items():
        sheet = workbook.create_sheet(f"List {number}")
        sheet.append(list(columns) + EXTRA_COLUMNS.get(number, []))
        sheets[number] = sheet
    oversight = workbook.create_sheet("Management oversight")
    oversight.append(OVERSIGHT_COLUMNS)
    for sheet in workbook.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    for child in children_for(as_of).iterator(chunk_size=2000):
        number = LIST_FOR[child.category]
        sheet = sheets[number]
        values = _list_values(number, child, as_of)
        header = [cell.value for cell in sheet[1]]
        append_row(sheet, [values.get(name) for name in header])
        append_row(oversight, _oversight_values(number, child))
    for number, event_type in EVENT_LISTS.items():
        sheet = sheets[number]
        header = [cell.value for cell in sheet[1]]
        for values in _event_rows(number, event_type, as_of):
            append_row(sheet, [values.get(name) for name in header])
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.is_date:
                    cell.number_format = DATE_FORMAT
    return workbook


def _list_values(number, child, as_of):
    last_visit = getattr(child, "last_visit", None)  # annotated by children_for; lists 3 and 5 do without
    seen_alone = None if last_visit is None else ("a) Yes" if child.last_visit_alone else "b) No")
    values = {
        "Child Unique ID": child.local_id,
        "Gender": GENDER_LABELS[child.gender],
        "Ethnicity": child.ethnicity,
        "Date of Birth": child.date_of_birth,
        "Age of Child (Years)": child.age(as_of),
        "Allocated Team": child.team.name,
        "Allocated Worker": child.worker.get_full_name() if child.worker else None,
    }
    if number == 2:
        values |= {"Assessment start date": child.opened_on, "Organisation completing assessment": child.team.name}
    elif number == 6:
        values |= {"CIN Start Date": child.opened_on, "Date Child Was Last Seen": child.last_visit,
                   "CIN Closure Date": child.closed_on, "Case Status": "Closed" if child.closed_on else "Open"}
        values |= cin_values(child, child.events)
    elif number == 7:
        values |= {"Child Protection Plan Start Date": child.opened_on, "Date of the Last Statutory Visit":
                   child.last_visit, "Was the Child Seen Alone?": seen_alone,
                   "Child Protection Plan End Date": child.closed_on, "Does the Child have a Disability":
                   disability(child)}
    elif number == 8:
        values |= {"Date Started to be Looked After": child.opened_on, "Date of Last Social Work Visit":
                   child.last_visit, "Date Ceased to be Looked After": child.closed_on}
        values |= care_values(child, list(child.care_episodes.all()), child.events, as_of)
    return values


def _oversight_values(number, child):
    in_time = None
    if child.last_discussion is not None:
        filed = child.last_discussion_filed
        in_time = "Yes" if filed and timezone.localdate(filed) <= child.last_discussion_due else "No"
    return [
        child.local_id, f"List {number}", child.team.name, child.last_discussion, in_time, child.last_decision,
        child.last_audit, child.last_audit_grade or None,
    ]


def _event_rows(number, event_type, as_of):
    """One row per referral (list 3) or section 47 enquiry (list 5) in the six months to `as_of`."""
    entries = ChronologyEntry.objects.filter(
        event_type__in=[event_type, ChronologyEntry.EventType.CONFERENCE], occurred_on__lte=as_of,
        occurred_on__gte=as_of - YEAR,
    ).select_related("child__team", "child__worker").order_by("child__local_id", "occurred_on", "pk")
    by_child = {}
    for entry in entries.iterator(chunk_size=2000):
        by_child.setdefault(entry.child, []).append(entry)
    for child, events in by_child.items():
        starts = sorted({e.occurred_on for e in events if e.event_type == event_type})
        summaries = {e.occurred_on: e.summary for e in events if e.event_type == event_type}
        conferences = sorted({e.occurred_on for e in events if e.summary == ICPC})
        for start in starts:
            if start < as_of - LOOKBACK:
                continue
            values = _list_values(number, child, as_of)
            if number == 3:
                values |= {"Date of referral": start, "Number of Referrals in Last 12 Months": len(starts)}
                values |= referral_values(summaries.get(start))
            else:
                conference = next((d for d in conferences if d >= start), None)
                values |= {"Strategy discussion initiating Section 47 Enquiry Start Date": start,
                           "Date of Initial Child Protection Conference": conference,
                           "Number of Section 47 Enquiries in the last 12 months": len(starts),
                           "Number of ICPCs in the last 12 months": len(conferences)}
            yield values
