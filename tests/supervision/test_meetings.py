"""Team meetings (W 6, W Appendix 1): agenda, minutes, attendees, actions."""
import datetime

from django.urls import reverse

from supervision.models import TeamMeeting
from tests.factories import TeamMeetingFactory


def test_the_manager_records_a_meeting_the_team_can_read(client, team, team_manager, social_worker, colleague):
    client.force_login(team_manager)
    response = client.post(reverse("supervision:meeting_new", args=[team.pk]), {
        "held_on_0": "4", "held_on_1": "11", "held_on_2": "2026", "chair": team_manager.pk,
        "agenda": "1. Caseloads", "minutes": "", "attendees": [social_worker.pk, colleague.pk],
    })
    meeting = TeamMeeting.objects.get()
    assert response.url == meeting.get_absolute_url()
    assert set(meeting.attendees.all()) == {social_worker, colleague}
    assert not meeting.is_minuted and not TeamMeeting.objects.minuted().exists()
    client.post(reverse("supervision:meeting_edit", args=[meeting.pk]), {
        "held_on_0": "4", "held_on_1": "11", "held_on_2": "2026", "chair": team_manager.pk,
        "agenda": "1. Caseloads", "minutes": "Caseloads reviewed.", "attendees": [social_worker.pk],
    })
    assert TeamMeeting.objects.minuted().get() == meeting
    client.force_login(social_worker)
    assert "Caseloads reviewed." in client.get(meeting.get_absolute_url()).content.decode()


def test_an_outsider_cannot_be_an_attendee(client, team, team_manager, outsider):
    client.force_login(team_manager)
    response = client.post(reverse("supervision:meeting_new", args=[team.pk]), {
        "held_on_0": "4", "held_on_1": "11", "held_on_2": "2026", "chair": team_manager.pk,
        "agenda": "1. Caseloads", "attendees": [outsider.pk],
    })
    assert b"govuk-error-summary" in response.content
    assert not TeamMeeting.objects.exists()


def test_the_manager_adds_an_action(client, team, team_manager, social_worker):
    meeting = TeamMeetingFactory(team=team)
    client.force_login(team_manager)
    client.post(reverse("supervision:meeting_action_add", args=[meeting.pk]), {
        "what": "Update chronologies", "owner": social_worker.pk, "due_on_0": "18", "due_on_1": "11",
        "due_on_2": "2026",
    })
    action = meeting.actions.get()
    assert (action.owner, action.due_on) == (social_worker, datetime.date(2026, 11, 18))


def test_each_persona_sees_only_their_teams_meetings(team, other_team, social_worker, outsider, director):
    ours, theirs = TeamMeetingFactory(team=team), TeamMeetingFactory(team=other_team)
    assert list(TeamMeeting.objects.visible_to(social_worker)) == [ours]
    assert list(TeamMeeting.objects.visible_to(outsider)) == [theirs]
    assert set(TeamMeeting.objects.visible_to(director)) == {ours, theirs}
