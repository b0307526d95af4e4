"""The dashboard pages as a manager uses them: the matrix, a red figure, the children behind it, CSV, trends."""
import csv
import datetime
import io

import pytest
from django.urls import reverse

from compliance.models import Snapshot
from organisation.models import Team
from tests.factories import ChildFactory, StaffFactory

from .helpers import NOW, children, swept

pytestmark = pytest.mark.usefixtures("pinned")


def rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_the_head_of_services_matrix_shows_a_red_figure_in_words_and_links_to_who_is_behind_it(
    client, gaps, head_of_service, team
):
    client.force_login(head_of_service)
    page = client.get(reverse("dashboards:teams")).content.decode()
    drill = reverse("dashboards:breaches", args=["CHRON-MISSING"]) + f"?team={team.pk}"
    assert f'href="{drill}"' in page
    assert ">Red</strong>" in page and "1 of 2" in page
    breaches = client.get(drill).content.decode()
    assert gaps["missing"].get_absolute_url() in breaches
    assert gaps["kept"].get_absolute_url() not in breaches
    assert client.get(gaps["missing"].get_absolute_url()).status_code == 200


def test_the_drill_down_never_shows_a_child_outside_the_users_scope(client, gaps, team_manager, other_team):
    client.force_login(team_manager)
    page = client.get(reverse("dashboards:breaches", args=["CHRON-MISSING"]), {"team": other_team.pk})
    assert gaps["other"].get_absolute_url() not in page.content.decode()
    assert gaps["missing"].get_absolute_url() in page.content.decode()


def test_an_unknown_standard_is_not_found(client, gaps, head_of_service):
    client.force_login(head_of_service)
    assert client.get(reverse("dashboards:breaches", args=["NOPE"])).status_code == 404


def test_every_table_exports_the_same_figures_as_csv_with_the_same_filters(client, gaps, head_of_service, team):
    client.force_login(head_of_service)
    matrix = rows(client.get(reverse("dashboards:teams"), {"category": "CP", "export": "csv"}))
    assert matrix[0] == ["Row", "Standard", "Applies to", "Compliant", "In breach", "% compliant", "Rating"]
    assert ["Team A", "CHRON-MISSING", "1", "0", "1", "0", "Red"] in matrix
    listed = rows(client.get(reverse("dashboards:breaches", args=["CHRON-MISSING"]), {"export": "csv"}))
    assert [row[2] for row in listed[1:]] == [gaps["missing"].local_id]


def test_a_csv_cell_cannot_smuggle_a_spreadsheet_formula(client, gaps, head_of_service):
    gaps["missing"].first_name = "=HYPERLINK(1)"
    gaps["missing"].save()
    client.force_login(head_of_service)
    listed = rows(client.get(reverse("dashboards:breaches", args=["CHRON-MISSING"]), {"export": "csv"}))
    assert listed[1][3].startswith("'=")


def test_trends_list_every_standard_and_chart_one_with_the_same_data_as_a_table(client, gaps, head_of_service, team):
    for month, breaches in ((datetime.date(2025, 12, 1), 2), (datetime.date(2026, 11, 1), 0)):
        Snapshot.objects.create(month=month, team=team, rule="SUP-FREQ", population=4, breaches=breaches, taken_at=NOW)
    client.force_login(head_of_service)
    overview = client.get(reverse("dashboards:trends"))
    page = overview.content.decode()
    # Every standard's overall line, each linking to its own chart; no chart drawn until one is chosen.
    assert 'href="?standard=SUP-FREQ"' in page and 'href="?standard=CHRON-MISSING"' in page
    assert "Getting better" in page and 'id="trend-data"' not in page
    response = client.get(reverse("dashboards:trends"), {"standard": "SUP-FREQ"})
    page = response.content.decode()
    assert 'id="trend-data"' in page and 'id="chart-SUP-FREQ"' in page and "chart-CHRON-MISSING" not in page
    [chart] = response.context["chart_data"]["charts"]
    assert chart["labels"][0] == "Dec 2025" and chart["labels"][-1] == "Nov 2026"
    assert chart["series"][0]["data"][0] == 50 and chart["series"][0]["data"][-1] == 100
    assert "Getting better" in page and "<td class=\"govuk-table__cell govuk-table__cell--numeric\">50%" in page
    assert ["SUP-FREQ", "Team A", "2026-11", "4", "0", "100"] in rows(
        client.get(reverse("dashboards:trends"), {"export": "csv"})
    )


def test_the_directors_dashboard_opens_on_services(client, gaps, director):
    client.force_login(director)
    response = client.get(reverse("dashboards:home"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("dashboards:services")
    assert "Compliance by service" in response.content.decode()


def test_pages_use_no_inline_script_or_style(client, gaps, head_of_service):
    client.force_login(head_of_service)
    for url in ("teams", "trends", "team", "trends?standard=SUP-FREQ"):
        name, _, query = url.partition("?")
        page = client.get(reverse(f"dashboards:{name}") + (f"?{query}" if query else "")).content.decode()
        assert " style=" not in page
        scripts = page.count("<script")
        assert scripts == page.count("<script src=") + page.count('<script type="module" src=') + page.count(
            '<script id="trend-data" type="application/json">'
        )


def big_authority(team, n):
    workers = StaffFactory.create_batch(3, team=team)
    for i in range(n):
        children(workers[i % 3], 1, breaching=i % 2 == 0)
    ChildFactory.create_batch(n // 4, worker=workers[0])
    swept()


@pytest.mark.parametrize("name", ["teams", "services", "trends", "team"])
def test_each_page_runs_a_bounded_number_of_queries_on_small_and_larger_data(
    client, gaps, director, team, name, django_assert_max_num_queries
):
    client.force_login(director)
    url = reverse(f"dashboards:{name}")
    client.get(url)  # the session's first request writes it; not the page's queries
    with django_assert_max_num_queries(60) as small:
        assert client.get(url).status_code == 200
    big_authority(team, 40)
    big_authority(Team.objects.exclude(pk=team.pk).first(), 40)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_drill_down_runs_a_bounded_number_of_queries(client, gaps, director, team, django_assert_max_num_queries):
    client.force_login(director)
    url = reverse("dashboards:breaches", args=["CHRON-MISSING"])
    client.get(url)
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    big_authority(team, 60)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
