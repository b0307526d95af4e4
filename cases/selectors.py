"""Reads that the home pages and the child's record share: caseload counts, oversight at a glance."""
import json

from django.db.models import Count, F, JSONField, OuterRef, Q, Subquery
from django.db.models.functions import JSONObject

from organisation.models import StaffMember, Team
from organisation.queries import latest

from .models import Allocation, Assessment, AssessmentVersion, CaseNote, Category, Child, ManagementDecision
from .timeline import JSONList, json_list, rebuild, staff

OPEN = Q(children__closed_on__isnull=True)


def teams_overview(user):
    """The teams a manager oversees, each with staff and open-case counts by category."""
    by_category = {
        f"open_{c.name.lower()}": Count("children", filter=OPEN & Q(children__category=c), distinct=True)
        for c in Category
    }
    return (
        Team.objects.visible_to(user)
        .select_related("service", "manager")
        .annotate(
            staff_count=Count("members", filter=Q(members__is_active=True), distinct=True),
            open_children=Count("children", filter=OPEN, distinct=True),
            unallocated=Count("children", filter=OPEN & Q(children__worker__isnull=True), distinct=True),
            **by_category,
        )
    )


def members_with_caseloads(teams):
    """Active staff of the teams, each with their open caseload."""
    return (
        StaffMember.objects.filter(team__in=teams, is_active=True)
        .select_related("team")
        .annotate(open_cases=Count("caseload", filter=Q(caseload__closed_on__isnull=True)))
        .order_by("team__name", "last_name", "first_name")
    )


VERSION_FIELDS = ("number", "status", "grade", "decided_at", *staff("author"), *staff("decided_by"))


def assessments_of(child):
    """The child's assessments and plans, newest first, each with its `version_list` (newest first): one query,
    the versions read as one JSON list per assessment."""
    versions = (
        AssessmentVersion.objects.filter(assessment=OuterRef("pk")).order_by().values("assessment")
        .annotate(rows=JSONList(JSONObject(**{path: F(path) for path in ("id", *VERSION_FIELDS)}))).values("rows")
    )
    assessments = list(
        Assessment.objects.filter(child=child)
        .annotate(version_rows=Subquery(versions, output_field=JSONField()))
        .order_by("-created_at")
    )
    of_assessment = AssessmentVersion._meta.get_field("assessment")
    for assessment in assessments:
        assessment.version_list = sorted(
            (rebuild(AssessmentVersion, row) for row in json_list(assessment.version_rows)),
            key=lambda version: version.number, reverse=True,
        )
        for version in assessment.version_list:
            of_assessment.set_cached_value(version, assessment)
    return assessments


def with_glance(children, user):
    """The children's query also reads oversight at a glance, so the record's header costs no query of its own:
    the dates a manager looks for first, the current allocation, the latest filed case discussion and completed
    audit (through the child's reverse relations: `cases` imports neither `supervision` nor `audits`)."""
    visits = CaseNote.objects.filter(child=OuterRef("pk"), kind=CaseNote.Kind.STATUTORY_VISIT)
    discussions = _related("case_discussions").objects.on_record()
    audits = _related("file_audits").objects.visible_to(user).audits().completed()
    return children.annotate(
        glance_last_oversight=latest(ManagementDecision.objects.filter(child=OuterRef("pk")), "decided_on"),
        glance_last_visit=latest(visits, "occurred_on"),
        glance_last_seen_alone=latest(visits.filter(seen_alone=True), "occurred_on"),
        glance_allocation=_first_as_json(Allocation.objects.current(), (
            "started_on", "worker_id", "purpose", "expectations", "contingency", "complete_by", "timescale",
            "suited_because", "acknowledged_at", *staff("allocated_by"),
        )),
        glance_case_discussion=_first_as_json(discussions.order_by("-filed_at"), ("filed_at",)),
        glance_audit=_first_as_json(audits.order_by("-audited_on", "-pk"), ("audited_on", "grade")),
    )


def _first_as_json(rows, fields):
    """The child's first row of `rows` as one JSON value of its `fields` (and id), for `rebuild`."""
    rows = rows.filter(child=OuterRef("pk")).values(json=JSONObject(**{path: F(path) for path in ("id", *fields)}))
    return Subquery(rows[:1], output_field=JSONField())


def oversight_at_a_glance(child):
    """What `with_glance` read onto the child, as the glance shows it."""
    return {
        "last_oversight": child.glance_last_oversight,
        "last_visit": child.glance_last_visit,
        "last_seen_alone": child.glance_last_seen_alone,
        "allocation": _rebuilt(Allocation, child.glance_allocation),
        "last_case_discussion": _rebuilt(_related("case_discussions"), child.glance_case_discussion),
        "last_audit": _rebuilt(_related("file_audits"), child.glance_audit),
    }


def _related(name):
    """The model of a child's reverse relation (e.g. "file_audits"), without importing its app."""
    return Child._meta.get_field(name).related_model


def _rebuilt(model, data):
    return None if data is None else rebuild(model, json.loads(data) if isinstance(data, str) else data)
