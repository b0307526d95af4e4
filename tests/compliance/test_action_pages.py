"""My actions, Team actions and "Mark as done": one tracker over every kind of action, scoped, 404 outside."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from organisation.actions import tracked
from tests.factories import (
    CorrectiveActionFactory,
    DiscussionActionFactory,
    SessionActionFactory,
    StaffFactory,
    TeamMeetingActionFactory,
)

D = datetime.date
TODAY = D(2026, 11, 23)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10), tick=False):
        yield


@pytest.fixture
def three_kinds(child, social_worker, team_manager):
    """An overdue team meeting action, an open case discussion action carried twice, and an audit's."""
    return [
        TeamMeetingActionFactory(meeting__team=social_worker.team, meeting__chair=team_manager, owner=social_worker,
                                 due_on=D(2026, 11, 10), what="Share the escalation procedure."),
        DiscussionActionFactory(discussion__child=child, discussion__session__supervisee=social_worker,
                                owner=social_worker, due_on=D(2026, 11, 30), carried=2, what="Book the core group."),
        CorrectiveActionFactory(audit__child=child, audit__auditor=team_manager, owner=social_worker,
                                due_on=D(2026, 12, 4), what="Date the report."),
    ]


def test_my_actions_lists_every_kind_oldest_due_first_with_overdue_and_carried_tagged(
    client, social_worker, three_kinds
):
    client.force_login(social_worker)
    page = client.get(reverse("compliance:my_actions")).content.decode()
    assert page.index("Share the escalation") < page.index("Book the core group") < page.index("Date the report")
    assert "Overdue" in page and "Carried over 2 times" in page
    for action in three_kinds:
        assert action.get_absolute_url() in page
    assert page.count('name="back_to" value="mine"') == 3


def test_my_actions_leaves_out_done_actions_and_other_peoples(client, social_worker, colleague, three_kinds):
    three_kinds[0].mark_done(TODAY, by=social_worker)
    DiscussionActionFactory(owner=colleague, what="The colleague's own action.")
    client.force_login(social_worker)
    page = client.get(reverse("compliance:my_actions")).content.decode()
    assert "Share the escalation" not in page and "colleague&#x27;s own action" not in page


def test_marking_done_records_who_and_when_and_returns_to_the_list(client, social_worker, three_kinds):
    action = three_kinds[1]
    client.force_login(social_worker)
    response = client.post(reverse("compliance:action_done", args=[action.kind, action.pk]), {"back_to": "mine"})
    assert response.status_code == 302 and response.url == reverse("compliance:my_actions")
    action.refresh_from_db()
    assert (action.done_on, action.done_by) == (TODAY, social_worker)
    assert action.history.first().history_user == social_worker


def test_marking_done_twice_keeps_the_first_and_says_so(client, social_worker, three_kinds):
    action = three_kinds[0]
    client.force_login(social_worker)
    url = reverse("compliance:action_done", args=[action.kind, action.pk])
    client.post(url)
    page = client.post(url, follow=True).content.decode()
    assert "already been marked as done" in page
    assert action.history.count() == 2  # created, then done once


def test_someone_elses_action_cannot_be_marked_done_and_is_not_revealed(client, colleague, outsider, three_kinds):
    action = three_kinds[0]
    for person in (colleague, outsider):
        client.force_login(person)
        assert client.post(reverse("compliance:action_done", args=[action.kind, action.pk])).status_code == 404
    assert client.post(reverse("compliance:action_done", args=["cases.child", action.pk])).status_code == 404
    action.refresh_from_db()
    assert action.done_on is None


def test_the_manager_who_agreed_it_may_mark_it_done(client, team_manager, three_kinds):
    action = three_kinds[0]  # chaired by the team manager
    client.force_login(team_manager)
    response = client.post(reverse("compliance:action_done", args=[action.kind, action.pk]), {"back_to": "team"})
    assert response.url == reverse("compliance:team_actions")
    action.refresh_from_db()
    assert action.done_by == team_manager


