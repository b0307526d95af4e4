"""A print view of the whole record: every entry on one page (not a page of the newest), and access-logged."""
import datetime

from django.urls import reverse

from cases import timeline
from tests.factories import CaseNoteFactory, ChronologyEntryFactory
from traceability.models import AccessLogEntry, Action


def test_the_print_view_holds_every_entry_of_the_record(client, team_manager, child):
    start = datetime.date(2025, 1, 6)
    notes = [
        CaseNoteFactory(child=child, occurred_on=start + datetime.timedelta(days=i), child_said=f"Visit number {i}")
        for i in range(timeline.PAGE_SIZE + 5)
    ]
    ChronologyEntryFactory(child=child, occurred_on=start, summary="Referral from school nurse")
    client.force_login(team_manager)
    record = client.get(reverse("child", args=[child.pk])).content.decode()
    assert "Visit number 0" not in record  # the record page shows only the newest page
    page = client.get(reverse("child_print", args=[child.pk])).content.decode()
    assert all(f"Visit number {i}" in page for i in range(len(notes)))
    assert "Referral from school nurse" in page
    assert "Oversight at a glance" in page and child.full_name in page
    assert f'href="{reverse("child_print", args=[child.pk])}"' in record


def test_printing_the_record_is_in_its_access_log(client, social_worker, child):
    client.force_login(social_worker)
    client.get(reverse("child_print", args=[child.pk]))
    entry = AccessLogEntry.objects.get(view_name="child_print")
    assert (entry.user, entry.action, entry.kind, entry.object_id) == (social_worker, Action.VIEWED, "child", child.pk)


def test_someone_outside_the_childs_team_cannot_print_it(client, outsider, child):
    client.force_login(outsider)
    assert client.get(reverse("child_print", args=[child.pk])).status_code == 404
