"""Evidence from the child's record for each W 4 checklist item, read in a fixed number of queries."""
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Max, Min, Q
from django.utils.formats import date_format

from cases import timeline
from cases.models import AssessmentVersion, CaseNote, Category, ChronologyEntry, Document, ManagementDecision
from organisation import standards
from organisation.working_days import working_days_between

from .. import checklist
from . import Fact, when

STANDARDS = ("CHRON-STALE", "VISITS", "SEEN-ALONE", "SUMMARY", "CLA-DOCS")
RECENT_DAYS = 90  # "records up to date": what was written in the last three months
STATUTORY = Q(kind=CaseNote.Kind.STATUTORY_VISIT)
# The supervision app files case discussions on the record through the timeline registry.
CASE_DISCUSSION = "case_discussion"


def file_evidence(child, user, today):
    """{checklist item code: [Fact, ...]} for `child`, as `user` may see it on `today`."""
    figures = standards.figures_of(STANDARDS)
    documents = _documents(child, user)
    evidence = {item.code: [] for item in checklist.ITEMS}
    evidence["contact_summary"] = _contact(child, today)
    evidence["chronology"] = _chronology(child, today, figures)
    evidence.update(_notes(child, today, figures))
    evidence["management_oversight"], latest_plan = _oversight(child, today)
    evidence.update(_registered(child, today, figures, documents, latest_plan))
    evidence["reports_owned"] = _reports(child, user)
    evidence["supervision_filed"] = _case_discussions(child, user, today)
    return evidence


def _contact(child, today):
    allocation = child.allocations.filter(ended_on__isnull=True).select_related("worker").first()
    facts = [
        Fact("Category of involvement", child.get_category_display()),
        Fact("Case opened", when(child.opened_on, today)),
        Fact("Ethnicity", child.get_ethnicity_display(), concern=child.ethnicity == "NOBT"),
    ]
    if allocation and allocation.worker:
        since = date_format(allocation.started_on, "j F Y")
        facts.append(Fact("Allocated worker", f"{allocation.worker} since {since}"))
    else:
        facts.append(Fact("Allocated worker", "Unallocated", concern=True))
    needs_officer = child.category in (Category.CHILD_PROTECTION, Category.LOOKED_AFTER)
    officer = str(child.reviewing_officer) if child.reviewing_officer_id else "None recorded"
    facts.append(Fact("IRO or CP chair", officer, concern=needs_officer and not child.reviewing_officer_id))
    return facts


def _chronology(child, today, figures):
    row = ChronologyEntry.objects.filter(child=child).aggregate(
        entries=Count("pk"), last=Max("occurred_on"), significant=Max("occurred_on", filter=Q(significant=True))
    )
    stale_after = figures["CHRON-STALE"]["days"]
    stale = row["last"] is None or (today - row["last"]).days > stale_after
    return [
        Fact("Last chronology entry", when(row["last"], today), concern=stale),
        Fact("Entries", str(row["entries"])),
        Fact("Latest significant event", when(row["significant"], today)),
        Fact("Standard", f"Updated at least every {stale_after} days (CHRON-STALE)"),
    ]


def _notes(child, today, figures):
    since = today - timedelta(days=RECENT_DAYS)
    recent = Q(occurred_on__gte=since)
    row = CaseNote.objects.filter(child=child).aggregate(
        last=Max("occurred_on"),
        recent=Count("pk", filter=recent),
        recent_by_worker=Count("pk", filter=recent & Q(author_id=child.worker_id)),
        last_visit=Max("occurred_on", filter=STATUTORY),
        last_alone=Max("occurred_on", filter=STATUTORY & Q(seen_alone=True)),
        last_views=Max("occurred_on", filter=STATUTORY & Q(views_recorded=True)),
    )
    last_n = figures["SEEN-ALONE"]["visits"]
    statutory = CaseNote.objects.filter(child=child).filter(STATUTORY).order_by("-occurred_on")
    latest = list(statutory.values_list("seen_alone", flat=True)[:last_n])
    seen_alone_rule = child.category in (Category.CHILD_PROTECTION, Category.LOOKED_AFTER)
    records = [
        Fact("Last case note or visit", when(row["last"], today), concern=row["last"] is None),
        Fact(
            f"Entries in the last {RECENT_DAYS} days",
            f"{row['recent']}, of which {row['recent_by_worker']} by the allocated worker",
            concern=row["recent"] == 0,
        ),
    ]
    late = _visit_late(child, row["last_visit"], today, figures)
    visits = [
        Fact("Last statutory visit", when(row["last_visit"], today), concern=late),
        Fact("Last visit with the child seen alone", when(row["last_alone"], today)),
        Fact(
            f"Seen alone at the last {last_n} statutory visits",
            f"{sum(latest)} of {len(latest)}",
            concern=seen_alone_rule and bool(latest) and not any(latest),
        ),
        Fact("Last visit with the child's views recorded", when(row["last_views"], today)),
    ]
    return {"records_owned": records, "visits": visits}


def _visit_late(child, last, today, figures):
    """Whether the last statutory visit is outside the VISITS interval for the child's category."""
    visits = figures["VISITS"]
    if child.category == Category.CHILD_PROTECTION:
        return last is None or working_days_between(last, today) > visits["cp_working_days"]
    if child.category == Category.LOOKED_AFTER:
        return last is None or (today - last).days > visits["cla_weeks"] * 7
    if child.category == Category.CHILD_IN_NEED:
        return last is None or working_days_between(last, today) > visits["cin_working_days"]
    return False


