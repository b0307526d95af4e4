"""The early career readiness view (issue 20): an early-career worker's evidence against the standards, gathered
for them and their line of management: supervision held, observations, audits of their cases, the grades their
work was signed off with, their objectives and training, within the newly-qualified period (configured: 12 months,
24 under the early career programme)."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from cases.models import AssessmentVersion
from organisation.models import StaffMember, newly_qualified_for
from organisation.scoping import personal_file_filter

from ..models import SupervisionSession
from ..selectors import objectives_of


@login_required
def readiness(request, staff_pk):
    member = get_object_or_404(StaffMember.objects.filter(personal_file_filter(request.user)), pk=staff_pk)
    today = timezone.localdate()
    since = member.date_qualified
    period_ends = since + newly_qualified_for() if since else None
    dated = {"date__gte": since} if since else {}
    signed_off = AssessmentVersion.objects.filter(author=member, decided_at__isnull=False).exclude(grade="")
    return render(request, "supervision/readiness.html", {
        "member": member, "mine": member.pk == request.user.pk, "today": today, "period_ends": period_ends,
        "sessions": SupervisionSession.objects.held().filter(supervisee=member, **dated).order_by("-date"),
        "observations": member.observations.filter(**({"observed_on__gte": since} if since else {})),
        "audits": member.audits_of_my_work.exclude(grade="").select_related("child").order_by("-audited_on"),
        "sign_offs": signed_off.select_related("assessment__child").order_by("-decided_at"),
        "objectives": objectives_of(member, include_achieved=True),
        "training": member.training.all(),
    })
