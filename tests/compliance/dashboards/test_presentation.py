"""The matrix turned to read as the standards do: named standards as rows, grouped, teams as columns."""
from compliance.dashboards import presentation
from compliance.dashboards.selectors import team_matrix
from compliance.rules import RULES

from .helpers import TODAY
from .test_matrix import scope


def test_every_rule_belongs_to_one_of_the_standards_groups():
    assert set(presentation.GROUP_OF) == {rule.code for rule in RULES}


def test_standards_are_rows_in_their_groups_and_teams_then_totals_are_columns(gaps, head_of_service, team):
    matrix = team_matrix(head_of_service, scope(head_of_service), TODAY)
    groups = presentation.by_standard(matrix)
    assert [name for name, _ in groups] == ["Supervision", "Children's records", "Management"]
    records = dict(groups)["Children's records"]
    chronology = next(line for line in records if line.rule.code == "CHRON-MISSING")
    labels = [label for _, label in chronology.cells]
    assert labels == [team.name, f"{team.service.name} (all teams)", "All teams"]
    team_cell = chronology.cells[0][0]
    assert team_cell is next(c for c in matrix.rows[0].cells if c.rule.code == "CHRON-MISSING")


def test_the_page_names_each_standard_with_its_code_as_a_secondary_label(client, gaps, head_of_service):
    client.force_login(head_of_service)
    page = client.get("/dashboards/teams/").content.decode()
    code = '<span class="govuk-body-s oversight-secondary oversight-matrix__code">CHRON-MISSING'
    assert f"Chronology started {code}" in page
    assert '<th scope="colgroup"' in page
