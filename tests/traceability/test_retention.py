"""Retention periods by category, legal holds, and disposal that is logged (Data Protection Act, W 4)."""
import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from cases.models import CaseNote, Category, Child
from tests.factories import CaseNoteFactory, ChildFactory
from traceability import retention
from traceability.models import DisposalRecord, LegalHold, RetentionRule
from traceability.tasks import apply_retention

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def closed_cp(social_worker):
    """A child protection case closed 36 years ago: past the 35-year local default."""
    return ChildFactory(
        worker=social_worker, category=Category.CHILD_PROTECTION, date_of_birth=datetime.date(1980, 1, 1),
        opened_on=datetime.date(1985, 1, 1), closed_on=datetime.date(1990, 11, 1),
    )


def test_the_defaults_come_with_their_sources(db):
    rules = {rule.category: rule for rule in RetentionRule.objects.all()}
    assert (rules["CLA"].years, rules["CLA"].basis) == (75, "birth")
    assert "reg 50" in rules["CLA"].source
    assert (rules["CL"].years, rules["ADOPT"].years) == (75, 100)
    assert (rules["CP"].years, rules["CP"].basis, rules["CP"].local) == (35, "closure", True)


def test_closed_cases_past_retention_are_listed_but_not_open_or_held_ones(
    closed_cp, social_worker, administrator
):
    ChildFactory(worker=social_worker, category=Category.CHILD_PROTECTION, date_of_birth=datetime.date(1980, 1, 1),
                 opened_on=datetime.date(1985, 1, 1))  # still open
    recent = ChildFactory(worker=social_worker, category=Category.CHILD_PROTECTION,
                          opened_on=datetime.date(2020, 1, 1), closed_on=datetime.date(2021, 1, 1))
    assert list(retention.past_retention(TODAY)) == [closed_cp]
    LegalHold.objects.create(child=closed_cp, reason="Claim 2026/17", placed_by=administrator)
    assert not retention.past_retention(TODAY).exists()
    assert recent not in retention.past_retention(TODAY)


def test_a_looked_after_childs_record_is_kept_until_the_75th_birthday(social_worker):
    child = ChildFactory(
        worker=social_worker, category=Category.LOOKED_AFTER, date_of_birth=datetime.date(1951, 11, 24),
        opened_on=datetime.date(1960, 1, 1), closed_on=datetime.date(1969, 11, 24),
    )
    assert not retention.past_retention(TODAY).exists()
    assert list(retention.past_retention(TODAY + datetime.timedelta(days=1))) == [child]


def test_disposal_removes_the_record_its_entries_and_their_history_and_logs_identifiers_only(
    closed_cp, administrator
):
    CaseNoteFactory(child=closed_cp, note="Content that must go.").save()
    record = retention.dispose(child=closed_cp, by=administrator, today=TODAY)
    assert not Child.objects.filter(pk=closed_cp.pk).exists()
    assert not CaseNote.objects.exists()
    assert not Child.history.filter(id=closed_cp.pk).exists()
    assert not CaseNote.history.exists()
    assert (record.local_id, record.disposed_by, record.category) == (closed_cp.local_id, administrator, "CP")
    assert record.removed["cases.CaseNote"] == 1 and "35" in record.rule
    assert closed_cp.first_name not in str(record.__dict__)


def test_a_held_record_is_not_disposed_of(closed_cp, administrator):
    LegalHold.objects.create(child=closed_cp, reason="Inquiry ref 4", placed_by=administrator)
    assert retention.dispose_due(today=TODAY, by=administrator) == []
    assert Child.objects.filter(pk=closed_cp.pk).exists()


def test_the_command_and_the_task_dispose_as_the_scheduled_job(closed_cp, capsys):
    call_command("apply_retention", "--dry-run")
    assert closed_cp.local_id in capsys.readouterr().out
    assert Child.objects.filter(pk=closed_cp.pk).exists()
    assert apply_retention.run() == [closed_cp.local_id]
    assert DisposalRecord.objects.get().disposed_by is None


def test_an_administrator_lists_holds_and_disposes_from_the_page(client, administrator, closed_cp):
    client.force_login(administrator)
    page = client.get(reverse("traceability:retention"))
    assert closed_cp.local_id in page.content.decode()
    assert closed_cp.first_name not in page.content.decode()
    response = client.post(
        reverse("traceability:retention"), {"local_id": closed_cp.local_id, "reason": "Claim 1", "hold": ""}
    )
    assert response.status_code == 302
    hold = LegalHold.objects.get()
    client.post(reverse("traceability:dispose"))
    assert Child.objects.filter(pk=closed_cp.pk).exists()
    client.post(reverse("traceability:lift_hold", args=[hold.pk]))
    client.post(reverse("traceability:dispose"))
    assert not Child.objects.filter(pk=closed_cp.pk).exists()
    assert DisposalRecord.objects.get().disposed_by == administrator


def test_a_hold_on_an_unknown_child_is_refused_with_a_message(client, administrator):
    client.force_login(administrator)
    response = client.post(reverse("traceability:retention"), {"local_id": "NOPE", "reason": "x", "hold": ""})
    assert "No child has that local identifier" in response.content.decode()
    assert not LegalHold.objects.exists()
