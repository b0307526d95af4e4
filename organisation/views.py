"""Administration of staff and teams in the service's own pages (administrators only); everyone's notifications."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from . import policy, writes
from .admin_forms import StaffForm, TeamForm
from .forms import DigestFrequencyForm
from .models import StaffMember, Team
from .notifications import Notification


def _require_administrator(user):
    if not policy.may_administer(user):
        raise Http404


@login_required
def staff_list(request):
    _require_administrator(request.user)
    team = request.GET.get("team", "")
    staff = StaffMember.objects.visible_to(request.user).select_related("team", "line_manager")
    teams = Team.objects.select_related("service")
    chosen = next((t for t in teams if str(t.pk) == team), None)
    if chosen:
        staff = staff.filter(team=chosen)
    return render(request, "organisation/staff_list.html", {"staff": staff, "teams": teams, "chosen": chosen})


@login_required
def staff_edit(request, pk=None):
    _require_administrator(request.user)
    member = get_object_or_404(StaffMember.objects.visible_to(request.user), pk=pk) if pk else None
    form = StaffForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid() and form.save_if_current():
        saved = form.instance
        moved = member and {"team", "role"} & set(form.changed_data) and saved.returning_until
        messages.success(request, f"{saved.get_full_name()}: {'changes saved' if member else 'account added'}." + (
            f" Supervised every 14 days until {saved.returning_until:%-d %B %Y} (changed role); their line manager"
            " can agree another date." if moved else ""
        ))
        return redirect("organisation:staff")
    return render(request, "organisation/form_page.html", {
        "form": form, "title": f"Change {member.get_full_name()}" if member else "Add a staff member",
        "back_url": "organisation:staff",
    })


@login_required
def team_list(request):
    _require_administrator(request.user)
    teams = Team.objects.select_related("service", "manager").annotate(
        active_staff=Count("members", filter=Q(members__is_active=True))
    )
    return render(request, "organisation/team_list.html", {"teams": teams})


@login_required
def team_edit(request, pk=None):
    _require_administrator(request.user)
    team = get_object_or_404(Team, pk=pk) if pk else None
    form = TeamForm(request.POST or None, instance=team)
    if request.method == "POST" and form.is_valid() and form.save_if_current():
        saved = form.instance
        messages.success(request, f"{saved.name}: {'changes saved' if team else 'team added'}.")
        return redirect("organisation:teams")
    return render(request, "organisation/form_page.html", {
        "form": form, "title": f"Change {team.name}" if team else "Add a team", "back_url": "organisation:teams",
    })


@login_required
def notification_list(request):
    notifications = Notification.objects.for_user(request.user)
    page = Paginator(notifications, 50).get_page(request.GET.get("page"))
    return render(request, "organisation/notifications.html", {"page": page})


@login_required
def notification_open(request, pk):
    """Opening a notification marks it read and goes where it points."""
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    Notification.objects.filter(pk=notification.pk).mark_read(timezone.now())
    return redirect(notification.url)


@login_required
@require_POST
def notifications_read_all(request):
    if Notification.objects.for_user(request.user).mark_read(timezone.now()):
        messages.success(request, "All your notifications are marked as read.")
    return redirect("notifications")


@login_required
def digest_frequency(request):
    """The signed-in person's own choice of how often their digest is emailed; nobody else's."""
    user = StaffMember.objects.get(pk=request.user.pk)  # the model itself, not the request's lazy wrapper
    form = DigestFrequencyForm(request.POST or None, instance=user)
    if form.is_valid():
        with transaction.atomic():
            locked = writes.lock(user)
            locked.digest_frequency = form.cleaned_data["digest_frequency"]
            writes.save(locked, by=user, update_fields=["digest_frequency"])
        messages.success(request, f"Your digest will be emailed {locked.get_digest_frequency_display().lower()}.")
        return redirect(user.get_absolute_url())
    return render(request, "organisation/digest_frequency.html", {"form": form})
