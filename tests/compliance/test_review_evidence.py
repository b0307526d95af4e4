import datetime

from audits.evidence.managers import UNAVAILABLE, manager_evidence
from tests.factories import SupervisionContractFactory, TeamMeetingFactory

TODAY = datetime.date(2026, 11, 23)


def facts(evidence, theme):
    return {fact.label: fact for fact in evidence[theme]}


def test_a_managers_review_shows_the_teams_supervision_evidence(team_manager, social_worker, colleague):
    SupervisionContractFactory(staff=social_worker)
    evidence = manager_evidence(team_manager, TODAY)
    contracts = facts(evidence, "supervision")["Staff without a supervision contract (SUP-CONTRACT)"]
    assert (contracts.value, contracts.concern) == ("1", True)
    assert "Staff supervised within their frequency (SUP-FREQ)" in facts(evidence, "supervision")
    assert facts(evidence, "appraisal")["Staff without an appraisal in the period (APPRAISAL)"].value == "2 of 2"
    assert UNAVAILABLE not in str(evidence)


def test_a_recent_minuted_team_meeting_is_not_a_concern(team_manager, team, social_worker):
    TeamMeetingFactory(team=team, held_on=TODAY - datetime.timedelta(weeks=2), minutes="Minuted.")
    fact = facts(manager_evidence(team_manager, TODAY), "communication")["Last minuted team meeting (TEAM-MEETING)"]
    assert not fact.concern


def test_no_minuted_team_meeting_in_the_period_is_a_concern(team_manager, team, social_worker):
    TeamMeetingFactory(team=team, held_on=TODAY - datetime.timedelta(weeks=6), minutes="Minuted.")
    fact = facts(manager_evidence(team_manager, TODAY), "communication")["Last minuted team meeting (TEAM-MEETING)"]
    assert fact.concern
