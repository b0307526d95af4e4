"""The administrator's import pages (dry run, then confirm) and the Annex A export."""
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from organisation import policy

from . import tasks
from .export import annex_a_workbook
from .forms import ExportForm, UploadForm
from .imports import new_batch, queried
from .models import ImportBatch

ROWS_PER_PAGE = 200
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _administrator(request):
    # Imports load every child of the council: administrators only; anyone else is told nothing exists.
    if not policy.may_administer(request.user):
        raise Http404


@login_required
def imports(request):
    _administrator(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        batch = new_batch(file_name=upload.name, payload=upload.read(), by=request.user,
                          fallback_team=form.cleaned_data["fallback_team"])
        transaction.on_commit(lambda: tasks.check_batch.delay(batch.pk))
        return redirect(batch)
    batches = ImportBatch.objects.select_related("uploaded_by").defer("payload", "report")[:20]
    return render(request, "returns/imports.html", {"form": form, "batches": batches})


@login_required
def batch(request, pk):
    _administrator(request)
    batch = get_object_or_404(ImportBatch.objects.defer("payload"), pk=pk)
    show = request.GET.get("show", "all")
    lines = batch.report if show == "all" else [line for line in batch.report if line["outcome"] == show]
    page = Paginator(lines, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "returns/batch.html",
                  {"batch": batch, "page": page, "show": show, "queried": queried(batch)})


@require_POST
@login_required
def confirm(request, pk):
    _administrator(request)
    batch = get_object_or_404(ImportBatch.objects.defer("payload"), pk=pk)
    # Only children the dry run queried can be accepted; anything else posted is ignored.
    accepted = sorted(set(request.POST.getlist("accept")) & set(queried(batch)))
    # Only a checked batch moves on, and only once, however often the button is pressed.
    if ImportBatch.objects.filter(pk=pk, status=ImportBatch.Status.CHECKED).update(
        status=ImportBatch.Status.CONFIRMED, accepted_queries=accepted, progress_at=timezone.now()
    ):
        transaction.on_commit(lambda: tasks.import_batch.delay(pk))
    return redirect("returns:batch", pk=pk)


@login_required
def export(request):
    _administrator(request)
    form = ExportForm(request.GET if "as_of" in request.GET else None)
    if form.is_bound and form.is_valid():
        as_of = form.cleaned_data["as_of"]
        response = HttpResponse(content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="annex-a-{as_of.isoformat()}.xlsx"'
        annex_a_workbook(as_of).save(response)
        return response
    form.helper.form_method = "get"
    return render(request, "returns/export.html", {"form": form})
