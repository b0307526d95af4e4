"""The personal supervision file: "My supervision", a staff member's file, and "Team supervision"."""
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from organisation.models import StaffMember, Team
from organisation.scoping import personal_file_filter

from ..frequency import next_due
from ..models import Appraisal, Observation, SupervisionSession, SupportRecord
from ..models.learning import induction_checklist
from ..selectors import objectives_of, supervision_rows, with_supervision


@login_required
def my_supervision(request):
    return _file(request, StaffMember.objects.filter(pk=request.user.pk), request.user.pk)


@login_required
def staff_file(request, pk):
    return _file(request, StaffMember.objects.filter(personal_file_filter(request.user)), pk)


def _file(request, staff, pk):
    today = timezone.localdate()
    member = get_object_or_404(with_supervision(staff.select_related("line_manager", "team"), today), pk=pk)
    sessions = list(
        SupervisionSession.objects.filter(supervisee=member)
        .select_related("supervisor")
        .annotate(discussion_count=Count("case_discussions"))
        .order_by("-date", "-pk")  # Meta.ordering does not apply to aggregating queries
    )
    observations = list(member.observations.select_related("observer"))
    window = Observation.window_start(today)
    return render(
        request,
        "supervision/file.html",
        {
            "member": member,
            "mine": member == request.user,
            "can_supervise": member != request.user and member.is_managed_by(request.user),
            "today": today,
            "due": next_due(member, member.last_supervised, today),
            "returning": member.is_returning(today),
            "planned": sorted((s for s in sessions if s.is_open), key=lambda s: s.date),
            "to_acknowledge": [s for s in sessions if s.awaits_acknowledgement],
            "past": [s for s in sessions if not s.is_open],
            "contract": member.supervision_contracts.select_related("supervisor").first(),
            "observations": observations,
            "observation_current": bool(observations) and observations[0].observed_on >= window,
            "appraisals": member.appraisals.select_related("appraiser", "observation"),
            "observation_window": window,
            "objectives": objectives_of(member),
            "team_objectives_by": member.team_id and Team.objects.visible_to(request.user).filter(
                pk=member.team_id).exists(),
            "has_support_record": SupportRecord.objects.filter(staff=member).exists(),
            "training": member.training.select_related("recorded_by"),
            "supervises": member.direct_reports.filter(is_active=True).exists(),
            "induction": _incomplete_induction(member),
        },
    )


def _incomplete_induction(member):
    """The induction checklist while any item is open (a joiner's), else None."""
    checklist = induction_checklist(member)
    return checklist if any(tick is None for _key, _label, tick in checklist) else None


@login_required
def team_supervision(request):
    today = timezone.localdate()
    return render(
        request,
        "supervision/team.html",
        {
            "rows": supervision_rows(request.user, today),
            "today": today,
            "observation_window": Observation.window_start(today),
            "appraisal_window": Appraisal.window_start(today),
        },
    )
