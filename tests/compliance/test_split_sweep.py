"""The full sweep split by team into parts (issue 22): the same flags, escalations and notifications as one
process's sweep, whatever the number of parts; a part run twice, or dying half way and run again, changes
nothing; the Celery chord finishes the run and then runs what beat asked to follow it."""
import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.utils import timezone

from cases.models import Category
from compliance import digest, sweep, tasks
from compliance.models import Flag, SweepRun
from compliance.rules import BY_CODE, RULES
from organisation.models import Role
from organisation.notifications import Notification
from oversight.celery import app
from tests.factories import (
    AssessmentVersionFactory,
    CaseNoteFactory,
    ChildFactory,
    ChronologyEntryFactory,
    DocumentFactory,
    ServiceFactory,
    StaffFactory,
    SupervisionContractFactory,
    TeamFactory,
)

from .helpers import D, at, held, open_flags
from .test_worker import eventually, worker  # noqa: F401 (the real worker fixture)

EARLIER = D(2026, 9, 14)
TODAY = D(2026, 11, 23)  # a Monday, ten weeks on: flags raised EARLIER have escalated
NOW = at(TODAY, 6)


def build_world():
    """Two services of two teams each, every team in breach of several child, staff and team standards, and
    staff in no team; swept once EARLIER, then changed: a child and a worker move team, a breach is mended."""
    director = StaffFactory(role=Role.DIRECTOR, team=None)
    teams = []
    for _ in range(2):
        head = StaffFactory(role=Role.HEAD_OF_SERVICE, team=None, line_manager=director)
        service = ServiceFactory(head=head)
        for _ in range(2):
            team = TeamFactory(service=service)
            team.manager = StaffFactory(role=Role.TEAM_MANAGER, team=team, line_manager=head)
            team.save()
            teams.append(team)
    children = []
    for n, team in enumerate(teams):
        settled = StaffFactory(team=team, line_manager=team.manager, started_in_post=D(2023, 3, 6))
        SupervisionContractFactory(staff=settled)
        held(settled, D(2026, 6, 1) if n % 2 else D(2026, 11, 16))
        newcomer = StaffFactory(team=team, line_manager=team.manager, date_qualified=D(2026, 7, 1),
                                started_in_post=D(2026, 7, 6))
        for category in (Category.CHILD_IN_NEED, Category.CHILD_PROTECTION, Category.LOOKED_AFTER):
            for member in (settled, newcomer):
                child = ChildFactory(worker=member, team=team, category=category, opened_on=D(2026, 3, 2 + n))
                children.append(child)
                if member is settled:
                    ChronologyEntryFactory(child=child, occurred_on=D(2026, 3, 9))
                    CaseNoteFactory(child=child, occurred_on=D(2026, 9, 1), seen_alone=n % 2 == 0)
                    DocumentFactory(child=child, dated=D(2026, 4, 1))
        AssessmentVersionFactory(
            assessment__child=children[-1], status="submitted", submitted_at=at(D(2026, 8, 3))
        )
    # Supervised by a head of service, in no team: the first part's None.
    StaffFactory(role=Role.SOCIAL_WORKER, team=None, line_manager=teams[0].service.head,
                 started_in_post=D(2022, 1, 10))
    sweep.full_sweep(today=EARLIER, now=at(EARLIER, 6))
    moving_child, moving_worker = children[1], teams[1].members.exclude(pk=teams[1].manager_id).first()
    moving_child.team = teams[3]
    moving_child.save()
    moving_worker.team = teams[2]
    moving_worker.save()
    ChronologyEntryFactory(child=children[3], occurred_on=D(2026, 11, 2))
    return teams


def state():
    """Every flag and notification, comparable across runs (ids of flags aside)."""
    flags = Flag.objects.values_list(
        "rule", "kind", "child", "staff", "team", "due_since", "raised_at", "resolved_at", "escalation_notified"
    )
    notes = Notification.objects.values_list("recipient", "text", "url")
    return sorted(flags, key=repr), sorted(notes, key=repr)


