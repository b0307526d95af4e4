"""The action tracker's pages: my open actions, my team's, and "Mark as done" (organisation/actions.py)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from organisation import actions, policy
from organisation.models import StaffMember

from .forms import TeamActionsFilter


def _managed(user):
    return StaffMember.objects.managed_by(user).filter(is_active=True).order_by("last_name", "first_name")


@login_required
def my_actions(request):
    """The signed-in person's open actions of every kind, oldest due first."""
    if not policy.has_actions(request.user):
        raise Http404
    today = timezone.localdate()
    rows = actions.tracked(owners=[request.user.pk])
    return render(request, "compliance/actions.html", _listed(rows, request.user, today, back_to="mine"))


@login_required
def team_actions(request):
    """The open actions of everyone in the manager's line of management, by person and overdue."""
    if not policy.sees_team_actions(request.user):
        raise Http404
    today = timezone.localdate()
    people = _managed(request.user)
    filterset = TeamActionsFilter(request.GET or None, people)
    if filterset.is_bound and not filterset.is_valid():
        raise Http404  # someone outside the manager's line of management: not revealed
    rows = actions.tracked(owners=filterset.qs.values("pk"), overdue_on=filterset.overdue_on(today))
    return render(request, "compliance/team_actions.html", {
        "form": filterset.form, **_listed(rows, request.user, today, back_to="team"),
    })


def _listed(rows, user, today, *, back_to):
    """The table's context: each action with its status and whether `user` may mark it done."""
    return {
        "rows": [(action, action.status(today), action.can_mark_done(user)) for action in rows],
        "overdue_count": sum(action.is_overdue(today) for action in rows),
        "back_to": back_to,
    }


@login_required
@require_POST
def action_done(request, kind, pk):
    """Mark an action done today: its owner or whoever agreed it; anyone else, or another's action, 404."""
    model = actions.model_of(kind)
    if model is None:
        raise Http404
    user = request.user
    mine = Q(owner=user) | Q(owner__in=_managed(user).values("pk")) if policy.sees_team_actions(user) else Q(owner=user)
    action = get_object_or_404(model.objects.filter(mine).select_related(*model.AGREED_IN_RELATED), pk=pk)
    if not action.is_done and not action.can_mark_done(user):
        raise Http404
    if action.mark_done(timezone.localdate(), by=user):
        messages.success(request, f"The action is marked as done: {action.what[:80]}")
    else:
        messages.warning(request, "This action had already been marked as done.")
    return redirect("compliance:team_actions" if request.POST.get("back_to") == "team" else "compliance:my_actions")
