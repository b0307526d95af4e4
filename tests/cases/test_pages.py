import datetime

from django.urls import reverse

from cases.models import Child
from cases.services import allocate
from tests.factories import (
    AllocationFactory,
    AssessmentVersionFactory,
    CaseNoteFactory,
    ChildFactory,
    ChronologyEntryFactory,
    DocumentFactory,
    ManagementDecisionFactory,
    ManagerMeetingFactory,
    PlanActionFactory,
)


def test_sign_in_page_uses_the_govuk_error_summary(client, social_worker):
    response = client.post(reverse("login"), {"username": "sw", "password": "wrong"})
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert "_auth_user_id" not in client.session


def test_it_signs_in_and_lands_on_the_caseload(client, social_worker, child):
    response = client.post(
        reverse("login"), {"username": "sw", "password": "a-long-test-password"}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("home")
    assert b"My caseload" in response.content
    assert child.full_name.encode() in response.content


def test_caseload_lists_only_my_open_children(client, social_worker, colleague, child):
    closed = ChildFactory(worker=social_worker, closed_on=datetime.date(2026, 6, 1))
    theirs = ChildFactory(worker=colleague)
    client.force_login(social_worker)
    content = client.get(reverse("home")).content.decode()
    assert child.local_id in content
    assert closed.local_id not in content
    assert theirs.local_id not in content


def test_team_manager_home_shows_the_team_and_unallocated_children(client, team_manager, social_worker, child):
    unallocated = ChildFactory(worker=None, team=child.team)
    client.force_login(team_manager)
    content = client.get(reverse("home")).content.decode()
    assert "My team" in content
    assert str(social_worker) in content
    assert unallocated.local_id in content


def test_head_of_service_home_lists_their_teams_only(client, head_of_service, team, other_team):
    client.force_login(head_of_service)
    content = client.get(reverse("home")).content.decode()
    assert team.name in content
    assert other_team.name not in content


def test_child_record_shows_summary_and_allocation_history(client, team_manager, social_worker, colleague, child):
    AllocationFactory(child=child, purpose="Complete the assessment")
    allocate(child=child, team=child.team, worker=colleague, by=team_manager, on=datetime.date(2026, 3, 2),
             purpose="Continue the plan")
    client.force_login(team_manager)
    content = client.get(reverse("child", args=[child.pk])).content.decode()
    assert child.full_name in content
    assert "Complete the assessment" in content
    assert "Continue the plan" in content
    assert "Current" in content


def test_child_record_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, team_manager, child):
    def entries(n):
        for _ in range(n):
            AllocationFactory(child=child, started_on=datetime.date(2026, 1, 5), ended_on=datetime.date(2026, 1, 6))
            ChronologyEntryFactory(child=child)
            CaseNoteFactory(child=child)
            DocumentFactory(child=child)
            ManagementDecisionFactory(child=child)
            ManagerMeetingFactory(child=child)
            PlanActionFactory(version=AssessmentVersionFactory(assessment__child=child))

    client.force_login(team_manager)
    entries(1)
    with django_assert_max_num_queries(11) as few:  # as tests/cases/test_page_queries.py counts them
        assert client.get(reverse("child", args=[child.pk])).status_code == 200
    entries(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("child", args=[child.pk])).status_code == 200


def test_team_manager_home_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, team_manager, social_worker
):
    ChildFactory.create_batch(40, worker=social_worker)
    client.force_login(team_manager)
    with django_assert_max_num_queries(35):  # "needs you" asks each of the manager's standards (test_page_queries)
        assert client.get(reverse("home")).status_code == 200


def test_allocate_keeps_one_open_allocation_mirrored_on_the_child(team_manager, social_worker, colleague, child):
    first = allocate(child=child, team=child.team, worker=social_worker, by=team_manager, on=datetime.date(2026, 1, 5))
    second = allocate(child=child, team=child.team, worker=colleague, by=team_manager, on=datetime.date(2026, 4, 1))
    first.refresh_from_db()
    assert first.ended_on == datetime.date(2026, 4, 1)
    assert second.ended_on is None
    assert Child.objects.get(pk=child.pk).worker == colleague


def test_child_string_is_an_identifier_not_a_name(child):
    assert str(child) == child.local_id
