"""A child's record history: every change to the record and what is on it, for the managers over the child."""
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from cases.views.children import get_child
from organisation.scoping import can_manage_child

from ..selectors import HISTORY_LIMIT, record_history


@login_required
def child_history(request, pk):
    child = get_child(request.user, pk)
    if not can_manage_child(request.user, child):
        raise Http404
    return render(
        request, "traceability/record_history.html",
        {"child": child, "changes": record_history(child.pk), "limit": HISTORY_LIMIT},
    )
