"""Every date a person types is plausible for its meaning, or refused with a message saying why."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from cases.forms.dates import DATE_OF_BIRTH, PlausibleDate
from cases.models import ChronologyEntry
from supervision.models import TeamMeeting

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def pinned():
    with time_machine.travel("2026-11-23 10:00Z", tick=False):
        yield


@pytest.mark.parametrize(("day", "refused"), [
    (datetime.date(1899, 12, 31), True), (datetime.date(1900, 1, 1), False),
    (datetime.date(2028, 11, 23), False), (datetime.date(2028, 11, 24), True), (datetime.date(9999, 12, 31), True),
])
def test_an_event_is_from_1900_to_two_years_ahead(day, refused):
    outcome = _refusal(PlausibleDate(label="Due by"), day)
    assert bool(outcome) is refused
    if refused:
        assert outcome == "Due by must be between 1 January 1900 and 23 November 2028"


@pytest.mark.parametrize(("day", "message"), [
    (TODAY, None), (datetime.date(2026, 11, 24), "Date of birth must be today or in the past"),
    (datetime.date(1900, 1, 1), None),
    (datetime.date(1899, 12, 31), "Date of birth must be between 1 January 1900 and 23 November 2026"),
])
def test_a_date_of_birth_is_not_in_the_future_nor_before_1900(day, message):
    assert _refusal(DATE_OF_BIRTH, day) == message


def _refusal(validator, day):
    try:
        validator(day)
    except Exception as error:  # noqa: BLE001 - the message is what the test reads
        return error.messages[0]
    return None


def _record_entry(client, child, day):
    return client.post(reverse("add_record_entry", args=[child.pk, "chronology"]), {
        "occurred_on": day, "event_type": ChronologyEntry.EventType.REFERRAL, "source": "Police", "summary": "x",
    })


def test_an_entry_on_a_childs_record_is_not_before_the_child_was_born(client, social_worker, child):
    client.force_login(social_worker)
    born = child.date_of_birth
    refused = _record_entry(client, child, (born - datetime.timedelta(days=1)).isoformat())
    assert "must be on or after the child&#x27;s date of birth" in refused.content.decode()
    assert not child.chronology.exists()
    assert _record_entry(client, child, born.isoformat()).status_code == 302


@pytest.mark.parametrize("year", ["99999999999", "99999999999999999999999", "9999", "0001", "1899"])
def test_a_huge_or_implausible_year_in_date_boxes_is_refused_with_a_message(client, team_manager, team, year):
    client.force_login(team_manager)
    response = client.post(reverse("supervision:meeting_new", args=[team.pk]), {
        "held_on_0": "1", "held_on_1": "1", "held_on_2": year, "agenda": "a", "minutes": "m",
        "attendees": [team_manager.pk], "chair": team_manager.pk,
    })
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "Date must be a real date" in page or "Date must be between 1 January 1900 and 23 November 2028" in page
    assert not TeamMeeting.objects.exists()


def test_a_text_longer_than_any_note_is_refused(client, social_worker, child):
    client.force_login(social_worker)
    response = client.post(reverse("add_record_entry", args=[child.pk, "chronology"]), {
        "occurred_on": "2026-11-20", "event_type": ChronologyEntry.EventType.REFERRAL, "source": "Police",
        "summary": "x" * 20_001,
    })
    assert "Ensure this value has at most 20000 characters" in response.content.decode()
    assert not child.chronology.exists()
