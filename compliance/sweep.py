"""The sweep: every enabled rule's breaches become open flags; mended ones resolve.

Generic over the rules in `rules.RULES`. Each rule is evaluated in its own
transaction with a constant number of queries: the new breaches (one query),
their flags (one bulk insert that ignores a flag already open, so two sweeps at
once cannot duplicate one), resolving every open flag no longer in breach (one
UPDATE), and moving open flags with a subject who changed team (one UPDATE).
A sweep killed half way leaves each rule either done or untouched, so running
it again ends in the same flags as one clean run.
"""
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from django.db import connection, transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.utils import timezone

from organisation import standards
from organisation.models import PracticeStandard

from .models import Flag, SubjectKind, SweepRun
from .rules import RULES

# Any constant shared by every process: the key of the PostgreSQL advisory lock held during a full sweep.
FULL_SWEEP_LOCK = 0x0F1A65


@dataclass
class Outcome:
    raised: int = 0
    resolved: int = 0
    open: int = 0


def configured():
    """{code: (enabled, figures)} for every standard, in one query."""
    rows = {row.code: row for row in PracticeStandard.objects.all()}
    config = {}
    for definition in standards.DEFINITIONS:
        row = rows.get(definition.code)
        figures = {**standards.defaults(definition.code), **(row.values if row else {})}
        config[definition.code] = (row.enabled if row else True, figures)
    return config


def sweep_rule(rule, enabled, figures, *, today, now, subjects=None):
    """Raise and resolve one rule's flags, optionally only for the subjects with these ids."""
    field = rule.subject.value
    with transaction.atomic():
        open_flags = Flag.objects.open().filter(rule=rule.code)
        if subjects is not None:
            open_flags = open_flags.filter(**{f"{field}__in": subjects})
        if not enabled:
            return Outcome(resolved=open_flags.update(resolved_at=now))
        breaches = rule.breaches(today, figures)
        if subjects is not None:
            breaches = breaches.filter(pk__in=subjects)
        new = [
            _flag(rule, subject, figures, today=today, now=now)
            for subject in breaches.exclude(pk__in=open_flags.values(field))
        ]
        Flag.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
        resolved = open_flags.exclude(**{f"{field}__in": breaches.values("pk")}).update(resolved_at=now)
        if rule.subject != SubjectKind.TEAM:
            # A child or worker who has moved team takes their open flags along.
            current = Flag._meta.get_field(field).related_model.objects.filter(pk=OuterRef(field))
            open_flags.exclude(team=F(f"{field}__team")).update(team=Subquery(current.values("team")[:1]))
    return Outcome(raised=len(new), resolved=resolved)


def _flag(rule, subject, figures, *, today, now):
    if rule.subject == SubjectKind.TEAM:
        subject_ids = {"team_id": subject.pk}
    else:
        subject_ids = {f"{rule.subject.value}_id": subject.pk, "team_id": subject.team_id}
    return Flag(
        rule=rule.code, kind=rule.subject, due_since=rule.due_on(subject, today, figures), raised_at=now,
        **subject_ids,
    )


def sweep(*, today, now, children=None, staff=None, teams=None):
    """Every rule for everyone, or (given ids) only the rules about those children, staff and teams."""
    config = configured()
    targeted = children is not None or staff is not None or teams is not None
    ids = {SubjectKind.CHILD: children, SubjectKind.STAFF: staff, SubjectKind.TEAM: teams}
    outcomes = {}
    for rule in RULES:
        subjects = ids[rule.subject]
        if targeted and not subjects:
            continue
        enabled, figures = config[rule.code]
        outcomes[rule.code] = sweep_rule(rule, enabled, figures, today=today, now=now, subjects=subjects)
    return outcomes


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


def full_sweep(*, today, now):
    """A recorded full sweep; None if another is running."""
    with full_sweep_lock() as acquired:
        if not acquired:
            return None
        run = SweepRun.objects.create(started_at=now)
        outcomes = sweep(today=today, now=now)
        for code, count in open_counts().items():
            outcomes.setdefault(code, Outcome()).open = count
        run.counts = {code: asdict(outcome) for code, outcome in outcomes.items()}
        run.finished_at = timezone.now()
        run.save(update_fields=["counts", "finished_at"])
        return run
