"""Every CSV export writes text a spreadsheet would run as a formula as text (organisation/spreadsheets.py)."""
import csv
import datetime
import io

import pytest
from django.urls import reverse

from cases.models import AssessmentVersion
from compliance.dashboards import report
from compliance.models import Snapshot
from tests.factories import AssessmentVersionFactory, CaseFileAuditFactory, CorrectiveActionFactory, CpdEntryFactory

from ..helpers import held
from .helpers import NOW, swept

pytestmark = pytest.mark.usefixtures("pinned")
D = datetime.date
FORMULA = "=HYPERLINK(1)"


@pytest.fixture
def hostile(team, social_worker, team_manager, gaps):
    """A team, a service, a worker, a child and an action each named like a formula, on every export's rows."""
    team.name = team.service.name = FORMULA
    team.save()
    team.service.save()
    social_worker.first_name = FORMULA
    social_worker.save()
    child = gaps["missing"]
    child.first_name, child.local_id = FORMULA, FORMULA
    child.save()
    held(social_worker, D(2026, 10, 1))  # supervision overdue
    AssessmentVersionFactory(assessment__child=child, author=social_worker,
                             status=AssessmentVersion.Status.SUBMITTED, submitted_at=NOW)
    audit = CaseFileAuditFactory(child=child, auditor=team_manager, status="completed", grade="good")
    CorrectiveActionFactory(audit=audit, what=FORMULA, due_on=D(2026, 11, 1))
    for month in (D(2026, 9, 1), D(2026, 10, 1)):
        Snapshot.objects.create(month=month, team=team, rule="SUP-FREQ", population=4, breaches=1, taken_at=NOW)
    report.generate(service=team.service, month=D(2026, 10, 1), now=NOW)
    CpdEntryFactory(staff=social_worker, activity=FORMULA, done_on=D(2026, 11, 2))
    swept()
    return team


EXPORTS = [
    ("dashboards:teams", [], {"export": "csv"}, "head_of_service"),
    ("dashboards:services", [], {"export": "csv"}, "director"),
    ("dashboards:breaches", ["CHRON-MISSING"], {"export": "csv"}, "head_of_service"),
    ("dashboards:breaches", ["SUP-FREQ"], {"export": "csv"}, "head_of_service"),
    ("dashboards:trends", [], {"export": "csv", "standard": "SUP-FREQ"}, "head_of_service"),
    ("dashboards:team", [], {"export": "supervision"}, "team_manager"),
    ("dashboards:team", [], {"export": "sign_off"}, "team_manager"),
    ("dashboards:team", [], {"export": "actions"}, "team_manager"),
    ("dashboards:team", [], {"export": "caseloads"}, "team_manager"),
    ("dashboards:team", [], {"export": "sign_off_quality"}, "team_manager"),
    ("dashboards:report", ["service", 2026, 10], {"export": "csv"}, "head_of_service"),
    ("supervision:cpd_export", [2026], {}, "social_worker"),
]


@pytest.mark.parametrize(("name", "args", "params", "persona"), EXPORTS)
def test_every_csv_export_writes_a_formula_as_text(request, client, hostile, name, args, params, persona):
    client.force_login(request.getfixturevalue(persona))
    args = [hostile.service_id if arg == "service" else arg for arg in args]
    response = client.get(reverse(name, args=args), params)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    cells = [cell for row in csv.reader(io.StringIO(body.decode())) for cell in row]
    assert [cell for cell in cells if cell.startswith("'" + FORMULA)]
    assert not [cell for cell in cells if cell.startswith("=")]