def _oversight(child, today):
    decisions = ManagementDecision.objects.filter(child=child).aggregate(n=Count("pk"), last=Max("decided_on"))
    signed_off = list(
        AssessmentVersion.objects.filter(assessment__child=child, status=AssessmentVersion.Status.SIGNED_OFF)
        .select_related("assessment", "decided_by")
        .order_by("-decided_at")[:20]
    )
    latest = signed_off[0] if signed_off else None
    latest_plan = next((v for v in signed_off if v.assessment.is_plan), None)
    facts = [
        Fact(
            "Management decisions on the record",
            f"{decisions['n']}, latest {when(decisions['last'], today)}" if decisions["n"] else "None recorded",
            concern=not decisions["n"],
        ),
        Fact("Latest sign-off", _version(latest) if latest else "None recorded"),
    ]
    return facts, latest_plan


def _version(version):
    return (
        f"{version.assessment.get_kind_display()} v{version.number}, "
        f"{date_format(version.decided_at, 'j F Y')}, by {version.decided_by}, graded {version.get_grade_display()}"
    )


def _documents(child, user):
    """The register by kind: {kind: {n, latest, earliest, confidential, before_opened}}."""
    rows = (
        Document.objects.visible_to(user)
        .filter(child=child)
        .order_by()
        .values("kind")
        .annotate(
            n=Count("pk"),
            latest=Max("dated"),
            earliest=Min("dated"),
            confidential=Count("pk", filter=Q(confidential=True)),
            before_opened=Count("pk", filter=Q(dated__lt=child.opened_on)),
        )
    )
    return {row["kind"]: row for row in rows}


def _registered(child, today, figures, documents, latest_plan):
    """The items answered from the documents register."""
    Kind = Document.Kind

    def latest(kind):
        return documents.get(kind, {}).get("latest")

    looked_after = child.category == Category.LOOKED_AFTER
    photo_months = figures["CLA-DOCS"]["photo_months"]
    photo = latest(Kind.PHOTO)
    summary_months = figures["SUMMARY"]["months"]
    summary = latest(Kind.QUARTERLY_SUMMARY)
    officer = str(child.reviewing_officer) if child.reviewing_officer_id else "None recorded"
    total = sum(row["n"] for row in documents.values())
    earliest = min((row["earliest"] for row in documents.values()), default=None)
    return {
        "photo": [
            Fact(
                "Latest photo", when(photo, today),
                concern=looked_after and (photo is None or photo < today - relativedelta(months=photo_months)),
            ),
            Fact("Standard", f"Looked-after children: a photo within {photo_months} months (CLA-DOCS)"),
        ],
        "birth_certificate": [
            Fact(
                "Birth certificate",
                f"On file, dated {date_format(latest(Kind.BIRTH_CERTIFICATE), 'j F Y')}"
                if latest(Kind.BIRTH_CERTIFICATE) else "Not on file",
                concern=looked_after and latest(Kind.BIRTH_CERTIFICATE) is None,
            ),
        ],
        "quarterly_summary": [
            Fact(
                "Latest quarterly summary", when(summary, today),
                concern=summary is None or summary < today - relativedelta(months=summary_months),
            ),
            Fact("Standard", f"A summary at least every {summary_months} months (SUMMARY)"),
        ],
        "plan_and_review": [
            Fact("Latest plan on file", when(latest(Kind.PLAN), today)),
            Fact("Latest review minutes", when(latest(Kind.REVIEW_MINUTES), today)),
            Fact("Latest signed-off plan", _version(latest_plan) if latest_plan else "None recorded"),
            Fact("If late or missing, tell the IRO or CP chair", officer),
        ],
        "court_order": [Fact("Latest court order", when(latest(Kind.COURT_ORDER), today))],
        "documents_located": [
            Fact("Documents in the register", f"{total}" + _by_kind(documents) if total else "None"),
        ],
        "documents_retained": [
            Fact("Oldest document", when(earliest, today)),
            Fact(
                "Dated before the case opened",
                str(sum(row["before_opened"] for row in documents.values())),
            ),
        ],
        "confidential_section": [
            Fact("Confidential documents you can see", str(sum(row["confidential"] for row in documents.values()))),
        ],
    }


def _by_kind(documents):
    labels = dict(Document.Kind.choices)
    parts = [f"{labels[kind]}: {row['n']}" for kind, row in sorted(documents.items())]
    return " (" + "; ".join(parts) + ")"


def _reports(child, user):
    latest = (
        Document.objects.visible_to(user)
        .filter(child=child, kind__in=[Document.Kind.REPORT, Document.Kind.QUARTERLY_SUMMARY])
        .select_related("owner")[:3]
    )
    facts = [
        Fact(doc.get_kind_display(), f"{doc.title}, dated {date_format(doc.dated, 'j F Y')}, owned by {doc.owner}")
        for doc in latest
    ]
    return facts or [Fact("Reports and quarterly summaries", "None on file")]


def _case_discussions(child, user, today):
    if CASE_DISCUSSION not in dict(timeline.kinds()):
        return [Fact("Case discussions from supervision", "Not yet available")]
    entries = timeline.for_child(child, user, only={CASE_DISCUSSION})
    if not entries:
        return [Fact("Case discussions on the record", "None recorded")]
    return [
        Fact("Case discussions on the record", str(len(entries))),
        Fact("Latest", when(entries[0].on, today)),
    ]
