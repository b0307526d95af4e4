"""The audit list's filters (a django-filter FilterSet): each narrows the list, an invalid value is ignored."""
import datetime

import pytest
from django.urls import reverse

from audits.models import Answer, AuditStatus
from cases.models import Grade
from tests.factories import AuditAnswerFactory, CaseFileAuditFactory, ChildFactory, CorrectiveActionFactory

pytestmark = pytest.mark.usefixtures("pinned")  # today is 10 March 2026


@pytest.fixture
def audits(child, social_worker, team_manager, other_child):
    good = CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade=Grade.GOOD,
                                audited_on=datetime.date(2026, 3, 2))
    AuditAnswerFactory(audit=good, item="chronology", answer=Answer.NOT_MET)
    CorrectiveActionFactory(audit=good, due_on=datetime.date(2026, 3, 9))  # overdue since yesterday
    improving = CaseFileAuditFactory(child=ChildFactory(worker=social_worker), auditor=team_manager,
                                     status=AuditStatus.COMPLETED, grade=Grade.REQUIRES_IMPROVEMENT,
                                     audited_on=datetime.date(2026, 3, 1))
    CorrectiveActionFactory(audit=improving, due_on=datetime.date(2026, 3, 10))  # due today: not yet overdue
    draft = CaseFileAuditFactory(child=child, auditor=team_manager, audited_on=datetime.date(2026, 3, 3))
    CaseFileAuditFactory(child=other_child, status=AuditStatus.COMPLETED, grade=Grade.GOOD)  # outside the scope
    return {"good": good, "improving": improving, "draft": draft}


def listed(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("audits:list"), params)
    assert response.status_code == 200
    return {audit.pk for audit in response.context["page"]}, response.context["description"]


@pytest.mark.parametrize(("params", "expected", "description"), [
    ({}, {"good", "improving", "draft"}, ""),
    ({"grade": Grade.GOOD}, {"good"}, "graded good"),
    ({"status": AuditStatus.DRAFT}, {"draft"}, "draft"),
    ({"item": "chronology"}, {"good"}, "not meeting"),
    ({"overdue": "on"}, {"good"}, "with overdue corrective actions"),
    ({"since": "2026-03-02"}, {"good", "draft"}, "since 2 March 2026"),
    ({"since": "2026-03-03"}, {"draft"}, "since 3 March 2026"),
    ({"grade": "excellent", "item": "nonsense", "since": "2026-02-30"}, {"good", "improving", "draft"}, ""),
])
def test_each_filter_narrows_the_list_and_an_invalid_value_is_ignored(
    client, team_manager, audits, params, expected, description
):
    pks, words = listed(client, team_manager, **params)
    assert pks == {audits[name].pk for name in expected}
    assert description in words if description else words == ""


def test_a_team_or_service_outside_the_scope_is_ignored_and_ones_within_it_narrow(
    client, team_manager, team, other_team, audits
):
    everything = {audit.pk for audit in audits.values()}
    assert listed(client, team_manager, team=other_team.pk) == (everything, "")
    assert listed(client, team_manager, service=other_team.service.pk) == (everything, "")
    assert listed(client, team_manager, team=team.pk, grade=Grade.GOOD) == (
        {audits["good"].pk}, f"of {team}, graded good"
    )
    assert listed(client, team_manager, service=team.service.pk)[0] == everything
