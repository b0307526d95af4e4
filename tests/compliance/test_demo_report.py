"""The demo's monthly report: its latest month is what the records give; invented months say so (SPEC 4b)."""
import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from compliance import snapshots
from compliance.dashboards.report import MEASURES
from compliance.models import Flag, MonthlyReport, Snapshot
from organisation.models import StaffMember, Team

from .helpers import LONDON, D

TODAY = D(2026, 12, 15)
LATEST = D(2026, 11, 1)


@pytest.fixture
def demo(db):
    with time_machine.travel(datetime.datetime(2026, 12, 15, 8, tzinfo=LONDON)):
        call_command("seed_demo", teams=2, practitioners_per_team=4, children=60, stdout=StringIO())
        yield


def test_the_latest_months_snapshot_is_the_monthly_jobs_figures_from_the_records(demo):
    kept = set(Snapshot.objects.filter(month=LATEST).values_list("rule", "team", "population", "breaches"))
    measured = set(snapshots.measure(today=D(2026, 12, 1)))  # as the job measures it on the 1st
    assert kept == measured and kept
    assert not Snapshot.objects.filter(month__gte=LATEST, demonstration=True).exists()
    assert Snapshot.objects.filter(month__lt=LATEST, demonstration=True).exists()
    assert not Snapshot.objects.filter(month__lt=LATEST, demonstration=False).exists()


def test_the_demo_reports_latest_month_equals_what_the_records_give(demo):
    measured = snapshots.measure(today=D(2026, 12, 1))
    service_of = dict(Team.objects.values_list("pk", "service"))
    checked = 0
    for report in MonthlyReport.objects.filter(month=LATEST, service__in=service_of.values()):
        totals = {}
        for code, team_id, population, breaches in measured:
            if service_of[team_id] == report.service_id:
                before = totals.get(code, (0, 0))
                totals[code] = (before[0] + population, before[1] + breaches)
        for measure in MEASURES:
            if not measure.rules or measure.rules[0] not in totals:
                continue
            population = totals[measure.rules[0]][0]
            breaches = sum(totals[code][1] for code in measure.rules if code in totals)
            assert report.figures["measures"][measure.key][-1] == [population - breaches, population], measure.key
            checked += 1
        assert LATEST.isoformat() not in report.figures["demonstration_months"]
        assert len(report.figures["demonstration_months"]) == 11
    assert checked  # the report has percentages from the standards, in each service with teams


def test_the_report_page_pdf_and_csv_label_the_invented_months(demo, client):
    report = MonthlyReport.objects.filter(month=LATEST, service__teams__isnull=False).first()
    client.force_login(StaffMember.objects.get(username="director"))
    url = reverse("dashboards:report", args=[report.service_id, 2026, 11])
    page = client.get(url).content.decode()
    assert "Demonstration history: the figures for December 2025 to October 2026 were invented" in page
    csv = client.get(url, {"export": "csv"}).content.decode()
    source = next(line for line in csv.splitlines() if line.startswith("Source of the figures"))
    assert source.count("demonstration history") == 11 and source.rstrip(",").endswith("the records")
    assert client.get(url, {"export": "pdf"})["Content-Type"] == "application/pdf"


def test_the_demo_flags_some_staff_but_not_everyone(demo):
    supervised = StaffMember.objects.supervised()
    assert not supervised.filter(started_in_post__isnull=True).exists()
    for code in ("APPRAISAL", "OBSERVATION", "SUP-FREQ"):
        flagged = Flag.objects.open().filter(rule=code).count()
        assert 0 < flagged < supervised.count(), code
