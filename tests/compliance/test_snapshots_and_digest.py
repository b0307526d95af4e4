"""Monthly snapshots, the daily digest, the `sweep` command and the demo's compliance history."""
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from compliance import digest, snapshots
from compliance.models import Digest, Flag, Snapshot
from tests.factories import ChildFactory, ChronologyEntryFactory

from .helpers import D, at, run

TODAY = D(2026, 11, 23)


@pytest.fixture
def team_children(team_manager, social_worker):
    """Three open children in Team A, one with a chronology."""
    children = [ChildFactory(worker=social_worker, opened_on=D(2026, 1, 5)) for _ in range(3)]
    ChronologyEntryFactory(child=children[0], occurred_on=D(2026, 11, 2))
    return children


def test_a_snapshot_counts_population_and_breaches_per_team_and_rule(team_children, team):
    snapshots.take(month=D(2026, 11, 1), today=TODAY, now=at(TODAY))
    chronology = Snapshot.objects.get(month=D(2026, 11, 1), team=team, rule="CHRON-MISSING")
    assert (chronology.population, chronology.breaches) == (3, 2)
    assert Snapshot.objects.get(team=team, rule="TEAM-MEETING").population == 1


def test_taking_a_snapshot_again_replaces_it(team_children, team):
    snapshots.take(month=D(2026, 11, 1), today=TODAY, now=at(TODAY))
    before = set(Snapshot.objects.values_list("rule", "team", "population", "breaches"))
    ChronologyEntryFactory(child=team_children[1])
    snapshots.take(month=D(2026, 11, 1), today=TODAY, now=at(TODAY))
    after = set(Snapshot.objects.values_list("rule", "team", "population", "breaches"))
    assert len(after) == len(before) == Snapshot.objects.count()
    assert Snapshot.objects.get(team=team, rule="CHRON-MISSING").breaches == 1


def test_the_monthly_snapshot_is_of_the_month_just_ended():
    assert snapshots.previous_month(D(2026, 12, 1)) == D(2026, 11, 1)
    assert snapshots.previous_month(D(2027, 1, 1)) == D(2026, 12, 1)


def test_each_manager_gets_a_digest_of_new_and_long_open_flags_once_a_day(team_children, team_manager, other_team):
    run(TODAY)
    sent = digest.send_all(today=TODAY, now=at(TODAY, 12))
    assert sent >= 1
    (email,) = [m for m in mail.outbox if m.to == [team_manager.email]]
    assert "CHRON-MISSING (Chronology started): child " + team_children[1].local_id in email.body
    assert team_children[1].first_name not in email.body
    assert email.subject.startswith(f"Oversight: {Flag.objects.visible_to(team_manager).open().count()} new flags")
    mail.outbox.clear()
    assert digest.send_all(today=TODAY, now=at(TODAY, 13)) == 0
    assert Digest.objects.get(manager=team_manager).new_flags > 0


def test_the_next_digest_with_nothing_new_is_not_sent(team_children, team_manager):
    # Issue 25: nothing is sent when nothing is new (it used to send a "0 new flags" email of long-open counts).
    run(TODAY)
    digest.send_all(today=TODAY, now=at(TODAY, 12))
    mail.outbox.clear()
    digest.send_all(today=D(2026, 11, 24), now=at(D(2026, 11, 24), 12))
    assert [m for m in mail.outbox if m.to == [team_manager.email]] == []


def test_the_sweep_command_prints_raised_resolved_and_open_per_rule(team_children):
    out = StringIO()
    call_command("sweep", stdout=out)
    lines = {line.split()[0]: line.split()[1:] for line in out.getvalue().splitlines()[1:-1]}
    assert lines["CHRON-MISSING"] == ["2", "0", "2"]
    assert set(lines) == {rule for rule in lines if rule.isupper()} and "SUP-FREQ" in lines
    out = StringIO()
    call_command("sweep", stdout=out)
    assert "CHRON-MISSING        0         0      2" in out.getvalue()


def test_the_demo_flags_its_gaps_and_keeps_12_months_of_history_without_duplicates(db):
    call_command("seed_demo", teams=2, practitioners_per_team=3, children=40, stdout=StringIO())
    assert Flag.objects.open().exists()
    months = set(Snapshot.objects.values_list("month", flat=True))
    assert len(months) == 13
    count = Snapshot.objects.count()
    call_command("seed_demo", teams=2, practitioners_per_team=3, children=40, stdout=StringIO())
    assert Snapshot.objects.count() == count