def test_a_manager_sees_the_teams_actions_filtered_by_person_and_overdue(
    client, team_manager, social_worker, colleague, three_kinds
):
    TeamMeetingActionFactory(owner=colleague, due_on=D(2026, 12, 1), what="The colleague's action.")
    client.force_login(team_manager)
    url = reverse("compliance:team_actions")
    page = client.get(url).content.decode()
    assert "colleague&#x27;s action" in page and "Book the core group" in page
    page = client.get(url, {"person": colleague.pk}).content.decode()
    assert "colleague&#x27;s action" in page and "Book the core group" not in page
    page = client.get(url, {"overdue": "on"}).content.decode()
    assert "Share the escalation" in page and "Book the core group" not in page


def test_team_actions_is_for_managers_and_a_person_outside_their_team_is_not_revealed(
    client, team_manager, social_worker, outsider
):
    client.force_login(social_worker)
    assert client.get(reverse("compliance:team_actions")).status_code == 404
    client.force_login(team_manager)
    assert client.get(reverse("compliance:team_actions"), {"person": outsider.pk}).status_code == 404


def test_tracked_reads_each_kind_in_one_query(django_assert_num_queries, social_worker, three_kinds):
    with django_assert_num_queries(4):  # case discussions', sessions', team meetings' and audits' actions
        rows = tracked(owners=[social_worker.pk])
    assert [row.due_on for row in rows] == sorted(row.due_on for row in rows)


def test_the_workers_home_lists_their_actions_falling_due(client, social_worker, three_kinds):
    client.force_login(social_worker)
    page = client.get(reverse("home")).content.decode()
    assert "Action: Share the escalation procedure." in page and "Action: Book the core group." in page


def test_the_managers_home_lists_the_teams_actions_falling_due(client, team_manager, social_worker, three_kinds):
    StaffFactory()  # someone outside the team
    client.force_login(team_manager)
    page = client.get(reverse("home")).content.decode()
    assert "Action: Share the escalation procedure." in page
    assert "Date the report" not in page  # an audit's action is on the list as AUDIT-ACTIONS, by child


@pytest.fixture
def session_action(social_worker, team_manager):
    """An overdue action agreed in a session outside any case discussion: in the social worker's personal file."""
    return SessionActionFactory(session__supervisee=social_worker, session__supervisor=team_manager,
                                owner=social_worker, due_on=D(2026, 11, 16), what="Book the court skills course.")


def test_a_session_action_is_on_its_owners_list_linking_to_the_session(client, social_worker, session_action):
    client.force_login(social_worker)
    page = client.get(reverse("compliance:my_actions")).content.decode()
    assert "Book the court skills course." in page and "Overdue" in page
    assert session_action.session.get_absolute_url() in page
    assert "Supervision" in page


def test_a_session_action_is_seen_by_the_supervisees_line_management_only(
    client, session_action, team_manager, head_of_service, colleague, other_team
):
    for manager in (team_manager, head_of_service):
        client.force_login(manager)
        assert "Book the court skills course." in client.get(reverse("compliance:team_actions")).content.decode()
    for someone in (colleague, other_team.manager):
        client.force_login(someone)
        for name in ("compliance:my_actions", "compliance:team_actions"):
            assert "Book the court skills course." not in client.get(reverse(name)).content.decode()


def test_the_supervisor_marks_a_session_action_done(client, team_manager, session_action):
    client.force_login(team_manager)
    client.post(reverse("compliance:action_done", args=[session_action.kind, session_action.pk]),
                {"back_to": "team"})
    session_action.refresh_from_db()
    assert (session_action.done_on, session_action.done_by) == (TODAY, team_manager)


def test_a_colleague_cannot_mark_a_session_action_done(client, colleague, session_action):
    client.force_login(colleague)
    response = client.post(reverse("compliance:action_done", args=[session_action.kind, session_action.pk]))
    assert response.status_code == 404
    session_action.refresh_from_db()
    assert session_action.done_on is None
