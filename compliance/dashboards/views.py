"""Dashboards: teams (or services) by standard, the breaches behind a figure, 12-month trends, the team's page.

Every page reads through a DashboardFilter, whose scope starts from the user's
own teams; `?export=csv` (or the table's name) gives the same figures as CSV.
"""
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify

from cases.models import Grade
from organisation import policy, standards
from organisation.models import StaffMember, Team

from ..models import Flag
from ..owners import presented
from ..rules import BY_CODE
from . import exports, presentation, selectors
from . import team as team_reads
from .access import query_without, require_manager
from .filters import BreachFilter, DashboardFilter, TeamChoiceForm, TeamFilter
from .ratings import thresholds


@login_required
def home(request):
    require_manager(request.user)
    if policy.manages_a_team(request.user):
        return redirect("dashboards:team")
    if policy.sees_everything(request.user):
        return redirect("dashboards:services")
    return redirect("dashboards:teams")


def _matrix_page(request, build, level, filename):
    require_manager(request.user)
    filterset = DashboardFilter(request.GET, Flag.objects.all(), user=request.user)
    matrix = build(request.user, filterset.scope, timezone.localdate())
    if request.GET.get("export") == "csv":
        return exports.matrix_csv(matrix, filename)
    return render(
        request,
        "compliance/dashboards/matrix.html",
        {
            "matrix": matrix, "filter": filterset, "level": level, "query": query_without(request),
            "thresholds": thresholds(), "columns": presentation.columns(matrix),
            "standards": presentation.by_standard(matrix),
        },
    )


@login_required
def teams(request):
    return _matrix_page(request, selectors.team_matrix, "Team", "compliance-by-team")


@login_required
def services(request):
    return _matrix_page(request, selectors.service_matrix, "Service", "compliance-by-service")


@login_required
def breaches(request, code):
    """The children, staff or teams in breach behind a figure, each linking to their record."""
    require_manager(request.user)
    rule = BY_CODE.get(code)
    if rule is None:
        raise Http404
    today = timezone.localdate()
    # Scoped by the filter, whose teams are the user's (filters.Scope).
    flags = (
        Flag.objects.open()
        .filter(rule=code)
        .select_related("child__team", "child__worker", "staff__team", "team")
        .order_by("due_since", "pk")
    )
    filterset = BreachFilter(request.GET, flags, user=request.user)
    if request.GET.get("export") == "csv":
        return exports.breaches_csv(filterset.qs, today, f"{code.lower()}-breaches")
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    # The page's owners, escalation and plans: a second query for the page's flags only.
    page.object_list = presented(
        flags.filter(pk__in=[flag.pk for flag in page]).with_owners().select_related("plan"), today
    )
    owners = StaffMember.objects.filter(pk__in={flag.owner_id for flag in page.object_list})
    return render(
        request,
        "compliance/dashboards/breaches.html",
        {
            "rule": rule,
            "filter": filterset,
            "page": page,
            "query": query_without(request),
            "today": today,
            "plans_for": policy.planned_for_by(request.user, owners),
        },
    )


@login_required
def trends(request):
    require_manager(request.user)
    filterset = TeamFilter(request.GET, Flag.objects.all(), user=request.user)
    scope = filterset.scope
    # A director looking at everything compares services; anyone narrower compares teams.
    by_service = policy.sees_everything(request.user) and not filterset.narrowed
    charts = selectors.trends(scope, timezone.localdate(), by_service=by_service)
    if request.GET.get("export") == "csv":
        return exports.trends_csv(charts, "compliance-trends")
    # Every standard's overall line first; one standard's chart and table by team (or service) when chosen.
    chosen = next((chart for chart in charts if chart.rule.code == request.GET.get("standard")), None)
    return render(
        request,
        "compliance/dashboards/trends.html",
        {
            "charts": charts,
            "chosen": chosen,
            "chart_data": {"charts": [chosen.chart] if chosen else []},
            "filter": filterset,
            "by_service": by_service,
            "query": query_without(request),
            "query_for_standard": query_without(request, "standard"),
        },
    )


