"""Every change keeps who, when and what (django-simple-history); managers read a child's record history."""
import pytest
from django.urls import reverse

from cases.models import ChronologyEntry
from organisation.models import StaffMember
from tests.factories import CaseNoteFactory


def test_a_change_made_through_a_page_is_kept_with_who_made_it(client, social_worker, child):
    client.force_login(social_worker)
    response = client.post(
        reverse("add_record_entry", args=[child.pk, "chronology"]),
        {"occurred_on": "2026-02-02", "event_type": "referral", "source": "School", "summary": "Referral received."},
    )
    assert response.status_code == 302
    entry = ChronologyEntry.objects.get(child=child)
    (created,) = entry.history.all()
    assert (created.history_type, created.history_user, created.summary) == ("+", social_worker, "Referral received.")


def test_signing_in_adds_no_history_and_passwords_are_never_kept(client, social_worker):
    before = StaffMember.history.filter(id=social_worker.pk).count()
    client.post(reverse("login"), {"username": social_worker.username, "password": "a-long-test-password"})
    assert StaffMember.history.filter(id=social_worker.pk).count() == before
    assert "password" not in {f.name for f in StaffMember.history.model._meta.fields}


def test_a_manager_reads_what_changed_on_the_record_and_by_whom(client, team_manager, child):
    note = CaseNoteFactory(child=child, note="First visit.")
    note.note = "First visit; child seen alone."
    note.save()
    client.force_login(team_manager)
    response = client.get(reverse("traceability:record_history", args=[child.pk]))
    changes = response.context["changes"]
    edited = next(c for c in changes if c.what == "case note" and c.change_type == "Changed")
    assert ("note", "First visit.", "First visit; child seen alone.") in edited.fields
    assert "Record history" in response.content.decode()


@pytest.mark.parametrize("persona", ["social_worker", "iro", "administrator", "outsider"])
def test_only_managers_over_the_child_read_its_record_history(client, request, persona, child):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("traceability:record_history", args=[child.pk])).status_code == 404


def test_the_record_history_page_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, team_manager, child
):
    for _ in range(30):
        CaseNoteFactory(child=child).save()
    client.force_login(team_manager)
    with django_assert_max_num_queries(30):
        assert client.get(reverse("traceability:record_history", args=[child.pk])).status_code == 200
