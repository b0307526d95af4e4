"""The sweep's ways of raising and resolving: by id or in bulk, with or without the database's array insert."""
import pytest
from django.db import connection

from cases.models import Child
from compliance import sweep
from compliance.models import Flag
from tests.factories import ChildFactory, ChronologyEntryFactory, TeamFactory

from .helpers import D, at, open_flags, run, supervised

TODAY = D(2026, 11, 23)


@pytest.fixture
def authority(db):
    team = TeamFactory()
    for opened in (D(2026, 1, 5), D(2026, 3, 2), D(2026, 6, 1)):
        worker = supervised(team=team, started_in_post=D(2024, 1, 8))
        ChildFactory(worker=worker, opened_on=opened)
    return team


def test_many_new_breaches_read_in_one_pass_raise_the_same_flags_as_fetched_by_id(authority, monkeypatch):
    run(TODAY)
    by_id = open_flags()
    Flag.objects.all().delete()
    monkeypatch.setattr(sweep, "FETCH_BY_ID", 0)
    run(TODAY)
    assert open_flags() == by_id and len(by_id) > 6


def test_the_array_insert_raises_the_same_flags_as_bulk_create(authority, monkeypatch):
    run(TODAY)
    inserted = open_flags()
    Flag.objects.all().delete()
    monkeypatch.setattr(connection, "vendor", "sqlite")
    run(TODAY)
    assert open_flags() == inserted


def test_chunks_raise_and_resolve_every_flag(authority, monkeypatch):
    monkeypatch.setattr(sweep, "CHUNK", 1)
    outcomes = run(TODAY)
    raised = Flag.objects.filter(rule="CHRON-MISSING")
    assert outcomes["CHRON-MISSING"].raised == raised.count() == 3
    for child in Child.objects.all():
        ChronologyEntryFactory(child=child, occurred_on=D(2026, 11, 2))
    assert run(TODAY)["CHRON-MISSING"].resolved == 3
    assert not raised.filter(resolved_at__isnull=True).exists()


def test_a_flag_already_resolved_by_another_sweep_is_not_counted_again(authority):
    run(TODAY)
    flag = Flag.objects.filter(rule="CHRON-MISSING").first()
    assert sweep._update([flag.pk], resolved_at=at(TODAY, 10)) == 1
    assert sweep._update([flag.pk], resolved_at=at(TODAY, 11)) == 0
    flag.refresh_from_db()
    assert flag.resolved_at == at(TODAY, 10)


def test_a_worker_who_moves_team_takes_their_open_flags_along(authority):
    run(TODAY)
    member = Flag.objects.filter(rule="SUP-CONTRACT").first().staff
    new_team = TeamFactory()
    member.team = new_team
    member.save()
    run(TODAY)
    assert Flag.objects.open().get(rule="SUP-CONTRACT", staff=member).team == new_team
