"""The monthly performance reports: the list of kept months, and one report as a page, PDF or CSV."""
import datetime

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from cases.models import Grade

from ..models import MonthlyReport
from . import exports, pdf
from . import report as reports
from .access import report_services
from .ratings import thresholds


@login_required
def report_list(request):
    services = report_services(request.user)
    kept = MonthlyReport.objects.filter(service__in=services).select_related("service")
    return render(request, "compliance/dashboards/reports.html", {"reports": kept})


def _grades(kept, key="grades"):
    kept_grades = kept.figures.get(key) or {}
    return [(label, kept_grades.get(value, 0)) for value, label in Grade.choices]


@login_required
def report_detail(request, service, year, month):
    try:
        first = datetime.date(year, month, 1)
    except ValueError:
        raise Http404 from None
    kept = get_object_or_404(
        MonthlyReport.objects.select_related("service"), service__in=report_services(request.user),
        service=service, month=first,
    )
    context = {
        "report": kept, "lines": reports.lines(kept), "months": reports.months(kept), "grades": _grades(kept),
        "sign_off_grades": _grades(kept, "sign_off_grades"), "sign_off_teams": kept.figures.get("sign_off_teams", []),
        "leadership_teams": kept.figures.get("leadership_teams"),
        "thresholds": thresholds(), "demonstration_months": reports.demonstration_months(kept),
    }
    filename = f"performance-{slugify(kept.service.name)}-{first:%Y-%m}"
    export = request.GET.get("export")
    if export == "csv":
        return exports.report_csv(kept, context["lines"], filename, context["leadership_teams"])
    if export == "pdf":
        response = HttpResponse(pdf.render_pdf("compliance/dashboards/report_pdf.html", context),
                                content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
        return response
    return render(request, "compliance/dashboards/report.html", context)