def single():
    """What one process's full sweep leaves (its run's counts too), rolled back afterwards."""
    with transaction.atomic():
        run = sweep.full_sweep(today=TODAY, now=NOW)
        result = state(), run.counts
        transaction.set_rollback(True)
    return result


def split(count, each_part=None):
    """The split sweep as its tasks run it, in this process: start, every part (`each_part(part)` in place of
    a plain sweep), then the chord's callback."""
    run, killed, parts = sweep.start_split(NOW, count)
    results = [(each_part or sweep_part)(part) for part in parts]
    tasks.finish_sweep(results, run.pk, killed, TODAY.isoformat())
    run.refresh_from_db()
    return run, parts


def sweep_part(part):
    return tasks.sweep_part(part, TODAY.isoformat(), NOW.isoformat())


@pytest.fixture
def world(db, monkeypatch):
    # Only the sweeps under test run: no re-check queued by the saves.
    monkeypatch.setattr(tasks.sweep_subjects, "apply_async", lambda **kwargs: None)
    return build_world()


@pytest.fixture
def expected(world):
    (flags, notes), counts = single()
    rules = {flag[0] for flag in flags if flag[7] is None}
    # The data is varied enough to mean something: many rules, flags resolved, moved and escalated.
    assert len(rules) >= 10 and any(flag[7] for flag in flags) and any(flag[8] for flag in flags), rules
    return (flags, notes), counts


@pytest.mark.parametrize("count", [1, 3, 50])
def test_the_split_sweep_leaves_exactly_the_flags_of_the_single_sweep(world, expected, count):
    run, parts = split(count)
    assert len(parts) == min(count, len(world))
    assert (state(), run.counts) == expected
    assert run.parts == len(parts) and run.finished_at


def test_one_part_is_the_whole_sweep_unnarrowed(world):
    assert sweep.parts(1) == [None]


def test_every_team_and_no_team_are_in_exactly_one_part(world):
    parts = sweep.parts(3)
    ids = [team for part in parts for team in part]
    assert sorted(ids, key=repr) == sorted([None, *(team.pk for team in world)], key=repr)
    assert len(ids) == len(set(ids)) and len(parts) == 3


def test_in_teams_picks_a_rules_subjects_by_their_team_now(world):
    staff_rule, child_rule, team_rule = BY_CODE["SUP-CONTRACT"], BY_CODE["CHRON-MISSING"], BY_CODE["TEAM-MEETING"]
    first = world[0]
    assert set(team_rule.in_teams(team_rule.population(TODAY), [first.pk])) == {first}
    in_team = staff_rule.in_teams(staff_rule.population(TODAY), [None])
    assert in_team.exists() and not in_team.exclude(team=None).exists()
    moved = Flag.objects.open().filter(kind="child", child__team=world[3]).exclude(team=world[3])
    assert moved.exists()  # raised in its old team; its part is its new team's
    assert set(child_rule.in_teams(moved, [world[3].pk], via="child")) == set(moved)


def test_running_every_part_twice_leaves_the_same_flags(world, expected):
    def twice(part):
        first = sweep_part(part)
        again = sweep_part(part)
        assert not any(raised or resolved for raised, resolved in again.values())
        return first

    run, _ = split(2, each_part=twice)
    assert (state(), run.counts) == expected


