"""The sweep: every enabled rule's breaches become open flags; mended ones resolve.

Generic over the rules in `rules.RULES`. Each rule is evaluated in its own
transaction with a constant number of queries: the ids in breach (one query,
the rule's only heavy one), the rule's open flags (one), the due dates of the
new breaches only (one, none in a steady state), their flags (a bulk insert
that ignores a flag already open, so two sweeps at once cannot duplicate one),
resolving the open flags no longer in breach and moving those whose subject
changed team (conditional UPDATEs by flag id, none when nothing changed).
A sweep killed half way leaves each rule either done or untouched, so running
it again ends in the same flags as one clean run.

A new flag about a member of staff tells them; one about a child tells the
child's allocated worker: in the rule's transaction, and only for the flags
that transaction actually inserted.

A full sweep runs in one process (`full_sweep`: the demo, `manage.py sweep`,
the tests) or split by team across the workers (`start_split`, `parts`, then
`sweep(part=...)` per part and `finish`; compliance/tasks.py runs them as a
chord). A part is every rule narrowed to the subjects now in its teams
(`Rule.in_teams`), through the same `sweep_rule`, so the parts together leave
exactly the flags of one process's sweep.
"""
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone

from organisation import standards
from organisation.models import Team
from organisation.notifications import notify_each

from .models import Flag, SubjectKind, SweepRun
from .owners import escalate
from .rules import RULES

# Any constant shared by every process: the key of the PostgreSQL advisory lock held during a full sweep.
FULL_SWEEP_LOCK = 0x0F1A65


@dataclass
class Outcome:
    raised: int = 0
    resolved: int = 0
    open: int = 0


def sweep_rule(rule, enabled, figures, *, today, now, subjects=None, part=None):
    """Raise and resolve one rule's flags, optionally only for the subjects with these ids, or (`part`, team
    ids) only for the subjects now in those teams."""
    field = rule.subject.value
    with transaction.atomic():
        open_flags = Flag.objects.open().filter(rule=rule.code, kind=rule.subject).order_by()
        if subjects is not None:
            open_flags = open_flags.filter(**{f"{field}__in": subjects})
        if part is not None:
            # By the subject's team now, not the flag's: a flag whose subject moved team is its new team's.
            open_flags = rule.in_teams(open_flags, part, via=field)
        if not enabled:
            return Outcome(resolved=open_flags.update(resolved_at=now))
        breaches = rule.breaches(today, figures).order_by()
        if subjects is not None:
            breaches = breaches.filter(pk__in=subjects)
        if part is not None:
            breaches = rule.in_teams(breaches, part)
        # One read of both sides, each subject in breach with its team now and each open flag with its team;
        # the rest is set arithmetic, so the breach query runs once.
        in_breach, flagged = _read(rule, breaches, open_flags)
        raised = _raise(rule, figures, _rows(breaches, in_breach.keys() - flagged.keys()), today=today, now=now)
        mended = [flag for subject, (flag, _) in flagged.items() if subject not in in_breach]
        moved = [flag for subject, (flag, team) in flagged.items() if in_breach.get(subject, team) != team]
        resolved = _update(mended, resolved_at=now)
        if moved:
            # A child or worker who has moved team takes their open flags along.
            current = Flag._meta.get_field(field).related_model.objects.filter(pk=OuterRef(field)).order_by()
            _update(moved, team=Subquery(current.values("team")[:1]))
    return Outcome(raised=raised, resolved=resolved)


def _read(rule, breaches, open_flags):
    """({subject in breach: its team}, {subject flagged: (open flag id, the flag's team)}).

    On PostgreSQL one statement, the breach query FULL JOINed to the open flags: a round trip fewer per rule.
    """
    team_rule = rule.subject == SubjectKind.TEAM
    subjects = breaches.values_list("pk") if team_rule else breaches.values_list("pk", "team")
    flags = open_flags.values_list(rule.subject.value, "pk", "team")
    if connection.vendor != "postgresql":
        in_breach = {row[0]: row[-1] for row in subjects}
        return in_breach, {subject: (flag, team) for subject, flag, team in flags}
    subjects_sql, subjects_params = subjects.query.sql_with_params()
    flags_sql, flags_params = flags.query.sql_with_params()
    # Both halves are the ORM's own SQL with their parameters; the aliases only name their columns.
    b = "b (s)" if team_rule else "b (s, t)"
    sql = f"SELECT b.*, f.* FROM ({subjects_sql}) {b} FULL JOIN ({flags_sql}) f (s, id, t) ON f.s = b.s"  # nosec B608
    in_breach, flagged = {}, {}
    with connection.cursor() as cursor:
        cursor.execute(sql, (*subjects_params, *flags_params))
        for row in cursor.fetchall():
            subject, team, (flagged_subject, flag, flag_team) = row[0], row[-4], row[-3:]
            if subject is not None:
                in_breach[subject] = team
            if flag is not None:
                flagged[flagged_subject] = (flag, flag_team)
    return in_breach, flagged


