"""Actions not done by the next supervision session or team meeting are carried over to it, and counted."""
import datetime
from zoneinfo import ZoneInfo

from django.db.models import Q

from organisation.models import StaffMember
from supervision import services
from supervision.forms import TeamMeetingForm
from supervision.models import SupervisionSession
from tests.factories import (
    CaseDiscussionFactory,
    DiscussionActionFactory,
    PersonalSectionFactory,
    SessionActionFactory,
    SupervisionSessionFactory,
    TeamMeetingActionFactory,
    TeamMeetingFactory,
)

D = datetime.date


def members(team):
    return StaffMember.objects.filter(Q(team=team) | Q(pk=team.manager_id))
NOW = datetime.datetime(2026, 12, 3, 16, tzinfo=ZoneInfo("Europe/London"))


def next_session(supervisee, on):
    """A session ready to complete: its record written and its personal section answered."""
    session = SupervisionSessionFactory(supervisee=supervisee, date=on, record="Caseload, wellbeing, training.")
    PersonalSectionFactory(session=session)
    return session


def test_completing_the_next_session_carries_each_open_action_once(social_worker, team_manager):
    earlier = SupervisionSessionFactory(supervisee=social_worker, date=D(2026, 11, 5))
    open_action = DiscussionActionFactory(discussion__session=earlier, due_on=D(2026, 11, 30))
    done = DiscussionActionFactory(discussion__session=earlier, due_on=D(2026, 11, 20))
    done.mark_done(D(2026, 11, 19), by=social_worker)
    session = next_session(social_worker, D(2026, 12, 3))
    services.complete_session(session=session, today=D(2026, 12, 3), now=NOW)
    open_action.refresh_from_db()
    done.refresh_from_db()
    assert (open_action.carried, done.carried) == (1, 0)
    assert open_action.history.first().history_user == team_manager


def test_actions_agreed_in_the_session_itself_are_not_carried(social_worker):
    session = next_session(social_worker, D(2026, 12, 3))
    action = DiscussionActionFactory(discussion=CaseDiscussionFactory(session=session))
    services.complete_session(session=session, today=D(2026, 12, 3), now=NOW)
    action.refresh_from_db()
    assert action.carried == 0


def test_an_action_agreed_in_an_earlier_session_itself_is_carried_to_the_next(social_worker, team_manager):
    earlier = SupervisionSessionFactory(supervisee=social_worker, date=D(2026, 11, 5))
    open_action = SessionActionFactory(session=earlier, due_on=D(2026, 11, 30))
    done = SessionActionFactory(session=earlier, due_on=D(2026, 11, 20))
    done.mark_done(D(2026, 11, 19), by=social_worker)
    session = next_session(social_worker, D(2026, 12, 3))
    same_day = SessionActionFactory(session=session)
    services.complete_session(session=session, today=D(2026, 12, 3), now=NOW)
    for action in (open_action, done, same_day):
        action.refresh_from_db()
    assert (open_action.carried, done.carried, same_day.carried) == (1, 0, 0)
    assert open_action.history.first().history_user == team_manager


def test_another_supervisees_session_actions_are_not_carried(social_worker, colleague):
    theirs = SessionActionFactory(session__supervisee=colleague, session__date=D(2026, 11, 5))
    services.complete_session(session=next_session(social_worker, D(2026, 12, 3)), today=D(2026, 12, 3), now=NOW)
    theirs.refresh_from_db()
    assert theirs.carried == 0


def test_completing_an_older_session_late_carries_nothing_again(social_worker):
    first = SupervisionSessionFactory(supervisee=social_worker, date=D(2026, 10, 1))
    action = DiscussionActionFactory(discussion__session=first)
    SupervisionSessionFactory(supervisee=social_worker, date=D(2026, 12, 1), status=SupervisionSession.Status.HELD,
                              completed_at=NOW)
    services.complete_session(session=next_session(social_worker, D(2026, 11, 3)), today=D(2026, 12, 3), now=NOW)
    action.refresh_from_db()
    assert action.carried == 0


def test_recording_the_teams_next_meeting_carries_its_open_actions(team, team_manager, social_worker):
    action = TeamMeetingActionFactory(meeting__team=team, owner=social_worker, due_on=D(2026, 11, 18))
    other_team_action = TeamMeetingActionFactory(due_on=D(2026, 11, 18))
    form = TeamMeetingForm({
        "held_on_0": "2", "held_on_1": "12", "held_on_2": "2026", "chair": team_manager.pk,
        "agenda": "1. Actions from last time", "minutes": "Reviewed.", "attendees": [social_worker.pk],
    }, members=members(team))
    assert form.is_valid(), form.errors
    form.instance.team, form.instance.recorded_by = team, team_manager
    services.record_team_meeting(form, by=team_manager)
    action.refresh_from_db()
    other_team_action.refresh_from_db()
    assert (action.carried, other_team_action.carried) == (1, 0)


def test_a_meeting_recorded_before_a_later_one_carries_nothing(team, team_manager):
    action = TeamMeetingActionFactory(meeting__team=team, meeting__held_on=D(2026, 10, 1))
    TeamMeetingFactory(team=team, held_on=D(2026, 11, 25))
    form = TeamMeetingForm({
        "held_on_0": "4", "held_on_1": "11", "held_on_2": "2026", "chair": team_manager.pk,
        "agenda": "1. Caseloads", "minutes": "Reviewed.",
    }, members=members(team))
    assert form.is_valid(), form.errors
    form.instance.team, form.instance.recorded_by = team, team_manager
    services.record_team_meeting(form, by=team_manager)
    action.refresh_from_db()
    assert action.carried == 0
