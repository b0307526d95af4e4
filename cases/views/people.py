from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from organisation import policy, standards
from organisation.models import StaffMember, Team

from .. import worklist
from ..models import AssessmentVersion, Child
from ..selectors import members_with_caseloads, teams_overview

QUEUE_ON_HOME = 5  # the oldest few; the queue page has them all
# A manager's list grouped by standard: where a group's items say different things, its heading. Conferences
# and hearings lead: a date in the diary cannot wait behind older paperwork (K 6).
GROUP_TITLES = {"ACTIONS": "Actions agreed, not yet done", "MGR-ATTEND": "Conferences and hearings to attend"}


@login_required
def home(request):
    user = request.user
    if policy.works_a_caseload(user):
        return _caseload(request)
    if policy.manages_a_team(user):
        return _my_team(request)
    if policy.is_manager(user):
        return render(request, "cases/home_teams.html", {"teams": teams_overview(user)})
    return render(request, "cases/home_admin.html")


def _caseload(request):
    # The table shows neither team nor worker here (show_worker is off): no joins for them.
    user, today = request.user, timezone.localdate()
    children = list(Child.objects.visible_to(user).open().order_by("last_name"))
    context = {"children": children, "today": today}
    if policy.is_practitioner(user):
        by_id = {child.pk: child for child in children}
        mine = [child.pk for child in children if child.worker_id == user.pk]
        due = worklist.due_items(children=mine, worker=user, today=today)
        context["due"] = [
            (item, *_child_or_me(by_id.get(item.child_id)), item.is_overdue(today), (item.on - today).days)
            for item in due
        ]
        context["overdue_count"] = sum(1 for item in due if item.is_overdue(today))
        context["drafts"] = AssessmentVersion.objects.drafts_by(user).select_related("assessment__child")
        context["returned"] = AssessmentVersion.objects.returned_to(user).select_related("assessment__child")
    return render(request, "cases/home_caseload.html", context)


def _child_or_me(child):
    """Whom a worker's due item is about, and where they are: the child, or the worker's own (supervision)."""
    return (child.full_name, child.get_absolute_url()) if child else ("Me", "")


def _my_team(request):
    """The team manager's home: what needs them first (the sign-off queue, then their standards due this week,
    children waiting for a worker among them: UNALLOCATED), then the team."""
    user, today = request.user, timezone.localdate()
    teams = Team.objects.visible_to(user)
    queue = list(AssessmentVersion.objects.awaiting_sign_off_by(user).select_related("assessment__child", "author"))
    due = worklist.needs_manager(manager=user, today=today)
    return render(
        request,
        "cases/home_team.html",
        {
            "teams": teams_overview(user),
            "members": members_with_caseloads(teams),
            "queue": [(version, version.waiting_working_days(today)) for version in queue[:QUEUE_ON_HOME]],
            "waiting": len(queue),
            "limit": standards.figure("PLAN-UNSIGNED", "working_days"),
            "due": len(due),
            "groups": worklist.grouped(due, today, GROUP_TITLES, first=["MGR-ATTEND"]),
            "overdue_count": sum(1 for item in due if item.is_overdue(today)),
            "today": today,
        },
    )


@login_required
def staff_detail(request, pk):
    member = get_object_or_404(
        StaffMember.objects.visible_to(request.user).select_related("team", "line_manager"), pk=pk
    )
    caseload = Child.objects.visible_to(request.user).open().filter(worker=member).select_related("team")
    return render(
        request,
        "cases/staff_detail.html",
        {
            "member": member,
            "caseload": caseload,
            "open_cases": member.caseload.filter(closed_on__isnull=True).count(),
            "today": timezone.localdate(),
        },
    )


@login_required
def team_detail(request, pk):
    team = get_object_or_404(teams_overview(request.user), pk=pk)
    children = Child.objects.visible_to(request.user).open().filter(team=team).select_related("worker")
    return render(
        request,
        "cases/team_detail.html",
        {
            "team": team,
            "members": members_with_caseloads([team]),
            "children": children,
            "today": timezone.localdate(),
        },
    )
