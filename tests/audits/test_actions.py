"""Corrective actions: overdue at the day boundary, done by their owner, verified by the auditor."""
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from audits.models import CorrectiveAction
from tests.factories import CorrectiveActionFactory

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def action(child, team_manager):
    return CorrectiveActionFactory(audit__child=child, audit__auditor=team_manager, due_on=TODAY)


def test_action_due_today_is_not_overdue(action):
    assert not action.is_overdue(TODAY)
    assert not CorrectiveAction.objects.overdue(TODAY).exists()


def test_action_due_yesterday_and_not_done_is_overdue(action):
    action.due_on = TODAY - datetime.timedelta(days=1)
    action.save()
    assert action.is_overdue(TODAY)
    assert list(CorrectiveAction.objects.overdue(TODAY)) == [action]
    assert action.status(TODAY) == ("Overdue", "red")


def test_action_done_late_is_not_overdue(action):
    action.due_on, action.done_on, action.done_by = TODAY - datetime.timedelta(days=5), TODAY, action.owner
    action.save()
    assert not action.is_overdue(TODAY)
    assert not CorrectiveAction.objects.overdue(TODAY).exists()
    assert action.status(TODAY) == ("Done, to verify", "blue")


def test_marking_done_twice_keeps_the_first_date(action):
    assert action.mark_done(TODAY)
    stale = CorrectiveAction.objects.get(pk=action.pk)
    stale.done_on = stale.done_by = None
    assert not stale.mark_done(TODAY + datetime.timedelta(days=1))
    action.refresh_from_db()
    assert action.done_on == TODAY


def test_verifying_records_the_done_date_when_the_owner_has_not(action, team_manager):
    assert action.verify(by=team_manager, on=TODAY, done_on=TODAY - datetime.timedelta(days=2))
    action.refresh_from_db()
    assert (action.done_on, action.verified_by, action.verified_on) == (
        TODAY - datetime.timedelta(days=2), team_manager, TODAY
    )
    assert action.status(TODAY) == ("Verified", "green")
    assert not CorrectiveAction.objects.awaiting_verification().exists()


def test_verifying_an_action_nobody_has_done_needs_a_done_date(action, team_manager):
    with pytest.raises(ValidationError):
        action.verify(by=team_manager, on=TODAY)
    action.refresh_from_db()
    assert action.verified_on is None


def test_two_verifications_at_once_leave_exactly_one(action, team_manager, head_of_service):
    first = CorrectiveAction.objects.get(pk=action.pk)
    second = CorrectiveAction.objects.get(pk=action.pk)
    assert first.verify(by=team_manager, on=TODAY, done_on=TODAY)
    assert not second.verify(by=head_of_service, on=TODAY, done_on=TODAY)
    action.refresh_from_db()
    assert action.verified_by == team_manager


def test_only_the_auditor_verifies_and_the_owner_or_auditor_records_done(action, team_manager, social_worker):
    assert action.can_verify(team_manager) and not action.can_verify(social_worker)
    assert action.can_mark_done(social_worker) and action.can_mark_done(team_manager)


def test_the_database_refuses_a_verified_action_that_is_not_done(action, team_manager):
    with pytest.raises(IntegrityError):
        CorrectiveAction.objects.filter(pk=action.pk).update(verified_by=team_manager, verified_on=TODAY)
