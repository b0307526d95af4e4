"""Adding entries to the child's record, and allocation (K 2, K 6, W 3, W 4)."""
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Allocation, CaseNote, ChronologyEntry, Document, ManagementDecision, ManagerMeeting
from organisation.models import StaffMember
from tests.factories import ChildFactory, DocumentFactory, StaffFactory
from tests.forms import date_fields


def add(client, child, kind, data):
    return client.post(reverse("add_record_entry", args=[child.pk, kind]), data)


def test_the_allocated_worker_adds_a_chronology_entry(client, social_worker, child):
    client.force_login(social_worker)
    response = add(client, child, "chronology", {
        "occurred_on": "2026-11-02", "event_type": "police", "significant": "on",
        "source": "Police notification", "summary": "Domestic incident at home.",
    })
    assert response.status_code == 302
    entry = ChronologyEntry.objects.get(child=child)
    assert (entry.recorded_by, entry.significant) == (social_worker, True)


def test_a_future_date_is_refused_and_nothing_is_saved(client, social_worker, child):
    client.force_login(social_worker)
    response = add(client, child, "chronology", {
        "occurred_on": "2099-01-01", "event_type": "police", "source": "x", "summary": "x",
    })
    assert response.status_code == 200
    assert "must be today or in the past" in response.content.decode()
    assert not ChronologyEntry.objects.exists()


def test_a_visit_records_seen_alone_and_the_childs_words(client, social_worker, child):
    client.force_login(social_worker)
    response = add(client, child, "note", {
        "occurred_on": "2026-11-20", "kind": "statutory_visit", "child_seen": "on", "seen_alone": "on",
        "views_recorded": "on", "child_said": "I want to stay at my school.",
    })
    assert response.status_code == 302
    assert CaseNote.objects.get(child=child).seen_alone


def test_seen_alone_without_seen_is_refused(client, social_worker, child):
    client.force_login(social_worker)
    response = add(client, child, "note", {"occurred_on": "2026-11-20", "kind": "statutory_visit", "seen_alone": "on"})
    assert "A child seen alone must also be recorded as seen" in response.content.decode()
    assert not CaseNote.objects.exists()


def test_views_recorded_needs_the_childs_words(client, social_worker, child):
    client.force_login(social_worker)
    response = add(client, child, "note", {
        "occurred_on": "2026-11-20", "kind": "statutory_visit", "child_seen": "on", "views_recorded": "on",
    })
    assert "Write what the child said" in response.content.decode()


def test_a_management_decision_is_recorded_by_the_manager_and_shown_as_theirs(client, team_manager, child):
    client.force_login(team_manager)
    response = add(client, child, "decision", {
        "decided_on_0": "20", "decided_on_1": "11", "decided_on_2": "2026", "context": "outside_supervision",
        "decision": "Convene a strategy discussion.", "rationale": "Escalating concerns.",
    })
    assert response.status_code == 302
    assert ManagementDecision.objects.get(child=child).manager == team_manager
    content = client.get(reverse("child", args=[child.pk])).content.decode()
    assert "Convene a strategy discussion." in content
    assert "govuk-tag--blue\">Manager" in content


def test_a_practitioner_cannot_record_a_management_decision(client, social_worker, child):
    client.force_login(social_worker)
    assert client.get(reverse("add_record_entry", args=[child.pk, "decision"])).status_code == 404


def test_an_iro_reads_the_record_but_does_not_write_on_it(client, iro, child):
    client.force_login(iro)
    assert client.get(reverse("child", args=[child.pk])).status_code == 200
    assert client.get(reverse("add_record_entry", args=[child.pk, "chronology"])).status_code == 404


def test_an_unknown_entry_kind_is_not_found(client, social_worker, child):
    client.force_login(social_worker)
    assert client.get(reverse("add_record_entry", args=[child.pk, "nonsense"])).status_code == 404


def test_a_practitioner_records_a_meeting_but_not_whether_the_manager_attended(
    client, social_worker, team_manager, child
):
    client.force_login(social_worker)
    response = add(client, child, "meeting", {
        "kind": "icpc", "held_on_0": "18", "held_on_1": "11", "held_on_2": "2026", "manager": team_manager.pk,
        "manager_attended": "on",
    })
    assert response.status_code == 302
    meeting = ManagerMeeting.objects.get(child=child)
    assert meeting.manager_attended is False
    assert meeting.attendance_confirmed_at is None


