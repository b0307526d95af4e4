"""Retention for administrators: the rules, closed records past retention, legal holds, disposals."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from organisation import writes

from .. import retention
from ..forms import LegalHoldForm
from ..models import DisposalRecord, LegalHold, RetentionRule
from .access import administrators_only

LISTED = 200


@login_required
def retention_page(request):
    administrators_only(request.user)
    form = LegalHoldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        LegalHold.objects.create(
            child=form.cleaned_data["local_id"], reason=form.cleaned_data["reason"], placed_by=request.user
        )
        messages.success(request, f"{form.cleaned_data['local_id'].local_id} is under a legal hold.")
        return redirect("traceability:retention")
    today = timezone.localdate()
    rules = retention.rules_by_category()
    due = list(retention.past_retention(today)[:LISTED])
    for child in due:
        child.rule = rules[child.category]
        child.due_on = child.rule.due_on(child)
    return render(
        request, "traceability/retention.html",
        {
            "form": form, "rules": RetentionRule.objects.all(), "due": due, "listed": LISTED,
            "holds": LegalHold.objects.active().select_related("child", "placed_by"),
            "disposals": DisposalRecord.objects.select_related("disposed_by")[:50],
        },
    )


@login_required
@require_POST
def lift_hold(request, pk):
    administrators_only(request.user)
    hold = get_object_or_404(LegalHold.objects.active(), pk=pk)
    # Two administrators lifting at once make one lift; lifted_by/at record who and when.
    writes.transition(hold, {"lifted_at": None}, by=request.user, lifted_at=timezone.now(), lifted_by=request.user)
    messages.success(request, f"The legal hold on {hold.child.local_id} is lifted.")
    return redirect("traceability:retention")


@login_required
@require_POST
def dispose(request):
    administrators_only(request.user)
    records = retention.dispose_due(today=timezone.localdate(), by=request.user, limit=LISTED)
    messages.success(request, f"{len(records)} record(s) disposed of; each disposal is logged below.")
    return redirect("traceability:retention")
