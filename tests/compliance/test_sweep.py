"""The sweep: raises, leaves open flags alone, resolves mended ones; idempotent and safe to rerun after a crash."""
import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from compliance import sweep
from compliance.models import Flag, SubjectKind, SweepRun
from compliance.rules import RULES
from compliance.services import change_standard
from organisation.models import StandardChange
from tests.factories import ChildFactory, ChronologyEntryFactory, TeamFactory

from .helpers import D, at, open_flags, run, supervised

TODAY = D(2026, 11, 23)


@pytest.fixture
def gaps(db):
    """A team whose child has no chronology and whose worker has no contract."""
    team = TeamFactory()
    worker = supervised(team=team, started_in_post=D(2024, 1, 8))
    return ChildFactory(worker=worker, opened_on=D(2026, 1, 5))


def test_it_raises_one_flag_per_rule_and_subject(gaps):
    outcomes = run(TODAY)
    flag = Flag.objects.get(rule="CHRON-MISSING")
    assert (flag.kind, flag.child, flag.team, flag.due_since) == (SubjectKind.CHILD, gaps, gaps.team, D(2026, 1, 19))
    assert flag.raised_at == at(TODAY, 9) and flag.resolved_at is None
    assert Flag.objects.get(rule="SUP-CONTRACT").staff == gaps.worker
    assert outcomes["CHRON-MISSING"].raised == 1


def test_running_it_twice_leaves_exactly_the_same_flags(gaps):
    run(TODAY)
    first = list(Flag.objects.values_list("pk", "rule", "raised_at", "resolved_at").order_by("pk"))
    outcomes = run(TODAY)
    assert list(Flag.objects.values_list("pk", "rule", "raised_at", "resolved_at").order_by("pk")) == first
    assert all(o.raised == 0 and o.resolved == 0 for o in outcomes.values())


def test_a_mended_breach_resolves_its_flag_and_a_new_breach_raises_a_new_one(gaps):
    run(TODAY)
    entry = ChronologyEntryFactory(child=gaps, occurred_on=D(2026, 1, 6))
    assert run(D(2026, 11, 24))["CHRON-MISSING"].resolved == 1
    resolved = Flag.objects.get(rule="CHRON-MISSING")
    assert resolved.resolved_at == at(D(2026, 11, 24), 9)
    entry.delete()
    run(D(2026, 11, 25))
    assert Flag.objects.filter(rule="CHRON-MISSING").count() == 2
    assert Flag.objects.open().get(rule="CHRON-MISSING").pk != resolved.pk


def test_open_flags_follow_a_child_who_moves_team(gaps):
    run(TODAY)
    new_team = TeamFactory()
    gaps.team = new_team
    gaps.save()
    run(TODAY)
    assert Flag.objects.get(rule="CHRON-MISSING").team == new_team


def test_killed_half_way_and_rerun_it_ends_like_a_clean_run(gaps, monkeypatch):
    fourth = RULES[3]

    def crash(today, figures):
        raise RuntimeError("worker killed")

    monkeypatch.setattr(fourth, "breaches", crash)
    with pytest.raises(RuntimeError):
        run(TODAY)
    assert Flag.objects.filter(rule__in=[r.code for r in RULES[:3]]).exists()
    assert not Flag.objects.filter(rule__in=[r.code for r in RULES[3:]]).exists()
    monkeypatch.undo()
    run(TODAY)
    after_crash = open_flags()
    Flag.objects.all().delete()
    run(TODAY)
    assert open_flags() == after_crash


def test_the_database_allows_one_open_flag_per_rule_and_subject(gaps):
    Flag.objects.create(rule="SUMMARY", kind="child", child=gaps, team=gaps.team, due_since=TODAY, raised_at=at(TODAY))
    Flag.objects.create(
        rule="SUMMARY", kind="child", child=gaps, team=gaps.team, due_since=TODAY, raised_at=at(TODAY),
        resolved_at=at(TODAY),
    )
    with pytest.raises(IntegrityError):
        Flag.objects.create(
            rule="SUMMARY", kind="child", child=gaps, team=gaps.team, due_since=TODAY, raised_at=at(TODAY)
        )


def test_a_flag_must_name_one_subject_of_its_kind(gaps):
    with pytest.raises(IntegrityError):
        Flag.objects.create(rule="SUMMARY", kind="staff", child=gaps, due_since=TODAY, raised_at=at(TODAY))


def test_the_next_sweep_uses_a_changed_figure(administrator, gaps):
    ChronologyEntryFactory(child=gaps, occurred_on=D(2026, 9, 1))  # 83 days before TODAY
    run(TODAY)
    assert not Flag.objects.filter(rule="CHRON-STALE").exists()
    change_standard(code="CHRON-STALE", by=administrator, enabled=True, values={"days": 60})
    run(TODAY)
    assert Flag.objects.open().get(rule="CHRON-STALE").due_since == D(2026, 10, 31)
    change = StandardChange.objects.get(code="CHRON-STALE")
    assert (change.field, change.old_value, change.new_value, change.changed_by) == ("days", "90", "60", administrator)


def test_turning_a_rule_off_resolves_its_open_flags(administrator, gaps):
    run(TODAY)
    change_standard(code="CHRON-MISSING", by=administrator, enabled=False, values={"working_days": 10})
    assert run(TODAY)["CHRON-MISSING"].resolved == 1
    assert not Flag.objects.open().filter(rule="CHRON-MISSING").exists()
    assert Flag.objects.open().filter(rule="SUP-CONTRACT").exists()


def test_a_targeted_sweep_touches_only_its_subjects(gaps):
    other = ChildFactory(opened_on=D(2026, 1, 5), worker=supervised(started_in_post=D(2024, 1, 8)))
    run(TODAY, children=[gaps.pk])
    assert set(Flag.objects.values_list("child", flat=True)) == {gaps.pk}
    run(TODAY, staff=[other.worker_id])
    assert set(Flag.objects.values_list("staff", flat=True)) - {None} == {other.worker_id}


def test_a_full_sweep_is_recorded_and_refused_while_another_runs(gaps):
    completed = sweep.full_sweep(today=TODAY, now=at(TODAY))
    assert SweepRun.last_finished() == completed
    assert completed.counts["CHRON-MISSING"] == {"raised": 1, "resolved": 0, "open": 1}
    with sweep.full_sweep_lock() as acquired:
        assert acquired
        if connection.vendor == "postgresql":
            # Another session (another worker) cannot take the lock while this one holds it.
            from django.db import connections

            other = connections.create_connection("default")
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [sweep.FULL_SWEEP_LOCK])
                assert cursor.fetchone()[0] is False
            other.close()
        else:
            assert sweep.full_sweep(today=TODAY, now=at(TODAY)) is None


def authority_with(children):
    team = TeamFactory()
    for _ in range(children):
        worker = supervised(team=team, started_in_post=D(2024, 1, 8))
        ChildFactory(worker=worker, opened_on=D(2026, 1, 5))


@pytest.mark.parametrize("children", [5, 50])
def test_the_sweep_makes_a_bounded_number_of_queries_whatever_the_size(db, children, django_assert_max_num_queries):
    authority_with(children)
    # The configuration, then per rule: savepoint, new breaches, insert, resolving update, team update, release.
    with django_assert_max_num_queries(1 + 6 * len(RULES)):
        run(TODAY)


def test_the_sweep_makes_the_same_queries_for_5_or_50_children(db):
    counts = []
    for children in (5, 50):
        Flag.objects.all().delete()
        authority_with(children)
        with CaptureQueriesContext(connection) as queries:
            run(TODAY)
        counts.append(len(queries))
    assert counts[0] == counts[1]
