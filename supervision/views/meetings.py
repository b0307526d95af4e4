"""Team meetings (W 6, W Appendix 1): seen by the team, recorded by the managers over it."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from drafts.clearing import clears_draft
from organisation.models import StaffMember, Team

from .. import services
from ..forms import MeetingActionForm, TeamMeetingForm
from ..models import TeamMeeting


def _members(team):
    return StaffMember.objects.filter(Q(team=team) | Q(pk=team.manager_id), is_active=True)


def _managed_meeting(request, pk):
    meetings = TeamMeeting.objects.filter(team__in=Team.objects.visible_to(request.user)).select_related("team")
    return get_object_or_404(meetings, pk=pk)


@login_required
def meeting_list(request):
    meetings = (
        TeamMeeting.objects.visible_to(request.user)
        .select_related("team", "chair")
        .annotate(attendee_count=Count("attendees", distinct=True), action_count=Count("actions", distinct=True))
    )
    return render(
        request,
        "supervision/meetings.html",
        {"meetings": meetings, "teams": Team.objects.visible_to(request.user)},
    )


@login_required
def meeting_new(request, team_pk):
    team = get_object_or_404(Team.objects.visible_to(request.user), pk=team_pk)
    form = TeamMeetingForm(request.POST or None, members=_members(team), initial={"chair": request.user})
    if form.is_valid():
        form.instance.team, form.instance.recorded_by = team, request.user
        meeting = services.record_team_meeting(form, by=request.user)
        messages.success(request, "The team meeting is recorded.")
        return redirect(meeting)
    return render(request, "supervision/meeting_form.html", {"form": form, "team": team})


@login_required
@clears_draft("team_meeting")
def meeting_edit(request, pk):
    meeting = _managed_meeting(request, pk)
    form = TeamMeetingForm(request.POST or None, instance=meeting, members=_members(meeting.team))
    if form.is_valid() and form.save_if_current():
        messages.success(request, "The team meeting is saved.")
        return redirect(meeting)
    return render(request, "supervision/meeting_form.html", {"form": form, "team": meeting.team, "meeting": meeting})


def _render_meeting(request, meeting, status=200, action_form=None):
    can_manage = Team.objects.visible_to(request.user).filter(pk=meeting.team_id).exists()
    if can_manage and action_form is None:
        action_form = MeetingActionForm(members=_members(meeting.team))
    return render(
        request,
        "supervision/meeting.html",
        {
            "meeting": meeting,
            "attendees": meeting.attendees.all(),
            "actions": meeting.actions.select_related("owner", "done_by"),
            "can_manage": can_manage,
            "action_form": action_form,
        },
        status=status,
    )


@login_required
def meeting_detail(request, pk):
    meeting = get_object_or_404(
        TeamMeeting.objects.visible_to(request.user).select_related("team", "chair", "recorded_by"), pk=pk
    )
    return _render_meeting(request, meeting)


@login_required
@require_POST
def add_meeting_action(request, pk):
    meeting = _managed_meeting(request, pk)
    form = MeetingActionForm(request.POST, members=_members(meeting.team))
    if not form.is_valid():
        return _render_meeting(request, meeting, status=400, action_form=form)
    form.instance.meeting = meeting
    form.save()
    messages.success(request, "The action is added.")
    return redirect(meeting)