@login_required
def team(request):
    """The team manager's page for one team: flags, supervision due, sign-offs, audit actions, caseloads."""
    require_manager(request.user)
    visible = Team.objects.visible_to(request.user).select_related("manager", "service")
    form = TeamChoiceForm(request.GET or None, teams=visible)
    chosen = form.cleaned_data["team"] if form.is_valid() else visible.first()
    if chosen is None:
        raise Http404
    today = timezone.localdate()
    counts = team_reads.flags_by_rule(request.user, chosen)
    flags = [(definition, counts[definition.code]) for definition in standards.DEFINITIONS if definition.code in counts]
    supervision = team_reads.supervision_due(chosen, today)
    sign_offs = list(team_reads.sign_off_queue(chosen))
    for version in sign_offs:
        version.waiting = version.waiting_working_days(today)
    actions = list(team_reads.overdue_actions(request.user, chosen, today))
    caseloads = team_reads.caseloads(chosen, today)
    quality, team_quality = team_reads.sign_off_quality(request.user, chosen, today)
    export = request.GET.get("export")
    if export == "sign_off_quality":
        return _quality_csv(chosen, quality, team_quality)
    if export:
        return _team_csv(export, chosen, flags, supervision, sign_offs, actions, caseloads, today)
    return render(
        request,
        "compliance/dashboards/team.html",
        {
            "team": chosen,
            "form": form,
            "several": len(form.fields["team"].queryset) > 1,
            "flags": flags,
            "supervision_lists": [
                ("Overdue", supervision.overdue, "Nobody's supervision is overdue."),
                ("Due by Sunday", supervision.this_week, "Nobody else is due this week."),
            ],
            "sign_offs": sign_offs,
            "actions": actions,
            "caseloads": caseloads,
            "quality": quality,
            "team_quality": team_quality,
            "quality_since": team_reads.quality_period(today)[0],
            "today": today,
            "query": query_without(request),
        },
    )


def _quality_csv(team, quality, team_quality):
    grades = [label for _, label in Grade.choices]
    rows = [[name, q.first_decisions, q.first_time, q.rate, *(n for _, n in q.grade_list)]
            for name, q in [*((m.get_full_name(), m.quality) for m in quality), ("Whole team", team_quality)]]
    return exports.csv_response(
        f"{slugify(team.name)}-sign-off-quality",
        ["Staff member", "Work decided for the first time", "Signed off first time", "% first time", *grades], rows,
    )


@login_required
def sign_off_quality(request):
    """The decisions behind a team's (or one person's) sign-off quality figures, newest first."""
    require_manager(request.user)
    visible = Team.objects.visible_to(request.user)
    form = TeamChoiceForm(request.GET or None, teams=visible)
    # A team asked for outside the user's scope is not revealed; none asked for is their first, as on the team page.
    team = form.cleaned_data["team"] if form.is_valid() else None if "team" in request.GET else visible.first()
    if team is None:
        raise Http404
    today = timezone.localdate()
    versions = team_reads.team_decisions(request.user, team, today)
    member = None
    if request.GET.get("worker"):
        member = StaffMember.objects.filter(team=team, pk=_int_or_none(request.GET["worker"])).first()
        if member is None:
            raise Http404
        versions = versions.filter(author=member)
    versions = versions.select_related("assessment__child", "author", "decided_by").order_by("-decided_at")
    page = Paginator(versions, 50).get_page(request.GET.get("page"))
    return render(request, "compliance/dashboards/sign_off_quality.html", {
        "team": team, "member": member, "page": page, "since": team_reads.quality_period(today)[0],
        "query": query_without(request),
    })


def _int_or_none(value):
    return int(value) if value.isascii() and value.isdigit() and len(value) < 12 else None


def _team_csv(export, team, flags, supervision, sign_offs, actions, caseloads, today):
    name = f"{slugify(team.name)}-{export}"
    if export == "flags":
        return exports.csv_response(name, ["Standard", "Title", "Open flags"],
                                    [[d.code, d.title, n] for d, n in flags])
    if export == "supervision":
        rows = [[m.get_full_name(), status, m.due.on.isoformat(), m.last_supervised and m.last_supervised.isoformat(),
                 m.due.frequency.label]
                for status, members in (("Overdue", supervision.overdue), ("Due this week", supervision.this_week))
                for m in members]
        return exports.csv_response(name, ["Staff member", "Status", "Due", "Last supervised", "Frequency"], rows)
    if export == "sign_off":
        rows = [[v.assessment.child.local_id, v.assessment.get_kind_display(), v.number, str(v.author),
                 v.submitted_at.date().isoformat(), v.waiting] for v in sign_offs]
        return exports.csv_response(
            name, ["Child", "Assessment or plan", "Version", "Author", "Submitted", "Working days waiting"], rows
        )
    if export == "actions":
        rows = [[a.audit.child.local_id, a.what, str(a.owner), a.due_on.isoformat(), (today - a.due_on).days]
                for a in actions]
        return exports.csv_response(name, ["Child", "Action", "Owner", "Due", "Days overdue"], rows)
    if export == "caseloads":
        rows = [[m.get_full_name(), m.fte, m.load.open_cases, m.load.shown, m.load.capacity, m.load.percent,
                 "Over capacity" if m.load.is_over else "Within capacity"] for m in caseloads]
        header = ["Worker", "FTE", "Open cases", "Weighted caseload", "Capacity", "% of capacity", "Status"]
        return exports.csv_response(name, header, rows)
    raise Http404
