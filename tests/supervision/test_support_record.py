"""The restricted support record (K 4, W 5.2): the person, their line of management and HR-designated staff only;
never on a child's record. Every other role gets 404 (also in tests/supervision/test_access.py)."""
import datetime

import pytest
from django.urls import reverse

from supervision.models import SupportRecord
from tests.factories import ChildFactory, SupportRecordFactory


@pytest.fixture
def record(social_worker):
    return SupportRecordFactory(staff=social_worker, concern="Analysis in assessments below good.")


def test_hr_designated_staff_read_anyones_support_record(client, administrator, record, social_worker):
    client.force_login(administrator)
    assert client.get(reverse("supervision:support", args=[social_worker.pk])).status_code == 404
    administrator.hr_designated = True
    administrator.save()
    page = client.get(reverse("supervision:support", args=[social_worker.pk])).content.decode()
    assert "Analysis in assessments below good." in page


@pytest.mark.parametrize("persona", ["colleague", "iro", "administrator", "outsider"])
def test_nobody_else_reads_it(client, request, persona, record):
    user = request.getfixturevalue(persona)
    assert not SupportRecord.objects.visible_to(user).exists()


def test_the_person_reads_their_own_but_cannot_write_in_it(client, social_worker, record):
    client.force_login(social_worker)
    page = client.get(reverse("supervision:support", args=[social_worker.pk])).content.decode()
    assert "My support record" in page and "Add to the support record" not in page
    assert client.get(reverse("supervision:support_new", args=[social_worker.pk])).status_code == 404


def test_a_line_manager_records_concern_support_and_hr_steps(client, team_manager, social_worker):
    client.force_login(team_manager)
    answer = client.post(reverse("supervision:support_new", args=[social_worker.pk]), {
        "recorded_on_0": "2", "recorded_on_1": "11", "recorded_on_2": "2026",
        "concern": "Plans not SMART.", "support_offered": "Fortnightly coaching.", "hr_stage": "informal",
        "hr_steps": "Informal meeting with HR adviser present.",
    })
    assert answer.status_code == 302
    saved = SupportRecord.objects.get()
    assert (saved.staff, saved.recorded_by) == (social_worker, team_manager)
    assert saved.recorded_on == datetime.date(2026, 11, 2)


def test_concern_and_support_of_only_spaces_are_refused(client, team_manager, social_worker):
    client.force_login(team_manager)
    page = client.post(reverse("supervision:support_new", args=[social_worker.pk]), {
        "recorded_on_0": "2", "recorded_on_1": "11", "recorded_on_2": "2026",
        "concern": "  ", "support_offered": " ", "hr_stage": "none",
    }).content.decode()
    assert "Enter the concerns about practice" in page and "Enter the support offered" in page
    assert not SupportRecord.objects.exists()


def test_it_is_never_on_a_childs_record(client, team_manager, social_worker, record):
    child = ChildFactory(worker=social_worker)
    client.force_login(team_manager)
    page = client.get(child.get_absolute_url()).content.decode()
    assert record.concern not in page


def test_reading_it_is_in_the_access_log(client, team_manager, social_worker, record):
    from traceability.models import AccessLogEntry

    client.force_login(team_manager)
    client.get(reverse("supervision:support", args=[social_worker.pk]))
    assert AccessLogEntry.objects.filter(user=team_manager, object_id=social_worker.pk).exists()
