"""The flags list (scoped like everything else) and the practice-standards settings (administrators)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from organisation import policy, standards
from organisation.models import PracticeStandard, StaffMember, StandardChange

from . import queueing
from .dashboards.filters import FlagFilter
from .forms import FlagPlanForm, StandardForm
from .models import Flag, SweepRun
from .owners import owner_of, presented
from .services import change_standard, record_plan


@login_required
def flag_list(request):
    today = timezone.localdate()
    filterset = FlagFilter(request.GET, Flag.objects.all(), user=request.user, today=today)
    flags = filterset.qs.visible_to(request.user)
    page = Paginator(flags.order_by("due_since", "rule", "pk"), 50).get_page(request.GET.get("page"))
    # The page's subjects in a second query: joining them first would join every flag in scope before the LIMIT.
    page.object_list = presented(
        Flag.objects.filter(pk__in=[flag.pk for flag in page]).with_owners()
        .select_related("child__worker", "staff", "team", "plan").order_by("due_since", "rule", "pk"),
        today,
    )
    owners = StaffMember.objects.filter(pk__in={flag.owner_id for flag in page.object_list})
    return render(
        request,
        "compliance/flags.html",
        {
            "form": filterset.form,
            "page": page,
            "query": _without_page(request.GET),
            "last_sweep": SweepRun.last_finished(),
            "today": today,
            "plans_for": policy.planned_for_by(request.user, owners),
        },
    )


@login_required
def flag_plan(request, pk):
    """Record what will be done about an open flag, and by when: its owner or their managers only (404 otherwise)."""
    flag = get_object_or_404(Flag.objects.open().visible_to(request.user).select_related("child", "staff", "team"),
                             pk=pk)
    owner = owner_of(flag)
    if not policy.may_plan_for(request.user, owner):
        raise Http404
    today = timezone.localdate()
    plan = getattr(flag, "plan", None)  # the related lookup raises an AttributeError when there is none
    form = FlagPlanForm(request.POST or None, instance=plan, today=today)
    if form.is_valid():
        data = form.cleaned_data
        if record_plan(flag=flag, by=request.user, text=data["text"], plan_by=data["plan_by"], now=timezone.now()):
            messages.success(
                request, f"The plan for {flag.rule} is saved. The flag stays open until the standard is met."
            )
        else:
            messages.info(request, f"{flag.rule} was resolved meanwhile: the standard is met, so no plan is needed.")
        return redirect("compliance:flags")
    return render(request, "compliance/flag_plan.html", {"form": form, "flag": flag, "owner": owner, "today": today})


def _without_page(query):
    query = query.copy()
    query.pop("page", None)
    return query.urlencode()


def _administrator(user):
    # Settings are for administrators; anyone else is told the page does not exist.
    if not policy.may_administer(user):
        raise Http404


@login_required
def standard_list(request):
    _administrator(request.user)
    config = standards.configured()
    rows = [
        {
            "definition": definition,
            "enabled": config[definition.code][0],
            "figures": [(figure, config[definition.code][1][figure.name]) for figure in definition.figures],
        }
        for definition in standards.DEFINITIONS
    ]
    labels = {(d.code, f.name): f.label for d in standards.DEFINITIONS for f in d.figures}
    changes = list(StandardChange.objects.select_related("changed_by")[:20])
    for change in changes:
        change.label = "Checked" if change.field == "enabled" else labels.get((change.code, change.field), change.field)
    return render(request, "compliance/standards.html", {"standards": rows, "changes": changes})


@login_required
def standard_edit(request, code):
    _administrator(request.user)
    definition = standards.BY_CODE.get(code)
    if definition is None:
        raise Http404
    initial = {"enabled": standards.is_enabled(code), **standards.figures(code)}
    # Its row comes with the SPEC defaults (a data migration); unsaved until first changed if missing.
    standard = PracticeStandard.objects.filter(code=code).first() or PracticeStandard(code=code)
    form = StandardForm(request.POST or None, standard=standard, definition=definition, initial=initial)
    changed = []
    if form.is_valid() and form.save_if_current(lambda: changed.extend(change_standard(
        code=code, by=request.user, enabled=form.cleaned_data["enabled"],
        values={f.name: form.cleaned_data[f.name] for f in definition.figures},
    ))):
        if changed:
            # Everyone's flags follow the new figures at once, not only at the next scheduled sweep.
            transaction.on_commit(queueing.queue_full_sweep, robust=True)
            messages.success(request, f"{code} is saved. Flags are being updated to the new standard.")
        else:
            messages.info(request, f"{code} was not changed.")
        return redirect("compliance:standards")
    return render(request, "compliance/standard_form.html", {"form": form, "definition": definition})
