"""Conferences and hearings scheduled ahead, the manager's own attendance (K 6), reviews' minutes and
pre-proceedings with the family group decision-making offer on the child's record."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from cases.models import Document, ManagerMeeting, PreProceedings
from cases.worklist import needs_manager
from organisation import policy
from tests.factories import DocumentFactory, ManagerMeetingFactory, PreProceedingsFactory

D = datetime.date
NOW = datetime.datetime(2026, 11, 23, 10, tzinfo=datetime.UTC)  # a Monday


@pytest.fixture(autouse=True)
def monday():
    with time_machine.travel(NOW, tick=False):
        yield


def scheduled(child, manager, held_on, **fields):
    return ManagerMeetingFactory(child=child, manager=manager, held_on=held_on, manager_attended=False,
                                 attendance_confirmed_at=None, **fields)


def attendance_url(meeting):
    return reverse("meeting_attendance", args=[meeting.child_id, meeting.pk])


def test_a_conference_may_be_scheduled_ahead(client, social_worker, team_manager, child):
    client.force_login(social_worker)
    response = client.post(reverse("add_record_entry", args=[child.pk, "meeting"]), {
        "kind": "icpc", "held_on_0": "7", "held_on_1": "12", "held_on_2": "2026", "manager": team_manager.pk,
    })
    assert response.status_code == 302
    assert ManagerMeeting.objects.get(child=child).held_on == D(2026, 12, 7)


def test_an_initial_conference_needs_the_manager_who_must_attend(client, social_worker, child):
    client.force_login(social_worker)
    response = client.post(reverse("add_record_entry", args=[child.pk, "meeting"]), {
        "kind": "icpc", "held_on_0": "7", "held_on_1": "12", "held_on_2": "2026", "manager": "",
    })
    assert response.status_code == 200
    assert "Select the manager who must attend" in response.content.decode()
    assert not ManagerMeeting.objects.exists()


def test_a_review_needs_no_manager(client, social_worker, child):
    client.force_login(social_worker)
    response = client.post(reverse("add_record_entry", args=[child.pk, "meeting"]), {
        "kind": "cp_review", "held_on_0": "2", "held_on_1": "11", "held_on_2": "2026", "manager": "",
    })
    assert response.status_code == 302


def test_the_manager_sees_a_coming_conference_on_their_home_before_the_date(client, team_manager, child):
    meeting = scheduled(child, team_manager, D(2026, 12, 14))  # three weeks ahead
    [item] = [item for item in needs_manager(manager=team_manager, today=D(2026, 11, 23)) if item.code == "MGR-ATTEND"]
    assert item.on == D(2026, 12, 14)
    assert item.url == attendance_url(meeting)
    assert not item.is_overdue(D(2026, 11, 23))
    client.force_login(team_manager)
    page = client.get(reverse("home")).content.decode()
    assert "Initial child protection conference: attend, then confirm" in page
    assert "Due in 21 days" in page


def test_conferences_further_ahead_confirmed_or_named_for_someone_else_are_not_listed(
    team_manager, head_of_service, child
):
    scheduled(child, team_manager, D(2026, 12, 22))  # more than four weeks ahead
    scheduled(child, head_of_service, D(2026, 12, 1))
    ManagerMeetingFactory(child=child, manager=team_manager, held_on=D(2026, 11, 20))  # confirmed
    assert not [item for item in needs_manager(manager=team_manager, today=D(2026, 11, 23))
                if item.code == "MGR-ATTEND"]


def test_a_conference_held_and_not_confirmed_is_overdue_on_the_managers_home(team_manager, child):
    scheduled(child, team_manager, D(2026, 11, 20))
    [item] = [item for item in needs_manager(manager=team_manager, today=D(2026, 11, 23)) if item.code == "MGR-ATTEND"]
    assert item.is_overdue(D(2026, 11, 23))


def test_the_manager_named_confirms_they_attended(client, team_manager, child):
    meeting = scheduled(child, team_manager, D(2026, 11, 20))
    client.force_login(team_manager)
    assert "Did you attend?" in client.get(attendance_url(meeting)).content.decode()
    response = client.post(attendance_url(meeting), {"attended": "yes"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.manager_attended is True
    assert meeting.attendance_confirmed_at is not None
    assert meeting.history.first().history_user == team_manager


def test_the_manager_named_may_record_that_they_did_not_attend(client, team_manager, child):
    meeting = scheduled(child, team_manager, D(2026, 11, 23))
    client.force_login(team_manager)
    client.post(attendance_url(meeting), {"attended": "no"})
    meeting.refresh_from_db()
    assert (meeting.manager_attended, meeting.attendance_confirmed_at is not None) == (False, True)


def test_choosing_nothing_is_refused_with_a_gov_uk_error(client, team_manager, child):
    meeting = scheduled(child, team_manager, D(2026, 11, 20))
    client.force_login(team_manager)
    page = client.post(attendance_url(meeting), {}).content.decode()
    assert "govuk-error-summary" in page
    assert "Select did you attend?" in page
    meeting.refresh_from_db()
    assert meeting.attendance_confirmed_at is None


def test_a_practitioner_cannot_confirm_the_managers_attendance(client, social_worker, team_manager, child):
    meeting = scheduled(child, team_manager, D(2026, 11, 20))
    client.force_login(social_worker)
    assert client.get(attendance_url(meeting)).status_code == 404
    assert client.post(attendance_url(meeting), {"attended": "yes"}).status_code == 404
    meeting.refresh_from_db()
    assert meeting.attendance_confirmed_at is None


def test_another_manager_cannot_confirm_for_the_manager_named(client, head_of_service, team_manager, child):
    meeting = scheduled(child, team_manager, D(2026, 11, 20))
    client.force_login(head_of_service)
    assert client.post(attendance_url(meeting), {"attended": "yes"}).status_code == 404


def test_attendance_cannot_be_confirmed_before_the_day_or_twice(client, team_manager, child):
    coming = scheduled(child, team_manager, D(2026, 11, 24))
    client.force_login(team_manager)
    page = client.post(attendance_url(coming), {"attended": "yes"}).content.decode()
    assert "You can confirm your attendance from 24 November 2026" in page
    coming.refresh_from_db()
    assert coming.attendance_confirmed_at is None
    held = ManagerMeetingFactory(child=child, manager=team_manager, held_on=D(2026, 11, 20), manager_attended=False)
    assert "already recorded" in client.get(attendance_url(held)).content.decode()


def test_the_attendance_refusals_read_as_sentences(team_manager, social_worker, child):
    meeting = scheduled(child, team_manager, D(2026, 11, 20))
    assert policy.may_confirm_attendance(team_manager, meeting, D(2026, 11, 20))
    assert not policy.may_confirm_attendance(team_manager, meeting, D(2026, 11, 19))
    assert policy.attendance_refusal(social_worker, meeting, D(2026, 11, 23)).startswith("Only the manager named")


def test_the_timeline_shows_scheduled_meetings_unconfirmed_attendance_and_missing_minutes(
    client, social_worker, team_manager, child
):
    scheduled(child, team_manager, D(2026, 12, 7))
    scheduled(child, team_manager, D(2026, 11, 2))
    review = ManagerMeetingFactory(child=child, kind=ManagerMeeting.Kind.CLA_REVIEW, held_on=D(2026, 10, 1))
    client.force_login(social_worker)
    page = client.get(reverse("child", args=[child.pk])).content.decode()
    assert "Scheduled" in page
    assert "Attendance not confirmed" in page
    assert "Not yet on the record" in page
    DocumentFactory(child=child, kind=Document.Kind.REVIEW_MINUTES, title="Minutes", dated=review.held_on)
    DocumentFactory(child=child, kind=Document.Kind.REVIEW_MINUTES, title="Minutes", dated=D(2026, 11, 3))
    page = client.get(reverse("child", args=[child.pk])).content.decode()
    assert "Not yet on the record" not in page


def test_pre_proceedings_are_recorded_with_the_reason_no_meeting_was_offered(client, social_worker, child):
    client.force_login(social_worker)
    response = client.post(reverse("add_record_entry", args=[child.pk, "pre_proceedings"]), {
        "started_on_0": "2", "started_on_1": "11", "started_on_2": "2026",
        "fgdm_not_offered_reason": "  Father's bail conditions prevent a family meeting.  ",
    })
    assert response.status_code == 302
    pre = PreProceedings.objects.get(child=child)
    assert pre.fgdm_not_offered_reason == "Father's bail conditions prevent a family meeting."
    assert pre.fgdm_answered


def test_an_offer_and_a_reason_together_are_refused(client, social_worker, child):
    client.force_login(social_worker)
    response = client.post(reverse("add_record_entry", args=[child.pk, "pre_proceedings"]), {
        "started_on_0": "2", "started_on_1": "11", "started_on_2": "2026",
        "fgdm_offered_on_0": "1", "fgdm_offered_on_1": "11", "fgdm_offered_on_2": "2026",
        "fgdm_not_offered_reason": "Declined.",
    })
    assert "Leave the reason blank: a meeting was offered" in response.content.decode()


def test_the_offer_is_recorded_after_pre_proceedings_began(client, social_worker, child):
    pre = PreProceedingsFactory(child=child, started_on=D(2026, 11, 2))
    client.force_login(social_worker)
    page = client.get(reverse("child", args=[child.pk])).content.decode()
    assert "No family group meeting offered" in page
    response = client.post(reverse("pre_proceedings_fgdm", args=[child.pk, pre.pk]), {
        "fgdm_offered_on_0": "9", "fgdm_offered_on_1": "11", "fgdm_offered_on_2": "2026", "fgdm_facilitated": "on",
    })
    assert response.status_code == 302
    pre.refresh_from_db()
    assert (pre.fgdm_offered_on, pre.fgdm_facilitated) == (D(2026, 11, 9), True)
    assert pre.history.first().history_user == social_worker


def test_only_those_who_write_the_record_record_the_offer(client, iro, outsider, child):
    pre = PreProceedingsFactory(child=child)
    for person in (iro, outsider):
        client.force_login(person)
        assert client.get(reverse("pre_proceedings_fgdm", args=[child.pk, pre.pk])).status_code == 404
