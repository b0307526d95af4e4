"""A leaver's children, supervisees, teams and actions are reallocated in one screen, in one transaction, and only
then is their account deactivated and every session of theirs ended."""
import datetime

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from cases.models import Allocation, Category
from organisation.models import PracticeStandard, Role, StaffMember
from people import leavers
from supervision.models import SessionAction
from tests.factories import (
    AllocationFactory,
    ChildFactory,
    CorrectiveActionFactory,
    DiscussionActionFactory,
    SessionActionFactory,
    StaffFactory,
    TeamMeetingActionFactory,
)

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def leaving(social_worker, team_manager, team):
    child = ChildFactory(worker=social_worker, team=team)
    AllocationFactory(child=child, team=team, worker=social_worker)
    closed = ChildFactory(worker=social_worker, team=team, closed_on=datetime.date(2026, 10, 1))
    return {
        "child": child, "closed": closed,
        "discussion_action": DiscussionActionFactory(owner=social_worker),
        "meeting_action": TeamMeetingActionFactory(owner=social_worker),
        "session_action": SessionActionFactory(session__supervisee=social_worker, owner=social_worker,
                                               session__date=datetime.date(2026, 11, 5)),
        "audit_action": CorrectiveActionFactory(owner=social_worker, audit__child=child),
        "done_action": CorrectiveActionFactory(owner=social_worker, audit__child=child, done_on=TODAY),
    }


def everything_to(work, colleague, personal_to=None):
    """Every item to `colleague`; a supervision session's action to `personal_to` (the personal file's)."""
    return {leavers.key(item): personal_to if personal_to and isinstance(item, SessionAction) else colleague
            for item in work.items()}


def test_a_leavers_open_work_is_their_open_children_and_actions_not_done(social_worker, leaving):
    work = leavers.OpenWork.of(social_worker)
    assert work.children == [leaving["child"]]
    assert {type(a).__name__ for a in work.actions} == {
        "DiscussionAction", "TeamMeetingAction", "CorrectiveAction", "SessionAction",
    }
    assert leaving["done_action"] not in work.actions


def test_reallocating_moves_everything_then_deactivates(social_worker, colleague, team_manager, leaving):
    work = leavers.OpenWork.of(social_worker)
    assert leavers.deactivate_leaver(
        member=social_worker, choices=everything_to(work, colleague, personal_to=team_manager), by=team_manager,
        on=TODAY,
    )
    leaving["child"].refresh_from_db()
    assert leaving["child"].worker == colleague
    allocation = Allocation.objects.get(child=leaving["child"], ended_on__isnull=True)
    assert (allocation.worker, allocation.started_on, allocation.allocated_by) == (colleague, TODAY, team_manager)
    for name in ("discussion_action", "meeting_action", "audit_action"):
        leaving[name].refresh_from_db()
        assert leaving[name].owner == colleague
    leaving["session_action"].refresh_from_db()
    assert leaving["session_action"].owner == team_manager
    leaving["closed"].refresh_from_db()
    assert leaving["closed"].worker == social_worker  # closed records keep who worked them
    social_worker.refresh_from_db()
    assert not social_worker.is_active
    assert social_worker.history.first().history_user == team_manager


def test_a_managers_supervisees_and_team_go_to_the_colleagues_chosen(team_manager, social_worker, colleague, team,
                                                                      other_team, administrator):
    successor = other_team.manager
    work = leavers.OpenWork.of(team_manager)
    assert set(work.supervisees) == {social_worker, colleague} and work.teams == [team]
    leavers.deactivate_leaver(member=team_manager, choices=everything_to(work, successor), by=administrator, on=TODAY)
    team.refresh_from_db()
    assert team.manager == successor
    assert set(StaffMember.objects.filter(line_manager=successor, team=team)) == {social_worker, colleague}


def test_work_given_to_the_leaver_meanwhile_stops_the_whole_change(social_worker, colleague, team_manager, leaving):
    choices = everything_to(leavers.OpenWork.of(social_worker), colleague)
    ChildFactory(worker=social_worker)  # allocated after the page was read
    with pytest.raises(leavers.WorkChanged):
        leavers.deactivate_leaver(member=social_worker, choices=choices, by=team_manager, on=TODAY)
    leaving["child"].refresh_from_db()
    social_worker.refresh_from_db()
    assert (leaving["child"].worker, social_worker.is_active) == (social_worker, True)


