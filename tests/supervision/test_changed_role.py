"""A move of team or role starts a changed-role period of fortnightly supervision (W 5.2); the manager agrees
when it ends, on the supervision file."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from organisation.models import PracticeStandard
from supervision.frequency import next_due
from tests.factories import StaffFactory, TeamFactory
from tests.forms import form_with

D = datetime.date
TODAY = D(2026, 12, 1)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC), tick=False):
        yield TODAY


def move(client, administrator, member, **changes):
    client.force_login(administrator)
    url = reverse("organisation:staff_change", args=[member.pk])
    response = client.post(url, {**form_with(client.get(url).content.decode(), "last_name"), **changes})
    assert response.status_code == 302
    member.refresh_from_db()
    return member


def test_moving_to_another_team_starts_three_months_of_fortnightly_supervision(client, administrator, social_worker,
                                                                               team):
    social_worker.date_qualified = D(2015, 9, 1)
    social_worker.save()
    other = TeamFactory(service=team.service)
    moved = move(client, administrator, social_worker, team=other.pk)
    assert moved.returning_until == D(2027, 3, 1)
    assert next_due(moved, D(2026, 11, 20), TODAY).frequency.label == "Every 14 days (returning or changed role)"
    assert moved.history.first().history_user == administrator


def test_a_change_of_role_starts_it_too_and_the_period_is_configured(client, administrator, social_worker):
    PracticeStandard.objects.update_or_create(code="SUP-FREQ", defaults={"values": {"changed_role_months": 6}})
    moved = move(client, administrator, social_worker, role="senior_practitioner")
    assert moved.returning_until == D(2027, 6, 1)


def test_other_changes_leave_the_period_alone(client, administrator, social_worker):
    moved = move(client, administrator, social_worker, first_name="Renamed")
    assert moved.returning_until is None


def test_a_longer_agreed_period_is_not_shortened_by_a_move(client, administrator, social_worker, team):
    social_worker.returning_until = D(2027, 8, 31)
    social_worker.save()
    moved = move(client, administrator, social_worker, team=TeamFactory(service=team.service).pk)
    assert moved.returning_until == D(2027, 8, 31)


def test_the_line_manager_agrees_the_end_date(client, team_manager, social_worker):
    client.force_login(team_manager)
    url = reverse("supervision:changed_role", args=[social_worker.pk])
    response = client.post(url, {"returning_until_0": "31", "returning_until_1": "1", "returning_until_2": "2027"})
    assert response.status_code == 302
    social_worker.refresh_from_db()
    assert social_worker.returning_until == D(2027, 1, 31)
    page = client.get(reverse("supervision:staff", args=[social_worker.pk])).content.decode()
    assert "Every 14 days (returning or changed role), until 31 January 2027" in page


@pytest.mark.parametrize(("day", "accepted"), [(D(2026, 11, 30), False), (TODAY, True), (D(2026, 12, 2), True)])
def test_the_end_date_is_today_or_later(client, team_manager, social_worker, day, accepted):
    client.force_login(team_manager)
    url = reverse("supervision:changed_role", args=[social_worker.pk])
    response = client.post(url, {"returning_until_0": day.day, "returning_until_1": day.month,
                                 "returning_until_2": day.year})
    social_worker.refresh_from_db()
    assert (response.status_code == 302, social_worker.returning_until) == (
        accepted, day if accepted else None
    )
    if not accepted:
        page = response.content.decode()
        assert "<title>Error: " in page and "The date must be today or later" in page


def test_an_empty_date_ends_the_period(client, team_manager, social_worker):
    social_worker.returning_until = D(2027, 3, 1)
    social_worker.save()
    client.force_login(team_manager)
    url = reverse("supervision:changed_role", args=[social_worker.pk])
    client.post(url, {"returning_until_0": "", "returning_until_1": "", "returning_until_2": ""})
    social_worker.refresh_from_db()
    assert social_worker.returning_until is None


def test_a_colleague_cannot_set_it(client, colleague, social_worker):
    client.force_login(colleague)
    url = reverse("supervision:changed_role", args=[social_worker.pk])
    assert client.get(url).status_code == 404


def test_the_supervision_file_says_why_the_frequency_is_what_it_is(client, team_manager, db):
    member = StaffFactory(date_qualified=D(2015, 9, 1), team=TeamFactory(complex_work=True),
                          line_manager=team_manager)
    client.force_login(team_manager)
    page = client.get(reverse("supervision:staff", args=[member.pk])).content.decode()
    assert "Every 14 days (complex work in the team)" in page
