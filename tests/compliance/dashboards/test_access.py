"""Every dashboards URL x every persona: managers within their teams, heads of service and directors for reports,
404 for everyone else, anonymous sent to sign in. tests/test_url_matrix.py can read MATRIX and NOT_LOGGED from here."""
import datetime

import pytest
from django.urls import reverse

from compliance.dashboards import report, urls

from .helpers import NOW

ANONYMOUS = None
PERSONAS = [
    "social_worker", "colleague", "team_manager", "head_of_service", "director",
    "iro", "administrator", "outsider", "other_manager", ANONYMOUS,
]
MANAGERS = ("team_manager", "head_of_service", "director", "other_manager")


def only(status, *personas):
    return {p: (status if p in personas else 404) for p in PERSONAS if p} | {ANONYMOUS: "login"}




def kept_report(team):
    """URL arguments of the team's service's October report, kept on first use (generating is idempotent)."""
    report.generate(service=team.service, month=datetime.date(2026, 10, 1), now=NOW)
    return [team.service_id, 2026, 10]


MATRIX = {
    "home": (lambda w: [], only(302, *MANAGERS)),
    "teams": (lambda w: [], only(200, *MANAGERS)),
    "services": (lambda w: [], only(200, *MANAGERS)),
    "breaches": (lambda w: ["CHRON-MISSING"], only(200, *MANAGERS)),
    "trends": (lambda w: [], only(200, *MANAGERS)),
    "team": (lambda w: [], only(200, *MANAGERS)),
    "sign_off_quality": (lambda w: [], only(200, *MANAGERS)),
    "reports": (lambda w: [], only(200, "head_of_service", "director")),
    "report": (lambda w: kept_report(w["team"]), only(200, "head_of_service", "director")),
}
OTHER_SERVICE = {"report": (lambda w: kept_report(w["other_team"]), only(200, "director"))}
# None of them shows a child's record: figures, and lists of names and dates behind them.
NOT_LOGGED = {f"dashboards:{name}": "a dashboard or report: figures and lists, not a record" for name in MATRIX}


@pytest.fixture
def world(team, other_team, child, other_child):
    return {"team": team, "other_team": other_team}


def expect(response, status):
    if status == "login":
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    else:
        assert response.status_code == status


def test_every_dashboards_url_is_in_the_matrix():
    assert {pattern.name for pattern in urls.urlpatterns} == set(MATRIX)


@pytest.mark.usefixtures("pinned")
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_page_answers_each_persona_by_scope(client, request, world, name, persona):
    args, expected = MATRIX[name]
    if persona is not None:
        client.force_login(request.getfixturevalue(persona))
    expect(client.get(reverse(f"dashboards:{name}", args=args(world))), expected[persona])


@pytest.mark.usefixtures("pinned")
@pytest.mark.parametrize("persona", PERSONAS)
def test_another_services_report_is_out_of_scope(client, request, world, persona):
    args, expected = OTHER_SERVICE["report"]
    if persona is not None:
        client.force_login(request.getfixturevalue(persona))
    expect(client.get(reverse("dashboards:report", args=args(world))), expected[persona])
