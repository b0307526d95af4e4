"""Visible leadership (W 6): directors and heads of service record office visits, team meetings and briefings."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from organisation import policy
from organisation.models import Team

from ..forms import LeadershipVisitForm
from ..models import LeadershipVisit


def _leader(request):
    if not policy.keeps_visible_leadership(request.user):
        raise Http404
    return request.user


@login_required
def visit_list(request):
    user = _leader(request)
    visits = (
        LeadershipVisit.objects.visible_to(user).select_related("leader").prefetch_related("teams")
    )
    return render(request, "supervision/leadership.html", {"visits": visits})


@login_required
def visit_new(request):
    user = _leader(request)
    form = LeadershipVisitForm(request.POST or None, teams=Team.objects.visible_to(user))
    if form.is_valid():
        form.instance.leader = user
        visit = form.save()
        messages.success(request, f"The {visit.get_kind_display().lower()} on {visit.held_on:%-d %B %Y} is recorded.")
        return redirect("supervision:leadership")
    return render(request, "supervision/leadership_form.html", {"form": form})