def test_confidential_documents_are_hidden_from_the_iro(client, iro, social_worker, team_manager, child):
    DocumentFactory(child=child, title="Police disclosure", confidential=True, kind="report")
    DocumentFactory(child=child, title="School photo")
    client.force_login(iro)
    content = client.get(reverse("child", args=[child.pk])).content.decode()
    assert "School photo" in content and "Police disclosure" not in content
    for viewer in (social_worker, team_manager):
        client.force_login(viewer)
        assert "Police disclosure" in client.get(reverse("child", args=[child.pk])).content.decode()
    assert set(Document.objects.visible_to(iro)) == {Document.objects.get(title="School photo")}


def test_the_timeline_filters_by_kind(client, social_worker, child):
    ChronologyEntry.objects.create(child=child, occurred_on=datetime.date(2026, 3, 1), event_type="police",
                                   source="Police", summary="Chronology only", recorded_by=social_worker)
    CaseNote.objects.create(child=child, occurred_on=datetime.date(2026, 3, 2), kind="note", note="A case note only",
                            author=social_worker)
    client.force_login(social_worker)
    content = client.get(reverse("child", args=[child.pk]) + "?kind=note").content.decode()
    assert "A case note only" in content and "Chronology only" not in content


@pytest.fixture
def allocation_data():
    return {
        "purpose": "Complete the assessment", "expectations": "Weekly home visits to observe routines",
        "contingency": "If no access, return next day and call school",
        **date_fields("complete_by", timezone.localdate() + datetime.timedelta(days=60)),
        "suited_because": "Experienced in pre-birth assessments",
    }


def test_the_allocation_form_shows_caseload_against_capacity(client, team_manager, social_worker, child):
    client.force_login(team_manager)
    content = client.get(reverse("allocate", args=[child.pk])).content.decode()
    assert f"{social_worker}: 1 of 18 cases" in content


def test_allocating_records_purpose_and_expectations(client, team_manager, colleague, child, allocation_data):
    client.force_login(team_manager)
    response = client.post(reverse("allocate", args=[child.pk]), {"worker": colleague.pk, **allocation_data})
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.worker == colleague
    current = Allocation.objects.get(child=child, ended_on__isnull=True)
    assert (current.allocated_by, current.purpose) == (team_manager, "Complete the assessment")


def test_allocating_over_capacity_needs_a_written_justification(client, team_manager, team, child, allocation_data):
    part_time = StaffFactory(team=team, fte="0.50")  # capacity 9
    ChildFactory.create_batch(9, worker=part_time)
    client.force_login(team_manager)
    url = reverse("allocate", args=[child.pk])
    response = client.post(url, {"worker": part_time.pk, **allocation_data})
    assert "is at or over capacity" in response.content.decode()
    child.refresh_from_db()
    assert child.worker != part_time
    response = client.post(url, {"worker": part_time.pk, **allocation_data,
                                 "over_capacity_justification": "Knows the family well; short-term."})
    assert response.status_code == 302
    assert Allocation.objects.get(child=child, ended_on__isnull=True).over_capacity_justification


def test_newly_qualified_capacity_is_reduced(team, child):
    import datetime as dt

    newly = StaffFactory(team=team, date_qualified=dt.date(2026, 6, 1))
    capacity = {day: StaffMember.objects.with_caseload(day).get(pk=newly.pk).capacity
                for day in (dt.date(2026, 11, 23), dt.date(2027, 6, 1))}
    assert list(capacity.values()) == [14, 18]  # 80% of 18, then 18


def test_practitioners_cannot_allocate(client, social_worker, child):
    client.force_login(social_worker)
    assert client.get(reverse("allocate", args=[child.pk])).status_code == 404


def test_a_management_decision_takes_its_date_as_gov_uk_day_month_and_year(client, team_manager, child):
    client.force_login(team_manager)
    page = client.get(reverse("add_record_entry", args=[child.pk, "decision"])).content.decode()
    assert 'name="decided_on_0"' in page and 'type="date"' not in page
    assert "novalidate" in page  # the server validates, with the error summary
    response = add(client, child, "decision", {
        "decided_on_0": "31", "decided_on_1": "2", "decided_on_2": "2026", "context": "outside_supervision",
        "decision": "Convene a strategy discussion.", "rationale": "Escalating concerns.",
    })
    assert "<title>Error: " in response.content.decode()
    assert not ManagementDecision.objects.filter(child=child).exists()