@pytest.mark.parametrize("dies_at", [0, len(RULES) // 2, len(RULES) - 1])
def test_a_part_dying_half_way_then_retried_leaves_the_same_flags(world, expected, monkeypatch, dies_at):
    rule = RULES[dies_at]
    done = []

    def dies_once(part):
        if done:
            return sweep_part(part)
        done.append(part)
        with monkeypatch.context() as dying:
            dying.setattr(rule, "breaches", lambda today, figures: (_ for _ in ()).throw(RuntimeError("killed")))
            with pytest.raises(RuntimeError):
                sweep_part(part)
        assert Flag.objects.filter(rule__in=[r.code for r in RULES[dies_at:]], raised_at=NOW).count() == 0
        return sweep_part(part)  # the retry

    (flags, notes), counts = expected
    run, _ = split(2, each_part=dies_once)
    assert state() == (flags, notes)
    # What the retry raised is less what the attempt that died had raised; what is open is the same.
    assert {code: c["open"] for code, c in run.counts.items()} == {code: c["open"] for code, c in counts.items()}


@pytest.fixture
def eager(settings):
    """Tasks run in this process, the chord too, at NOW (the tasks read the clock)."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    app.conf.task_always_eager = True
    try:
        with time_machine.travel(NOW, tick=False):
            yield
    finally:
        app.conf.task_always_eager = False


def test_the_task_runs_the_parts_as_a_chord_whose_callback_finishes_the_run(world, expected, eager, settings):
    settings.SWEEP_PARTS = 3
    killed = SweepRun.objects.create(started_at=at(EARLIER, 5))
    assert tasks.full_sweep.delay().get() == {"run": SweepRun.objects.latest().pk, "parts": 3}
    run = SweepRun.objects.latest()
    assert (state(), run.counts) == expected and run.parts == 3
    killed.refresh_from_db()
    assert killed.repaired_at == run.finished_at
    # Another asked while a split one is running is skipped, unless a digest or snapshot waits on it.
    SweepRun.objects.create(started_at=NOW, parts=3)
    assert tasks.full_sweep.delay().get().startswith("skipped")


def test_beat_runs_the_digest_after_a_fresh_full_sweep(world, eager, settings):
    settings.SWEEP_PARTS = 4
    SweepRun.objects.create(started_at=NOW, parts=3)  # a sweep already under way does not hold the digest back
    entry = settings.CELERY_BEAT_SCHEDULE["compliance-daily-digest"]
    assert entry["task"] == tasks.full_sweep.name
    tasks.full_sweep.apply(kwargs=entry["kwargs"]).get()
    assert SweepRun.objects.filter(finished_at__isnull=False, parts=len(world)).exists()
    assert mail.outbox
    snapshot = settings.CELERY_BEAT_SCHEDULE["compliance-monthly-snapshot"]
    assert (snapshot["task"], snapshot["kwargs"]) == (tasks.full_sweep.name, {"then": [tasks.monthly_snapshot.name]})


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL (make test sets it)")
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_the_parts_then_the_callback_then_the_digest(monkeypatch, worker, settings):  # noqa: F811
    settings.SWEEP_PARTS = 4  # a deployment with workers to spread it over (the default is one part)
    monkeypatch.setattr(tasks.sweep_subjects, "apply_async", lambda **kwargs: None)
    teams = build_world()
    with transaction.atomic():
        sweep.full_sweep(today=timezone.localdate(), now=timezone.now())
        expected = open_flags()
        transaction.set_rollback(True)
    sent = []
    monkeypatch.setattr(digest, "send_all", lambda **kwargs: sent.append(kwargs["today"]) or 0)
    tasks.full_sweep.delay(then=[tasks.daily_digest.name])
    assert eventually(lambda: sent, 60), "the digest did not follow the sweep"
    run = SweepRun.objects.latest()
    assert run.finished_at and run.parts == len(teams)
    assert open_flags() == expected


def test_without_a_result_store_the_demo_sweeps_in_one_task_then_runs_what_follows(world, expected, eager, settings):
    settings.CELERY_RESULT_BACKEND = None  # the demo: a filesystem broker and no Redis
    entry = settings.CELERY_BEAT_SCHEDULE["compliance-daily-digest"]
    tasks.full_sweep.apply(kwargs=entry["kwargs"]).get()
    run = SweepRun.objects.latest()
    assert (state()[0], run.counts) == (expected[0][0], expected[1]) and run.parts == 0
    assert mail.outbox