def test_a_second_deactivation_changes_nothing(social_worker, colleague, team_manager):
    assert leavers.deactivate_leaver(member=social_worker, choices={}, by=team_manager, on=TODAY)
    assert not leavers.deactivate_leaver(member=social_worker, choices={}, by=team_manager, on=TODAY)


def leaver_url(member):
    return reverse("people:leaver", args=[member.pk])


def test_the_screen_lists_each_item_with_colleagues_and_their_caseload_against_capacity(
    client, administrator, social_worker, colleague, leaving
):
    ChildFactory(worker=colleague, team=colleague.team)
    client.force_login(administrator)
    page = client.get(leaver_url(social_worker)).content.decode()
    assert f"Child {leaving['child'].local_id}" in page
    assert leaving["child"].first_name not in page  # an administrator sees no case content
    assert f"{colleague}: 1 of 18 cases" in page
    PracticeStandard.objects.filter(code="CASELOAD").update(values={"cin_weight": 125})
    ChildFactory(worker=colleague, team=colleague.team, category=Category.CHILD_PROTECTION)
    assert f"{colleague}: 2.25 of 18 cases (weighted; 2 open)" in client.get(leaver_url(social_worker)).content.decode()
    assert "Audit corrective action for" in page and "team meeting action" in page
    assert "Supervision action from 5 Nov 2026, due 30 Nov 2026" in page
    assert leaving["session_action"].what not in page  # the personal file's content stays out of it
    # ...and only someone who may read that file can take the action over: their line manager, not a colleague.
    field = page[page.index(f'name="{leavers.key(leaving["session_action"])}"'):]
    field = field[:field.index("</select>")]
    assert f'value="{leaving["session_action"].session.supervisee.line_manager_id}"' in field
    assert f'value="{colleague.pk}"' not in field
    assert '<nav aria-label="Back"><a href="/people/staff/" class="govuk-back-link">' in page  # a link, not its HTML


def test_the_screen_asks_for_every_item_and_changes_nothing_until_all_are_chosen(
    client, administrator, social_worker, colleague, leaving
):
    client.force_login(administrator)
    work = leavers.OpenWork.of(social_worker)
    data = {leavers.key(work.children[0]): colleague.pk}
    answer = client.post(leaver_url(social_worker), data)
    page = answer.content.decode()
    assert answer.status_code == 200 and "<title>Error: Deactivate" in page
    assert "Choose who takes over case discussion action" in page
    social_worker.refresh_from_db()
    assert social_worker.is_active


def test_deactivating_a_leaver_ends_their_sessions_at_once(client, administrator, social_worker, colleague, leaving):
    client.force_login(social_worker)
    assert Session.objects.count() == 1
    admin = client.__class__()
    admin.force_login(administrator)
    work = leavers.OpenWork.of(social_worker)
    answer = admin.post(leaver_url(social_worker),
                        {k: v.pk for k, v in everything_to(work, colleague, social_worker.line_manager).items()})
    assert answer.status_code == 302
    social_worker.refresh_from_db()
    assert not social_worker.is_active
    assert client.get(reverse("home")).status_code == 302  # sent to sign in
    assert Session.objects.exclude(session_key=admin.session.session_key).count() == 0


def test_a_child_whose_team_has_nobody_else_says_what_to_do(client, administrator, team, leaving, social_worker):
    StaffMember.objects.filter(team=team).exclude(pk=social_worker.pk).exclude(role=Role.TEAM_MANAGER).delete()
    client.force_login(administrator)
    page = client.post(leaver_url(social_worker), {}).content.decode()
    assert f"Nobody else in {team} can take child {leaving['child'].local_id}" in page


def test_a_supervisee_is_not_offered_to_themselves(client, administrator, head_of_service, team_manager):
    client.force_login(administrator)
    work = leavers.OpenWork.of(head_of_service)
    choices = {leavers.key(i): team_manager.pk for i in work.items()}
    page = client.post(leaver_url(head_of_service), choices).content.decode()
    assert "nobody manages themselves" in page


@pytest.mark.parametrize("persona", ["social_worker", "team_manager", "head_of_service", "director"])
def test_only_an_administrator_reaches_the_screen(client, request, persona, colleague):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(leaver_url(colleague)).status_code == 404


def test_an_already_deactivated_account_has_no_leaver_screen(client, administrator):
    gone = StaffFactory(is_active=False)
    client.force_login(administrator)
    assert client.get(leaver_url(gone)).status_code == 404