# Up to this many new breaches are fetched by id; more (a first sweep) by reading the whole breach query once.
FETCH_BY_ID = 1000


def _rows(breaches, ids):
    """The breach query's rows (with what `due_on` needs) for the subjects with these ids."""
    if not ids:
        return []
    if len(ids) <= FETCH_BY_ID:
        return breaches.filter(pk__in=ids)
    # Not .iterator(): PostgreSQL plans a server-side cursor for its first rows, here many times slower.
    return (subject for subject in breaches if subject.pk in ids)


# Ids per statement when raising or updating many flags at once.
CHUNK = 20000


def _update(flag_ids, **values):
    """Update these flags if still open (a concurrent sweep may have resolved one); how many changed."""
    changed = 0
    for start in range(0, len(flag_ids), CHUNK):
        chunk = flag_ids[start:start + CHUNK]
        changed += Flag.objects.filter(pk__in=chunk, resolved_at__isnull=True).update(**values)
    return changed


def _raise(rule, figures, subjects, *, today, now):
    """An open flag for each subject in breach, skipping any already open; how many were new to us.

    Each flag inserted here is notified (`_notice`); one skipped as already open (another sweep's) is not.
    """
    team_rule = rule.subject == SubjectKind.TEAM
    notice = _notice(rule)
    rows, tell = [], {}
    for subject in subjects:
        rows.append((subject.pk, None if team_rule else subject.team_id, rule.due_on(subject, today, figures)))
        if notice:
            tell[subject.pk] = notice(subject)
    if connection.vendor != "postgresql":
        flags = [_flag(rule, subject, team, due_since, now) for subject, team, due_since in rows]
        Flag.objects.bulk_create(flags, ignore_conflicts=True, batch_size=500)
        inserted = tell.keys()  # SQLite (the demo) runs one sweep at a time: every flag offered is new
    else:
        inserted = _insert(rule, rows, now)
    notify_each([tell[subject] for subject in inserted if subject in tell], now=now)
    return len(rows)


def _insert(rule, rows, now):
    """INSERT the flags for `rows` unless already open; the subjects whose flag this inserted.

    A first sweep at national scale raises hundreds of thousands: one INSERT of arrays per chunk, not
    a model and a VALUES tuple each. ON CONFLICT DO NOTHING meets the one-open-flag-per-subject indexes.
    """
    team_rule = rule.subject == SubjectKind.TEAM
    meta = Flag._meta
    subject_column, team_column = meta.get_field(rule.subject.value).column, meta.get_field("team").column
    columns = [subject_column] if team_rule else [subject_column, team_column]
    names = ", ".join(["rule", "kind", *columns, "due_since", "raised_at"])
    arrays = ", ".join(["%s::bigint[]"] * len(columns) + ["%s::date[]"])
    # Table and column names from the model's _meta; every value is a parameter.
    sql = f'INSERT INTO "{meta.db_table}" ({names}) SELECT %s, %s, r.*, %s FROM unnest({arrays}) AS r'  # nosec B608
    sql += f" ON CONFLICT DO NOTHING RETURNING {subject_column}"
    inserted = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), CHUNK):
            chunk = list(zip(*rows[start:start + CHUNK], strict=True))
            if team_rule:
                chunk = [chunk[0], chunk[2]]
            cursor.execute(sql, [rule.code, rule.subject.value, now, *map(list, chunk)])
            inserted.extend(row[0] for row in cursor.fetchall())
    return inserted


def _notice(rule):
    """`fn(subject) -> (recipient id, text, url)`, the notification a new flag of `rule` sends; None for a team's."""
    title = rule.definition.title
    if rule.subject == SubjectKind.CHILD:
        return lambda child: (child.worker_id, f"A flag was raised for child {child.local_id}: {title}.",
                              reverse("child", args=[child.pk]))
    if rule.subject == SubjectKind.STAFF:
        return lambda member: (member.pk, f"A flag was raised for you: {title}.", reverse("staff", args=[member.pk]))
    return None


def _flag(rule, subject, team, due_since, now):
    subject_ids = {"team_id": subject} if rule.subject == SubjectKind.TEAM else {
        f"{rule.subject.value}_id": subject, "team_id": team,
    }
    return Flag(rule=rule.code, kind=rule.subject, due_since=due_since, raised_at=now, **subject_ids)


