"""The personal section (W 3, W 5): in the practitioner's personal supervision file, never on a child's record,
read only by the practitioner and their line-management chain."""
import datetime

import pytest
from django.urls import reverse

from cases import timeline
from cases.models import ManagementDecision
from supervision.models import CaseDiscussion, PersonalSection, SupervisionSession
from tests.factories import CaseDiscussionFactory, SupervisionSessionFactory

SECRETS = {
    "workload": "SECRET-WORKLOAD too many court cases",
    "wellbeing": "SECRET-WELLBEING bereavement leave",
    "risk_to_practitioner": "SECRET-RISK threatened at a visit",
    "training_needs": "SECRET-TRAINING court skills",
    "strengths": "SECRET-STRENGTHS rapport with teenagers",
}
RECORD = "SECRET-RECORD about the practitioner's own development"


@pytest.fixture
def filed(social_worker, child, monday):
    session = SupervisionSessionFactory(
        supervisee=social_worker, date=datetime.date(2026, 11, 19), status=SupervisionSession.Status.HELD,
        completed_at=monday, record=RECORD,
    )
    PersonalSection.objects.create(session=session, **SECRETS)
    return CaseDiscussionFactory(session=session, child=child, filed_at=monday, discussion="About the child only.")


def everything_in(entries):
    return " ".join(
        " ".join([e.title, e.body, str(e.author), *(f"{k} {v}" for k, v in e.details), *(t for t, _ in e.tags)])
        for e in entries
    )


@pytest.mark.parametrize("reader", ["social_worker", "team_manager", "head_of_service", "director", "iro"])
def test_the_personal_section_is_never_on_the_childs_record(client, request, filed, child, reader):
    user = request.getfixturevalue(reader)
    entries = timeline.for_child(child, user)
    assert "About the child only." in everything_in(entries)
    client.force_login(user)
    pages = [
        client.get(reverse("child", args=[child.pk])).content.decode(),
        client.get(reverse("supervision:discussion", args=[filed.pk])).content.decode(),
        everything_in(entries),
    ]
    for content in pages:
        assert "SECRET" not in content


@pytest.mark.parametrize("reader", ["social_worker", "team_manager", "head_of_service"])
def test_the_practitioner_and_their_line_management_read_it(client, request, filed, reader):
    client.force_login(request.getfixturevalue(reader))
    for url in (reverse("supervision:personal", args=[filed.session.pk]), filed.session.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200
        assert all(secret in response.content.decode() for secret in SECRETS.values())


@pytest.mark.parametrize("reader", ["colleague", "outsider", "other_manager", "iro", "administrator"])
def test_anyone_else_is_not_found(client, request, filed, other_team, reader):
    user = other_team.manager if reader == "other_manager" else request.getfixturevalue(reader)
    client.force_login(user)
    assert client.get(reverse("supervision:personal", args=[filed.session.pk])).status_code == 404
    assert client.get(filed.session.get_absolute_url()).status_code == 404
    assert not PersonalSection.objects.visible_to(user).exists()
    assert not SupervisionSession.objects.visible_to(user).exists()


def test_the_iro_reads_the_case_discussion_on_the_childs_record_but_not_the_session(client, filed, iro):
    client.force_login(iro)
    response = client.get(reverse("supervision:discussion", args=[filed.pk]))
    assert response.status_code == 200
    assert filed.session.get_absolute_url() not in response.content.decode()


def test_an_unfiled_discussion_is_not_yet_on_the_childs_record(filed, iro, team_manager, child):
    filed.filed_at = None
    filed.save()
    assert not CaseDiscussion.objects.visible_to(iro).exists()
    assert CaseDiscussion.objects.visible_to(team_manager).exists()  # still in the supervision file
    assert "case_discussion" not in [entry.kind for entry in timeline.for_child(child, team_manager)]


def test_a_deactivated_manager_reads_nothing(filed, team_manager):
    team_manager.is_active = False
    team_manager.save()
    assert not PersonalSection.objects.visible_to(team_manager).exists()


def test_disposing_of_a_childs_record_disposes_of_its_case_discussions(filed, child):
    filed.decision, filed.rationale = "Step down.", "Risks reduced."
    filed.management_decision = ManagementDecision.objects.create(
        child=child, decided_on=filed.session.date, manager=filed.session.supervisor,
        context=ManagementDecision.Context.SUPERVISION, decision=filed.decision, rationale=filed.rationale,
    )
    filed.save()
    child.delete()
    assert not CaseDiscussion.objects.exists()
    assert PersonalSection.objects.filter(session=filed.session).exists()  # the personal file stays
