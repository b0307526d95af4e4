"""ACTIONS at its boundaries (SPEC 4a): an action agreed in supervision or a team meeting past its date, not done."""
import pytest
from django.urls import reverse

from compliance import digest
from compliance.models import Flag
from compliance.owners import owner_of
from compliance.rules import BY_CODE
from organisation import standards
from tests.factories import (
    CorrectiveActionFactory,
    DiscussionActionFactory,
    SessionActionFactory,
    TeamMeetingActionFactory,
)

from .helpers import D, at, breaches, run

DUE = D(2026, 11, 20)  # a Friday: the last day the action is in time


@pytest.fixture
def discussion_action(social_worker):
    return DiscussionActionFactory(owner=social_worker, due_on=DUE)


@pytest.mark.parametrize("today, breached", [(D(2026, 11, 19), False), (D(2026, 11, 20), False),
                                             (D(2026, 11, 21), True)])
def test_a_case_discussions_action_is_in_breach_the_day_after_its_date(discussion_action, social_worker, today,
                                                                        breached):
    found = breaches("ACTIONS", today)
    assert (social_worker.pk in found) is breached
    if breached:
        assert found[social_worker.pk] == DUE


@pytest.mark.parametrize("today, breached", [(D(2026, 11, 19), False), (D(2026, 11, 20), False),
                                             (D(2026, 11, 21), True)])
def test_a_team_meetings_action_is_in_breach_the_day_after_its_date(colleague, today, breached):
    TeamMeetingActionFactory(owner=colleague, due_on=DUE)
    assert (colleague.pk in breaches("ACTIONS", today)) is breached


@pytest.mark.parametrize("today, breached", [(D(2026, 11, 19), False), (D(2026, 11, 20), False),
                                             (D(2026, 11, 21), True)])
def test_an_action_agreed_in_the_session_itself_is_in_breach_the_day_after_its_date(social_worker, today, breached):
    SessionActionFactory(session__supervisee=social_worker, owner=social_worker, due_on=DUE)
    found = breaches("ACTIONS", today)
    assert (social_worker.pk in found) is breached
    if breached:
        assert found[social_worker.pk] == DUE


def test_a_session_action_done_on_its_date_is_not_in_breach_after_it(social_worker):
    action = SessionActionFactory(session__supervisee=social_worker, owner=social_worker, due_on=DUE)
    assert action.mark_done(DUE, by=social_worker)
    assert social_worker.pk not in breaches("ACTIONS", D(2026, 11, 23))


def test_the_earliest_overdue_action_of_any_kind_dates_the_breach_a_session_action_too(social_worker):
    DiscussionActionFactory(owner=social_worker, due_on=D(2026, 11, 12))
    SessionActionFactory(session__supervisee=social_worker, owner=social_worker, due_on=D(2026, 11, 9))
    assert breaches("ACTIONS", D(2026, 11, 23)) == {social_worker.pk: D(2026, 11, 9)}


def test_an_action_done_on_its_date_is_not_in_breach_after_it(discussion_action, social_worker):
    assert discussion_action.mark_done(DUE, by=social_worker)
    assert social_worker.pk not in breaches("ACTIONS", D(2026, 11, 23))
    discussion_action.refresh_from_db()
    assert (discussion_action.done_on, discussion_action.done_by) == (DUE, social_worker)


def test_the_earliest_overdue_action_of_either_kind_dates_the_breach(discussion_action, social_worker):
    TeamMeetingActionFactory(owner=social_worker, due_on=D(2026, 11, 10))
    DiscussionActionFactory(owner=social_worker, due_on=D(2026, 11, 25))  # not yet due
    assert breaches("ACTIONS", D(2026, 11, 23)) == {social_worker.pk: D(2026, 11, 10)}


def test_a_closed_childs_case_discussion_action_is_not_in_breach(discussion_action, social_worker):
    child = discussion_action.discussion.child
    child.closed_on = D(2026, 11, 1)
    child.save()
    assert social_worker.pk not in breaches("ACTIONS", D(2026, 11, 23))
    assert social_worker.pk not in BY_CODE["ACTIONS"].population(D(2026, 11, 23))


def test_former_staffs_actions_are_not_in_breach(discussion_action, social_worker):
    social_worker.is_active = False
    social_worker.save()
    assert social_worker.pk not in breaches("ACTIONS", D(2026, 11, 23))


def test_an_audits_corrective_action_is_audit_actions_not_actions(child, social_worker):
    action = CorrectiveActionFactory(audit__child=child, owner=social_worker, due_on=DUE)
    assert social_worker.pk not in breaches("ACTIONS", D(2026, 11, 23))
    assert action.audit.child_id in breaches("AUDIT-ACTIONS", D(2026, 11, 23))


def test_the_population_is_current_staff_owning_an_action(discussion_action, social_worker, colleague):
    population = set(BY_CODE["ACTIONS"].population(D(2026, 11, 23)).values_list("pk", flat=True))
    assert social_worker.pk in population and colleague.pk not in population


def test_the_sweep_flags_the_owner_who_owns_the_flag_and_marking_done_resolves_it(discussion_action, social_worker):
    run(D(2026, 11, 23))
    flag = Flag.objects.open().get(rule="ACTIONS")
    assert (flag.staff, flag.due_since) == (social_worker, DUE)
    assert owner_of(flag) == social_worker
    discussion_action.mark_done(D(2026, 11, 23), by=social_worker)
    run(D(2026, 11, 23))
    assert not Flag.objects.open().filter(rule="ACTIONS").exists()


def test_it_is_a_configured_standard_with_no_figure():
    assert standards.BY_CODE["ACTIONS"].figures == ()


def test_the_digest_lists_an_overdue_action_linking_the_owner_and_their_manager_to_the_tracker(
    discussion_action, social_worker, team_manager
):
    today = D(2026, 11, 23)
    run(today)
    mine = digest.build(social_worker, today=today, now=at(today, 12))
    [line] = [line for group in mine["groups"] for _, lines in group.standards for line in lines
              if line.flag.rule == "ACTIONS"]
    assert line.url.endswith(reverse("compliance:my_actions"))
    managers = digest.build(team_manager, today=today, now=at(today, 12))
    [line] = [line for group in managers["groups"] for _, lines in group.standards for line in lines
              if line.flag.rule == "ACTIONS"]
    assert line.url.endswith(f"{reverse('compliance:team_actions')}?person={social_worker.pk}&overdue=on")