def sweep(*, today, now, children=None, staff=None, teams=None, part=None):
    """Every rule for everyone, or (given ids) only the rules about those children, staff and teams, or
    (given a `part` of the teams, see `parts`) every rule for the children, staff and teams in it."""
    config = standards.configured()
    targeted = children is not None or staff is not None or teams is not None
    ids = {SubjectKind.CHILD: children, SubjectKind.STAFF: staff, SubjectKind.TEAM: teams}
    outcomes = {}
    for rule in RULES:
        subjects = ids[rule.subject]
        if targeted and not subjects:
            continue
        enabled, figures = config[rule.code]
        outcomes[rule.code] = sweep_rule(rule, enabled, figures, today=today, now=now, subjects=subjects, part=part)
    return outcomes


def parts(count):
    """Every team's id in up to `count` parts of consecutive ids, None (staff in no team) in the first; one
    part is `None`, the whole sweep unnarrowed.

    Every child, member of staff and team is in exactly one part (by their team now), and each rule's
    breaches are decided subject by subject, so sweeping every part is sweeping everyone.
    """
    if count <= 1:
        return [None]  # one part: everyone, with no narrowing by team at all
    teams = list(Team.objects.order_by("pk").values_list("pk", flat=True))
    count = max(1, min(count, len(teams)))
    split = [teams[n * len(teams) // count:(n + 1) * len(teams) // count] for n in range(count)]
    split[0] = [None, *split[0]]
    return split


def open_counts():
    return dict(Flag.objects.open().values_list("rule").annotate(n=Count("pk")).order_by())


_local_lock = threading.Lock()


@contextmanager
def full_sweep_lock():
    """Yields whether this process may run a full sweep now; never two at once.

    On PostgreSQL a session advisory lock, released when we finish or when a
    killed worker's connection closes. SQLite (the demo) has one worker, so a
    lock within the process is enough.
    """
    if connection.vendor != "postgresql":
        acquired = _local_lock.acquire(blocking=False)
        try:
            yield acquired
        finally:
            if acquired:
                _local_lock.release()
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [FULL_SWEEP_LOCK])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [FULL_SWEEP_LOCK])


def killed_runs(now, *, holding_lock):
    """Unfinished runs whose worker is gone: those running longer than a task may; holding the lock, also every
    unfinished single-process run (each holds the lock throughout). A split run in progress holds no lock."""
    limit = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    gone = Q(started_at__lt=now - limit) | Q(parts=0) if holding_lock else Q(started_at__lt=now - limit)
    return list(SweepRun.unfinished().filter(gone).values_list("pk", flat=True))


def finish(run, outcomes, *, killed, today):
    """Close a full sweep, single or split: escalations, the open counts, and the killed runs it repaired."""
    with transaction.atomic():
        # Flags open too long, after the sweep has resolved those mended: their escalation, told once per level.
        escalate(today=today, now=run.started_at)
    for code, count in open_counts().items():
        outcomes.setdefault(code, Outcome()).open = count
    run.counts = {code: asdict(outcome) for code, outcome in outcomes.items()}
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "finished_at"])
    # This run checked every rule again, so whatever a killed run left undone is done.
    SweepRun.objects.filter(pk__in=killed).update(repaired_at=run.finished_at)
    return run


def full_sweep(*, today, now):
    """A recorded full sweep in this process; None if another is running."""
    with full_sweep_lock() as acquired:
        if not acquired:
            return None
        killed = killed_runs(now, holding_lock=True)
        run = SweepRun.objects.create(started_at=now)
        return finish(run, sweep(today=today, now=now), killed=killed, today=today)


def start_split(now, count, *, force=False):
    """(the run, the killed runs it will repair, its parts) for a full sweep split across the workers.

    None if a full sweep is running already (single, or split and not yet overdue), unless `force`: a
    follow-on such as the digest needs a sweep begun after it was asked for, and sweeps may overlap safely.
    """
    with full_sweep_lock() as acquired:
        killed = killed_runs(now, holding_lock=acquired)
        if not force and (not acquired or SweepRun.unfinished().exclude(pk__in=killed).exists()):
            return None
        split = parts(count)
        return SweepRun.objects.create(started_at=now, parts=len(split)), killed, split


def summed(results):
    """The parts' {code: [raised, resolved]} added up, as `Outcome`s per rule."""
    outcomes = {}
    for result in results:
        for code, (raised, resolved) in result.items():
            outcome = outcomes.setdefault(code, Outcome())
            outcome.raised += raised
            outcome.resolved += resolved
    return outcomes
