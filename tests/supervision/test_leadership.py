"""Visible leadership (W 6): directors and heads of service record office visits, team meetings and briefings."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from compliance.dashboards import report
from supervision.models import LeadershipVisit
from tests.factories import LeadershipVisitFactory, TeamFactory

D = datetime.date
TODAY = datetime.datetime(2026, 11, 23, 10)
OCTOBER = D(2026, 10, 1)
FRIDAY = D(2026, 11, 20)


def visit_data(teams, day=FRIDAY, kind="office_visit", note="Sat with the duty desk."):
    return {
        "held_on_0": day.day, "held_on_1": day.month, "held_on_2": day.year,
        "kind": kind, "teams": [team.pk for team in teams], "note": note,
    }


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


def test_a_head_of_service_records_a_visit_to_their_teams(client, head_of_service, team):
    second = TeamFactory(name="Team A2", service=team.service)
    client.force_login(head_of_service)
    response = client.post(reverse("supervision:leadership_new"), visit_data([team, second], kind="briefing"))
    assert response.status_code == 302
    visit = LeadershipVisit.objects.get()
    assert (visit.leader, visit.kind, set(visit.teams.all())) == (head_of_service, "briefing", {team, second})
    page = client.get(reverse("supervision:leadership")).content.decode()
    assert "Briefing or engagement session" in page and "Team A2" in page


def test_the_teams_offered_are_those_in_the_users_scope(client, head_of_service, team, other_team):
    client.force_login(head_of_service)
    page = client.get(reverse("supervision:leadership_new")).content.decode()
    assert "Team A" in page and "Team B" not in page
    response = client.post(reverse("supervision:leadership_new"), visit_data([other_team]))
    assert response.status_code == 200 and "Select teams from the list" in response.content.decode()
    assert not LeadershipVisit.objects.exists()


def test_a_director_may_record_a_visit_to_any_team(client, director, team, other_team):
    client.force_login(director)
    client.post(reverse("supervision:leadership_new"), visit_data([team, other_team], kind="team_meeting"))
    assert set(LeadershipVisit.objects.get(leader=director).teams.all()) == {team, other_team}


@pytest.mark.parametrize("day, accepted", [
    (D(2026, 11, 22), True),  # yesterday
    (D(2026, 11, 23), True),  # today
    (D(2026, 11, 24), False),  # tomorrow: not yet happened
])
def test_the_date_is_today_or_in_the_past(client, head_of_service, team, day, accepted):
    client.force_login(head_of_service)
    response = client.post(reverse("supervision:leadership_new"), visit_data([team], day=day))
    assert LeadershipVisit.objects.exists() is accepted
    if not accepted:
        assert "Date must be today or in the past" in response.content.decode()


def test_every_question_must_be_answered(client, head_of_service, team):
    client.force_login(head_of_service)
    response = client.post(reverse("supervision:leadership_new"), {"note": " "})
    page = response.content.decode()
    assert "Error: " in page
    for message in ("Enter the day, month and year", "Select what it was", "Select at least one team",
                    "Enter a short note"):
        assert message in page
    assert not LeadershipVisit.objects.exists()


def test_a_head_of_service_sees_only_visits_to_their_service(client, head_of_service, director, team, other_team):
    LeadershipVisitFactory(leader=director, teams=[team], note="Visit to A")
    LeadershipVisitFactory(leader=director, teams=[other_team], note="Visit to B")
    LeadershipVisitFactory(leader=director, teams=[team, other_team], note="Briefing for both")
    client.force_login(head_of_service)
    page = client.get(reverse("supervision:leadership")).content.decode()
    assert "Visit to A" in page and "Briefing for both" in page and "Visit to B" not in page
    assert page.count("Briefing for both") == 1  # one row, not one per team


@pytest.mark.parametrize("persona", ["social_worker", "team_manager", "iro", "administrator"])
def test_anyone_else_gets_not_found(client, request, team, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("supervision:leadership")).status_code == 404
    assert client.post(reverse("supervision:leadership_new"), visit_data([team])).status_code == 404
    assert not LeadershipVisit.objects.exists()


def test_the_monthly_report_counts_each_kind_by_team_for_the_month(head_of_service, director, team, other_team):
    quiet = TeamFactory(name="Team A3", service=team.service)
    kinds = LeadershipVisit.Kind
    LeadershipVisitFactory(leader=head_of_service, teams=[team], held_on=D(2026, 9, 30))  # September's
    LeadershipVisitFactory(leader=head_of_service, teams=[team], held_on=D(2026, 10, 1))  # the first day
    LeadershipVisitFactory(leader=director, teams=[team], held_on=D(2026, 10, 31))  # the last day
    LeadershipVisitFactory(leader=director, teams=[team], held_on=D(2026, 11, 1))  # November's
    LeadershipVisitFactory(leader=director, teams=[team, other_team], kind=kinds.BRIEFING, held_on=D(2026, 10, 9))
    LeadershipVisitFactory(leader=head_of_service, teams=[team], kind=kinds.TEAM_MEETING, held_on=D(2026, 10, 12))
    values = report.measure_month(team.service, OCTOBER)
    assert values["leadership_teams"] == [["Team A", 2, 1, 1], [quiet.name, 0, 0, 0]]
    # Service B's report counts the shared briefing for its own team only.
    assert report.measure_month(other_team.service, OCTOBER)["leadership_teams"] == [["Team B", 0, 0, 1]]


def test_the_report_page_pdf_and_csv_show_visible_leadership(client, head_of_service, team):
    LeadershipVisitFactory(leader=head_of_service, teams=[team], held_on=D(2026, 10, 14))
    kept, _ = report.generate(service=team.service, month=OCTOBER, now=datetime.datetime(2026, 11, 2, 9))
    client.force_login(head_of_service)
    url = reverse("dashboards:report", args=[team.service.pk, 2026, 10])
    page = client.get(url).content.decode()
    assert "Visible leadership in October" in page
    assert 'data-label="Office visits" class="govuk-table__cell govuk-table__cell--numeric">1<' in page
    lines = client.get(url, {"export": "csv"}).content.decode().splitlines()
    assert lines[-1] == "Team A,1,0,0"
    assert lines[-2].startswith("Visible leadership in 2026-10: team,Office visits")
    assert client.get(url, {"export": "pdf"}).status_code == 200


def test_a_report_kept_before_visible_leadership_existed_still_shows(client, head_of_service, team):
    kept, _ = report.generate(service=team.service, month=OCTOBER, now=datetime.datetime(2026, 11, 2, 9))
    del kept.figures["leadership_teams"]
    kept.save()
    client.force_login(head_of_service)
    url = reverse("dashboards:report", args=[team.service.pk, 2026, 10])
    response = client.get(url)
    assert response.status_code == 200 and "Visible leadership" not in response.content.decode()
    assert "Visible leadership" not in client.get(url, {"export": "csv"}).content.decode()
