"""A leaver's page (administrators): reallocate everything open in one screen, then deactivate the account."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from organisation import policy
from organisation.models import StaffMember

from .forms import LeaverForm
from .leavers import OpenWork, WorkChanged, deactivate_leaver


@login_required
def leaver(request, pk):
    if not policy.may_administer(request.user):
        raise Http404
    member = get_object_or_404(StaffMember.objects.visible_to(request.user).filter(is_active=True), pk=pk)
    today = timezone.localdate()
    work = OpenWork.of(member)
    form = LeaverForm(request.POST if request.method == "POST" else None, member=member, work=work, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            done = deactivate_leaver(member=member, choices=form.choices(), by=request.user, on=today)
        except WorkChanged:
            messages.error(request, f"{member}'s work changed while you were choosing: check the list again.")
            return redirect("people:leaver", member.pk)
        if done:
            messages.success(request, f"{member}: work reallocated, account deactivated and signed out.")
        return redirect("organisation:staff")
    return render(request, "people/leaver.html", {"member": member, "form": form, "work": work})
