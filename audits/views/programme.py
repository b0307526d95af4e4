"""The audit programme: its settings, each auditor's monthly sample, and the findings per team and service."""
from dateutil.relativedelta import relativedelta
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from cases.models import Grade
from organisation import policy
from organisation.models import Service, StandardChange, Team

from .. import checklist, services
from ..forms import ProgrammeForm
from ..models import AuditProgramme, CaseFileAudit
from ..sampling import monthly_sample
from ..selectors import audits_url, findings

PERIODS = (1, 3, 6, 12)


@login_required
def sample(request):
    user, today = request.user, timezone.localdate()
    if not policy.may_audit(user):
        raise Http404
    programme = AuditProgramme.current()
    try:
        draw = max(1, int(request.GET.get("draw", 1)))
    except ValueError:
        draw = 1
    children = monthly_sample(user, programme, today, draw)
    month_start = today.replace(day=1)
    audited = {
        audit.child_id: audit
        for audit in CaseFileAudit.objects.audits()
        .filter(child__in=[c.pk for c in children], audited_on__gte=month_start)
        .order_by("audited_on")
    }
    return render(request, "audits/sample.html", {
        "rows": [(child, audited.get(child.pk)) for child in children],
        "programme": programme,
        "done": CaseFileAudit.objects.audits().completed().filter(auditor=user, audited_on__gte=month_start).count(),
        "draw": draw,
        "month_start": month_start,
        "today": today,
    })


@login_required
def findings_page(request):
    user, today = request.user, timezone.localdate()
    months = int(request.GET["months"]) if request.GET.get("months") in {str(p) for p in PERIODS} else 3
    since = today.replace(day=1) - relativedelta(months=months - 1)
    teams, scope = Team.objects.visible_to(user), {}
    if request.GET.get("team", "").isdigit():
        teams, scope = teams.filter(pk=request.GET["team"]), {"team": request.GET["team"]}
    elif request.GET.get("service", "").isdigit():
        teams, scope = teams.filter(service=request.GET["service"]), {"service": request.GET["service"]}
    programme = AuditProgramme.current()
    by_service, not_met = findings(user, teams, since, today, months, programme)
    done = sum(total.done for total, _ in by_service)
    items = [
        {
            "item": checklist.BY_CODE[row["item"]],
            "n": row["n"],
            "percent": round(100 * row["n"] / done) if done else 0,
            "url": audits_url(**scope, since=since.isoformat(), status="completed", item=row["item"]),
        }
        for row in not_met
    ]
    return render(request, "audits/findings.html", {
        "by_service": by_service,
        "items": items,
        "grades": list(Grade),
        "months": months,
        "periods": PERIODS,
        "since": since,
        "scope": scope,
        "scope_name": _scope_name(scope),
        "programme": programme,
        "today": today,
    })


def _scope_name(scope):
    if "team" in scope:
        return Team.objects.filter(pk=scope["team"]).values_list("name", flat=True).first()
    if "service" in scope:
        return Service.objects.filter(pk=scope["service"]).values_list("name", flat=True).first()
    return None


@login_required
def programme_settings(request):
    """Everyone may read the programme; administrators change it (SPEC section 1: settings)."""
    can_change = policy.may_administer(request.user)
    if request.method == "POST" and not can_change:
        raise Http404
    programme = AuditProgramme.current()
    form = None
    if can_change:
        # A row to lock and version from the first edit on, so two first saves cannot both stand.
        programme = AuditProgramme.objects.get_or_create(pk=1)[0]
        form = ProgrammeForm(request.POST or None, instance=programme)
    if form is not None and request.method == "POST" and form.is_valid() and form.save_if_current(
        lambda: services.update_programme(values=form.cleaned_data, by=request.user)
    ):
        messages.success(request, "Audit programme saved.")
        return redirect("audits:programme")
    changes = StandardChange.objects.filter(code=services.PROGRAMME_CODE).select_related("changed_by")[:20]
    return render(request, "audits/programme.html", {"programme": programme, "form": form, "changes": changes})
