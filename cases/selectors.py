"""Reads that the home pages and the child's record share: caseload counts, oversight at a glance."""
from django.db.models import Count, OuterRef, Q

from organisation.models import StaffMember, Team
from organisation.queries import latest

from .models import CaseNote, Category, Child, ManagementDecision

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


def oversight_at_a_glance(child, user):
    """The dates a manager looks for first on a child's record: one query, and one each for the current
    allocation, the latest filed case discussion and completed audit (through the child's reverse relations:
    `cases` imports neither `supervision` nor `audits`)."""
    return {
        **_dates_at_a_glance(child),
        "allocation": child.allocations.current().select_related("allocated_by").first(),
        "last_case_discussion": child.case_discussions.on_record().order_by("-filed_at").first(),
        "last_audit": child.file_audits.visible_to(user).audits().completed().order_by("-audited_on", "-pk").first(),
    }


def _dates_at_a_glance(child):
    visits = CaseNote.objects.filter(child=OuterRef("pk"), kind=CaseNote.Kind.STATUTORY_VISIT)
    return (
        Child.objects.filter(pk=child.pk)
        .values(
            last_oversight=latest(ManagementDecision.objects.filter(child=OuterRef("pk")), "decided_on"),
            last_visit=latest(visits, "occurred_on"),
            last_seen_alone=latest(visits.filter(seen_alone=True), "occurred_on"),
        )
        .get()
    )
