"""The team manager's page: flags by standard, supervision due, the sign-off queue, audit actions, caseloads."""
import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from cases.models import AssessmentVersion, Category
from compliance.dashboards.team import bar_step, caseloads, supervision_due
from compliance.models import Flag
from organisation.models import Load, PracticeStandard
from tests.factories import (
    AssessmentVersionFactory,
    CaseFileAuditFactory,
    ChildFactory,
    CorrectiveActionFactory,
    StaffFactory,
)

from ..helpers import held
from .helpers import NOW, TODAY, swept

pytestmark = pytest.mark.usefixtures("pinned")
D = datetime.date


def test_supervision_lists_who_is_overdue_and_who_is_due_by_sunday(team, social_worker, colleague, team_manager):
    held(social_worker, D(2026, 10, 1))  # monthly: due 1 November, overdue
    held(colleague, D(2026, 10, 27))  # due 27 November, this week
    # The team manager is supervised too (SPEC 4b); never supervised, with no start in post: due now.
    swept()
    due = supervision_due(team, TODAY)
    assert [m.pk for m in due.overdue] == [social_worker.pk, team_manager.pk]
    assert due.overdue[1].due.start_unknown
    assert [m.pk for m in due.this_week] == [colleague.pk]


def test_supervision_overdue_is_what_the_matrix_counts_until_the_next_sweep(team, social_worker, colleague,
                                                                            team_manager):
    held(social_worker, D(2026, 10, 1))  # monthly: due 1 November
    held(colleague, D(2026, 10, 27))
    held(team_manager, D(2026, 11, 20))
    # Not yet swept: nobody is flagged, so nobody is listed overdue; the one gone overdue shows as due.
    due = supervision_due(team, TODAY)
    assert (due.overdue, [m.pk for m in due.this_week]) == ([], [social_worker.pk, colleague.pk])
    swept()
    due = supervision_due(team, TODAY)
    assert [m.pk for m in due.overdue] == [social_worker.pk] == [
        flag.staff_id for flag in Flag.objects.open().filter(rule="SUP-FREQ", staff__team=team)]


def test_capacity_is_the_staff_members_own_figure(team):
    newly = StaffFactory(team=team, fte=Decimal("0.60"), date_qualified=TODAY - datetime.timedelta(days=100))
    seasoned = StaffFactory(team=team, fte=Decimal("1.00"))
    # 18 cases per FTE; 80% of that while newly qualified, truncated to whole cases: 0.6 x 18 x 0.8 = 8.64.
    shown = {m.pk: m.load.capacity for m in caseloads(team, TODAY)}
    assert (shown[newly.pk], shown[seasoned.pk]) == (8, 18)


def test_the_page_weighs_caseloads_as_the_rule_does(team, social_worker):
    ChildFactory.create_batch(12, worker=social_worker, category=Category.CHILD_PROTECTION)
    PracticeStandard.objects.filter(code="CASELOAD").update(values={"cp_weight": 175})
    swept()
    member = next(m for m in caseloads(team, TODAY) if m.pk == social_worker.pk)
    assert (member.load.open_cases, member.load.shown, member.load.capacity) == (12, "21", 18)
    assert member.load.is_over and member.load.percent == 117
    assert Flag.objects.open().filter(rule="CASELOAD", staff=social_worker).exists()


@pytest.mark.parametrize("weighted, cap, step, over", [("0", 18, 0, False), ("18", 18, 65, False),
                                                       ("27", 18, 100, True), ("40", 18, 100, True),
                                                       ("3", 0, 100, True), ("18.01", 18, 65, True)])
def test_the_bar_is_a_share_of_one_and_a_half_times_capacity(weighted, cap, step, over):
    load = Load(0, Decimal(weighted), cap)
    assert (bar_step(load), load.is_over) == (step, over)


def test_caseloads_put_the_busiest_first(team, social_worker, colleague):
    ChildFactory.create_batch(3, worker=colleague)
    ChildFactory(worker=social_worker)
    assert [m.pk for m in caseloads(team, TODAY)][:2] == [colleague.pk, social_worker.pk]


def test_the_team_managers_page_shows_the_queue_the_actions_and_the_bars(
    client, team_manager, social_worker, child, head_of_service
):
    AssessmentVersionFactory(
        assessment__child=child, author=social_worker, status=AssessmentVersion.Status.SUBMITTED,
        submitted_at=NOW - datetime.timedelta(days=7),
    )
    audit = CaseFileAuditFactory(child=child, auditor=team_manager)
    CorrectiveActionFactory(audit=audit, owner=social_worker, due_on=D(2026, 11, 2), what="Update the plan.")
    client.force_login(team_manager)
    response = client.get(reverse("dashboards:home"), follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("dashboards:team")
    assert "Awaiting sign-off (1)" in page and child.full_name in page
    assert "Audit actions overdue (1)" in page and "Update the plan." in page
    assert "oversight-bar__fill--w" in page and "of capacity" in page
    assert response.context["sign_offs"][0].waiting == 5
    caseload_csv = client.get(reverse("dashboards:team"), {"export": "caseloads"}).content.decode()
    assert caseload_csv.startswith("Worker,FTE,Open cases,Weighted caseload,Capacity,% of capacity,Status")


def test_a_head_of_service_picks_one_of_their_teams_and_no_other(client, head_of_service, team, other_team):
    second = type(team).objects.create(name="Team A2", service=team.service)
    client.force_login(head_of_service)
    assert client.get(reverse("dashboards:team"), {"team": second.pk}).context["team"] == second
    assert client.get(reverse("dashboards:team"), {"team": other_team.pk}).context["team"] != other_team
