"""The access log for administrators: who looked at a child's record, what a user looked at; CSV export."""
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify

from cases.models import Child
from organisation import policy
from organisation.spreadsheets import csv_response

from ..forms import AccessLogFilterForm
from ..models import DisposalRecord
from ..selectors import access_by_user, access_to_child

PAGE_ROWS = 500


def administrators_only(user):
    if not policy.may_administer(user):
        raise Http404


@login_required
def access_log(request):
    administrators_only(request.user)
    form = AccessLogFilterForm(request.GET or None)
    entries = None
    if form.is_valid():
        data = form.cleaned_data
        entries = access_to_child(data["child"]["pk"]) if data["child"] else access_by_user(data["user"])
        if request.GET.get("format") == "csv":
            return _csv(entries, form)
        entries = _with_identifiers(list(entries[:PAGE_ROWS]))
    return render(
        request, "traceability/access_log.html",
        {"form": form, "entries": entries, "page_rows": PAGE_ROWS, "query": request.GET.urlencode()},
    )


def _with_identifiers(entries):
    """Children shown by local identifier (never by name), in one query, disposed ones included."""
    ids = {e.object_id for e in entries if e.kind == "child"}
    local_ids = dict(Child.objects.filter(pk__in=ids).values_list("pk", "local_id"))
    disposed = DisposalRecord.objects.filter(child_pk__in=ids - local_ids.keys())
    local_ids |= dict(disposed.values_list("child_pk", "local_id"))
    for entry in entries:
        entry.shown = local_ids.get(entry.object_id, "") if entry.kind == "child" else ""
    return entries


def _csv(entries, form):
    header = ["when", "user id", "username", "action", "page", "kind", "object id", "address"]
    rows = (
        [timezone.localtime(e.at).isoformat(), e.user_id or "", e.user.username if e.user else "", e.action,
         e.view_name, e.kind, e.object_id or "", e.address or ""]
        for e in entries.iterator(chunk_size=2000)
    )
    data = form.cleaned_data
    subject = data["child"]["local_id"] if data["child"] else data["user"].username
    return csv_response(f"access-log-{slugify(subject)}", header, rows, stream=True)

