"""Teams (and services) by standard: % compliant from who the standard applies to and the open flags."""
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compliance.dashboards.filters import DashboardFilter
from compliance.dashboards.ratings import GREEN, RED
from compliance.dashboards.selectors import service_matrix, team_matrix
from compliance.models import Flag
from compliance.services import change_standard
from tests.factories import ChildFactory

from .helpers import TODAY, swept


def scope(user, **data):
    return DashboardFilter(data, Flag.objects.all(), user=user).scope


def cell(row, code):
    return next(c for c in row.cells if c.rule.code == code)


def test_a_head_of_service_sees_their_teams_with_the_count_behind_each_figure(gaps, head_of_service, team):
    matrix = team_matrix(head_of_service, scope(head_of_service), TODAY)
    assert [row.label for row in matrix.rows] == [team.name]
    chronologies = cell(matrix.rows[0], "CHRON-MISSING").compliance
    assert (chronologies.population, chronologies.breaches, chronologies.percent) == (2, 1, 50)
    assert chronologies.rating == RED


def test_a_figure_links_to_the_breaches_behind_it_with_the_same_filters(gaps, head_of_service, team):
    matrix = team_matrix(head_of_service, scope(head_of_service, category="CP"), TODAY)
    drill = cell(matrix.rows[0], "CHRON-MISSING").href
    assert drill == f"/dashboards/breaches/CHRON-MISSING/?team={team.pk}&category=CP"


def test_a_category_narrows_to_the_childrens_standards(gaps, head_of_service):
    matrix = team_matrix(head_of_service, scope(head_of_service, category="CIN"), TODAY)
    assert "SUP-FREQ" not in [rule.code for rule in matrix.rules]
    chronologies = cell(matrix.rows[0], "CHRON-MISSING").compliance
    assert (chronologies.population, chronologies.breaches, chronologies.rating) == (1, 0, GREEN)
    assert cell(matrix.rows[0], "CHRON-MISSING").href == ""


def test_a_worker_narrows_to_their_children_and_themselves(gaps, head_of_service, social_worker):
    matrix = team_matrix(head_of_service, scope(head_of_service, worker=social_worker.pk), TODAY)
    assert "TEAM-MEETING" not in [rule.code for rule in matrix.rules]
    assert cell(matrix.rows[0], "CHRON-MISSING").compliance.percent == 0
    assert cell(matrix.rows[0], "SUP-CONTRACT").compliance.population == 1


def test_a_team_outside_the_users_scope_is_not_a_filter_that_widens_it(gaps, head_of_service, other_team):
    matrix = team_matrix(head_of_service, scope(head_of_service, team=other_team.pk), TODAY)
    assert [row.label for row in matrix.rows] == ["Team A"]


def test_each_service_gets_a_total_row_and_the_director_a_row_per_service(gaps, director, other_team):
    matrix = team_matrix(director, scope(director), TODAY)
    assert [row.label for row in matrix.totals] == ["Service A (all teams)", "Service B (all teams)"]
    by_service = service_matrix(director, scope(director), TODAY)
    assert [row.label for row in by_service.rows] == ["Service A", "Service B"]
    assert cell(by_service.overall, "CHRON-MISSING").compliance.breaches == 2
    assert cell(by_service.rows[1], "CHRON-MISSING").href.endswith(f"?service={other_team.service.pk}")


def test_a_child_who_moved_team_counts_where_they_are_now(gaps, head_of_service, other_team):
    moved = gaps["missing"]
    moved.team = other_team
    moved.save()
    matrix = team_matrix(head_of_service, scope(head_of_service), TODAY)
    assert cell(matrix.rows[0], "CHRON-MISSING").compliance.breaches == 0


def test_a_disabled_standard_is_not_shown(gaps, head_of_service, administrator):
    change_standard(code="CHRON-MISSING", by=administrator, enabled=False, values={"working_days": 10})
    swept()
    assert "CHRON-MISSING" not in [r.code for r in team_matrix(head_of_service, scope(head_of_service), TODAY).rules]


def test_it_keeps_to_a_bounded_number_of_queries_however_many_children(
    gaps, head_of_service, social_worker, django_assert_max_num_queries
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            team_matrix(head_of_service, scope(head_of_service), TODAY)
        return len(queries)

    small = count()
    ChildFactory.create_batch(40, worker=social_worker)
    swept()
    with django_assert_max_num_queries(small):
        team_matrix(head_of_service, scope(head_of_service), TODAY)
