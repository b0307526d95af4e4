"""Findings per team and service; every figure drills down to exactly the audits behind it."""
import datetime

import pytest
from django.urls import reverse

from audits.models import Answer, AuditStatus
from cases.models import Grade
from tests.factories import AuditAnswerFactory, CaseFileAuditFactory, ChildFactory, CorrectiveActionFactory, TeamFactory

pytestmark = pytest.mark.usefixtures("pinned")


def completed(child, auditor, grade, on=datetime.date(2026, 3, 2)):
    return CaseFileAuditFactory(child=child, auditor=auditor, status=AuditStatus.COMPLETED, grade=grade, audited_on=on)


@pytest.fixture
def audits(team_manager, social_worker, head_of_service):
    """Team A: two good and one inadequate audit this quarter, one older, one draft; a second team in the service."""
    children = ChildFactory.create_batch(5, worker=social_worker)
    good = [completed(children[0], team_manager, Grade.GOOD), completed(children[1], team_manager, Grade.GOOD)]
    weak = completed(children[2], head_of_service, Grade.INADEQUATE, on=datetime.date(2026, 1, 15))
    old = completed(children[3], team_manager, Grade.OUTSTANDING, on=datetime.date(2025, 12, 31))
    draft = CaseFileAuditFactory(child=children[4], auditor=team_manager)
    for audit in (good[0], weak):
        AuditAnswerFactory(audit=audit, item="chronology", answer=Answer.NOT_MET)
    AuditAnswerFactory(audit=weak, item="photo", answer=Answer.NOT_MET)
    CorrectiveActionFactory(audit=old, due_on=datetime.date(2026, 3, 9))
    CorrectiveActionFactory(audit=weak, due_on=datetime.date(2026, 3, 10))
    second = TeamFactory(name="Team C", service=social_worker.team.service)
    completed(ChildFactory(team=second, worker=None), head_of_service, Grade.GOOD)
    return {"good": good, "weak": weak, "old": old, "draft": draft, "second": second}


def page(client, user, **params):
    client.force_login(user)
    return client.get(reverse("audits:findings"), params).context


def test_team_figures_count_completed_audits_in_the_period_against_the_programme(client, team_manager, audits):
    (total, rows), = page(client, team_manager)["by_service"]
    (row,) = rows
    assert (row.done, row.expected, row.overdue) == (3, 6, 1)
    assert row.grades == {"outstanding": 0, "good": 2, "requires_improvement": 0, "inadequate": 1}


def test_a_service_total_adds_up_its_teams(client, head_of_service, audits):
    (total, rows), = page(client, head_of_service)["by_service"]
    assert [row.label for row in rows] == ["Team A", "Team C"]
    assert (total.done, total.expected, total.grades["good"]) == (4, 6, 3)  # Team C has no manager


def test_the_items_most_often_not_met_come_first(client, team_manager, audits):
    items = page(client, team_manager)["items"]
    assert [(row["item"].code, row["n"], row["percent"]) for row in items] == [("chronology", 2, 67), ("photo", 1, 33)]


def test_a_longer_period_takes_in_older_audits(client, team_manager, audits):
    (total, (row,)), = page(client, team_manager, months="6")["by_service"]
    assert row.done == 4 and row.expected == 12


def test_each_figure_lists_exactly_the_audits_behind_it(client, team_manager, audits):
    (total, (row,)), = page(client, team_manager)["by_service"]
    links = row.links

    def listed(url):
        return {audit.pk for audit in client.get(url).context["page"]}

    assert listed(links["done"]) == {a.pk for a in audits["good"]} | {audits["weak"].pk}
    grade_links = {grade.value: url for grade, n, url in links["grades"]}
    assert listed(grade_links["inadequate"]) == {audits["weak"].pk}
    assert listed(links["overdue"]) == {audits["old"].pk}
    chronology = page(client, team_manager)["items"][0]["url"]
    assert listed(chronology) == {audits["good"][0].pk, audits["weak"].pk}
    not_met = {audit.pk: audit.not_met for audit in client.get(chronology).context["page"]}
    assert not_met[audits["weak"].pk] == 2  # the list still counts every item not met


def test_a_team_manager_sees_only_their_own_teams(client, other_team, audits):
    (total, (row,)), = page(client, other_team.manager)["by_service"]
    assert row.team == other_team and row.done == 0


def test_the_findings_page_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, head_of_service, audits
):
    for n in range(5):
        TeamFactory(name=f"Extra {n}", service=audits["second"].service)
    client.force_login(head_of_service)
    with django_assert_max_num_queries(13):  # 12, and the header's unread-notification count
        assert client.get(reverse("audits:findings")).status_code == 200
