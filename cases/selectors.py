"""Reads that the home pages share: teams and workers with their caseload counts."""
from django.db.models import Count, Q

from organisation.models import StaffMember, Team

from .models import Category

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
