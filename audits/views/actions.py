"""Corrective actions: added by the auditor, done by their owner, verified by the auditor (W 4)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from .. import services
from ..forms import CorrectiveActionForm, DoneForm, VerifyForm
from ..models import CaseFileAudit, CorrectiveAction
from ..selectors import action_owners


@login_required
def add_action(request, pk):
    audit = get_object_or_404(
        CaseFileAudit.objects.visible_to(request.user).filter(auditor=request.user).select_related("child"), pk=pk
    )
    form = CorrectiveActionForm(
        request.POST or None, owners=action_owners(audit), today=timezone.localdate(),
        items=audit.not_met_items(), initial={"owner": audit.practitioner_id},
    )
    if request.method == "POST" and form.is_valid():
        services.add_action(audit=audit, action=form.instance, by=request.user)
        messages.success(request, "Corrective action added.")
        return redirect(audit)
    return render(request, "audits/audit_subform.html", {
        "form": form, "audit": audit, "title": "Add a corrective action",
        "lead": "Agree the action with the practitioner; it is followed up until you verify it.",
    })


@login_required
def action_detail(request, pk):
    user, today = request.user, timezone.localdate()
    action = get_object_or_404(
        CorrectiveAction.objects.visible_to(user)
        .select_related("audit__child", "audit__auditor", "owner", "verified_by"),
        pk=pk,
    )
    data = request.POST if request.method == "POST" else None
    done_form = DoneForm(data if "done" in request.POST else None, prefix="done", today=today)
    verify_form = VerifyForm(data if "verify" in request.POST else None, prefix="verify", action=action, today=today)
    if request.method == "POST":
        if "verify" in request.POST and action.can_verify(user):
            if verify_form.is_valid():
                verified = action.verify(by=user, on=today, done_on=verify_form.cleaned_data.get("done_on"))
                _tell(request, verified, "Action verified.", "Someone else verified this action first.")
                return redirect(action.audit)
        elif "done" in request.POST and action.can_mark_done(user):
            if done_form.is_valid():
                done = action.mark_done(done_form.cleaned_data["done_on"], by=user)
                _tell(request, done, "Action recorded as done.", "This action had already been recorded as done.")
                return redirect(action)
        else:
            raise Http404
    return render(request, "audits/action_detail.html", {
        "action": action,
        "audit": action.audit,
        "done_form": done_form if action.can_mark_done(user) else None,
        "verify_form": verify_form if action.can_verify(user) else None,
        "today": today,
    })


def _tell(request, changed, success, conflict):
    if changed:
        messages.success(request, success)
    else:
        messages.warning(request, conflict)
