"""Scale data for the benchmarks: a whole authority (or a nation of them) written with PostgreSQL COPY.

`manage.py seed_scale --size large|national|tiny` builds it. Rows are made
in Python as lines of COPY's text format and streamed into each table while
they are made, so the database inserts while Python generates. Columns come
from each model's _meta: a column the generator does not fill takes the
field's default (or NULL), and a new NOT NULL column without a default stops
the run, so the generator cannot silently drift from the models.

Deterministic: one random.Random per pass, seeded from --seed, walking the
same entities in the same order; every date is relative to today. Records
bypass save() and signals, so no django-simple-history rows are written (as
with the demo's bulk_create). The concepts live in scale_org.py (services,
teams, staff), scale_records.py (children and what is on their record),
scale_plans.py (assessments and plans with versions), scale_supervision.py
and scale_audits.py (audits, historic flags, snapshots).
"""
import itertools
import json
import random
import time
from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone
from psycopg2 import sql

from organisation.working_days import is_working_day

# The documented benchmark login, set only on the few named bench users.
PASSWORD = "bench-password"  # nosec B105
NULL = "\\N"
APPS = ("organisation_", "cases_", "supervision_", "audits_", "compliance_")  # the tables seed_scale loads
T, F = "t", "f"


@dataclass(frozen=True)
class Size:
    """How big, and how much history per child: national is thinner per child so it generates in minutes."""

    name: str
    prefix: str  # children's local identifiers start with prefix + seed
    services: int
    teams: int
    staff: int
    iros: int
    open_children: int
    closed_share: float  # closed children, as a share of the open ones
    history_years: int  # how far back cases open and history reaches
    chronology_gap: int  # mean days between chronology entries
    visit_years: float  # visits, notes and documents are kept this far back
    note_gap: int  # mean days between case notes (0: none)
    review_days: int  # a plan is reviewed (a new version) this often
    decision_gap: int  # mean days between management decisions outside supervision
    supervision_years: float  # supervision sessions, team meetings kept this far back
    discussions: tuple  # (min, max) children discussed per session
    session_detail: bool  # agenda items and the personal section on every session
    audit_years: float
    audits_per_month: int  # per team manager
    flag_rate: float  # historic (resolved) flags per child per year open


SIZES = {
    "tiny": Size(
        "tiny", "BT", services=2, teams=4, staff=24, iros=2, open_children=200, closed_share=0.15,
        history_years=5, chronology_gap=35, visit_years=5, note_gap=60, review_days=180, decision_gap=120,
        supervision_years=5, discussions=(1, 3), session_detail=True, audit_years=2, audits_per_month=2,
        flag_rate=0.8,
    ),
    "large": Size(
        "large", "BL", services=6, teams=60, staff=600, iros=12, open_children=10_000, closed_share=0.25,
        history_years=5, chronology_gap=35, visit_years=5, note_gap=60, review_days=180, decision_gap=120,
        supervision_years=5, discussions=(1, 3), session_detail=True, audit_years=5, audits_per_month=2,
        flag_rate=0.8,
    ),
    "national": Size(
        "national", "BN", services=150, teams=2_400, staff=24_000, iros=480, open_children=400_000,
        closed_share=0.25, history_years=5, chronology_gap=75, visit_years=1, note_gap=0, review_days=365,
        decision_gap=240, supervision_years=2, discussions=(1, 2), session_detail=False, audit_years=1,
        audits_per_month=2, flag_rate=0.5,
    ),
}


def escape(text):
    """A value in COPY's text format."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def db_text(value):
    """A Python value (a field's default) as COPY text."""
    if value is None:
        return NULL
    if isinstance(value, bool):
        return T if value else F
    if isinstance(value, dict | list):
        return escape(json.dumps(value))
    if isinstance(value, datetime | date | Decimal | int | float):
        return str(value)
    return escape(str(value))


class Calendar:
    """Dates as ordinals around today, with their COPY strings and working days precomputed."""

    def __init__(self, now):
        self.now = now
        self.today = timezone.localdate(now)
        self.T = self.today.toordinal()
        self.base = self.T - 30 * 366  # children's birthdays reach back 25 years
        self.end = self.T + 400
        self._dates = [date.fromordinal(o).isoformat() for o in range(self.base, self.end)]
        self.now_text = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S+00")
        self.working = [o for o in range(self.T - 7 * 366, self.end) if is_working_day(date.fromordinal(o))]

    def d(self, o):
        return self._dates[o - self.base]

    def at(self, o, hour=10):
        """A moment on day `o` (UTC, so the same date in London), never after now."""
        if o >= self.T:
            return self.now_text
        return f"{self._dates[o - self.base]} {hour:02d}:00:00+00"

    def add_working_days(self, o, n):
        """organisation.working_days.add_working_days on ordinals (n may be negative)."""
        if n >= 0:
            return self.working[bisect_right(self.working, o) + n - 1]
        return self.working[bisect_right(self.working, o - 1) + n]


class Stream:
    """A file-like object over an iterator of COPY lines, read by psycopg2's copy_expert."""

    def __init__(self, lines):
        self.lines = iter(lines)
        self.rows = 0

    def read(self, size=-1):
        parts, n = [], 0
        for line in self.lines:
            parts.append(line)
            n += len(line)
            if n >= size > 0:
                break
        self.rows += len(parts)
        return "".join(parts)


class Table:
    """One model's table: the columns a generator fills, in order, and COPY for the rest from _meta."""

    def __init__(self, model, columns):
        self.model = model
        self.name = model._meta.db_table
        fields = {f.attname: f for f in model._meta.concrete_fields}
        unknown = [c for c in columns if c not in fields]
        if unknown:
            raise ValueError(f"{self.name}: no such columns {unknown}")
        rest = []
        for attname, field in fields.items():
            if attname in columns:
                continue
            if field.primary_key:
                continue  # the database numbers it
            default = field.get_default()  # "" for a blank text field, as Django would save it
            if default is None and not field.null:
                raise ValueError(f"{self.name}.{field.column} is NOT NULL with no default: seed_scale must fill it")
            rest.append((field.column, db_text(default)))
        self.columns = [fields[c].column for c in columns] + [c for c, _ in rest]
        self.suffix = "".join("\t" + v for _, v in rest) + "\n"

    def lines(self, rows):
        suffix = self.suffix
        for row in rows:
            yield "\t".join(row) + suffix


class Loader:
    """COPYs rows into tables, numbering primary keys itself, and keeps rows and seconds per table."""

    def __init__(self, log):
        self.log = log
        self.timings = {}  # table -> [rows, seconds]
        self.tables = {}
        self._next = {}

    def ids(self, model):
        """The next free primary key of `model` (the tables are empty or ours)."""
        if model not in self._next:
            with connection.cursor() as cursor:
                query = sql.SQL("SELECT coalesce(max(id), 0) FROM {}").format(sql.Identifier(model._meta.db_table))
                cursor.execute(query)
                self._next[model] = cursor.fetchone()[0] + 1
        return self._next[model]

    def take_ids(self, model, n):
        first = self.ids(model)
        self._next[model] = first + n
        return first

    def counter(self, model):
        """Consecutive primary keys for a table filled in one pass; hand the next one back with done()."""
        return itertools.count(self.ids(model))

    def done(self, model, counter):
        self._next[model] = next(counter)

    def table(self, model, columns):
        key = (model, tuple(columns))
        if key not in self.tables:
            self.tables[key] = Table(model, columns)
        return self.tables[key]

    def copy(self, model, columns, rows):
        """Stream `rows` (tuples of COPY text, in `columns` order) into the model's table."""
        table = self.table(model, columns)
        stream = Stream(table.lines(rows))
        started = time.monotonic()
        cols = ", ".join(f'"{c}"' for c in table.columns)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(f'COPY "{table.name}" ({cols}) FROM STDIN', stream, size=1 << 17)
        seconds = time.monotonic() - started
        entry = self.timings.setdefault(table.name, [0, 0.0])
        entry[0] += stream.rows
        entry[1] += seconds
        self.log(f"  {table.name:<42} {stream.rows:>10,} rows {seconds:>8.1f} s")
        return stream.rows

    def drop_foreign_keys(self, prefixes):
        """Drop the foreign keys of the tables we load; restore_foreign_keys() adds them back, checked.

        As pg_restore does: checking each key once over the loaded table is far
        cheaper than a deferred check per row at commit. Both happen in the same
        transaction, so a reference to nothing still fails the whole run.
        """
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
                "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace s ON s.oid = t.relnamespace "
                "WHERE c.contype = 'f' AND s.nspname = current_schema() AND t.relname LIKE ANY(%s) ORDER BY 1, 2",
                [[f"{prefix}%" for prefix in prefixes]],
            )
            self.foreign_keys = cursor.fetchall()
            for table, name, _ in self.foreign_keys:
                cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')

    def restore_foreign_keys(self):
        started = time.monotonic()
        with connection.cursor() as cursor:
            for table, name, definition in self.foreign_keys:
                cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        self.log(f"  {'foreign keys added back and checked':<42} {len(self.foreign_keys):>10,} keys "
                 f"{time.monotonic() - started:>8.1f} s")

    def reset_sequences(self):
        """Move each table's identity past the ids we chose."""
        with connection.cursor() as cursor:
            for model in self._next:
                table = sql.Identifier(model._meta.db_table)
                query = sql.SQL("SELECT setval(pg_get_serial_sequence(%s, 'id'), (SELECT max(id) + 1 FROM {}), false)")
                cursor.execute(query.format(table), [f'"{model._meta.db_table}"'])


class Pool:
    """A cheap weighted choice: a list with each item repeated by weight, indexed by random()."""

    def __init__(self, weighted):
        self.items = [item for item, weight in weighted for _ in range(weight)]
        self.n = len(self.items)

    def pick(self, u):
        return self.items[int(u * self.n)]


class Generator:
    """One run: the size, the seed, today, and the loader every pass writes through."""

    def __init__(self, size, seed, log=print, now=None):
        self.size = SIZES[size]
        self.seed = seed
        self.log = log
        self.cal = Calendar(now or timezone.now())
        self.loader = Loader(log)

    def rng(self, name):
        """The random stream of one pass: the same seed and size give the same rows."""
        return random.Random(f"{self.seed}:{self.size.name}:{name}")  # nosec B311

    @property
    def local_id_prefix(self):
        return f"{self.size.prefix}{self.seed}-"

    @property
    def expected_children(self):
        return self.size.open_children + int(self.size.open_children * self.size.closed_share)

    def state(self):
        """"empty", "seeded" (exactly this size and seed's children), or "other" (anything else)."""
        from cases.models import Child
        from organisation.models import StaffMember

        total = Child.objects.count()
        if total == 0:
            return "other" if StaffMember.objects.filter(username__startswith="bench-").exists() else "empty"
        ours = Child.objects.filter(local_id__startswith=self.local_id_prefix).count()
        return "seeded" if ours == total == self.expected_children else "other"

    def run(self):
        """Generate everything in one transaction (an interrupted run leaves nothing), then ANALYZE."""
        from . import scale_audits, scale_org, scale_plans, scale_records, scale_supervision

        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
            self.loader.drop_foreign_keys(APPS)
            world = scale_org.build(self)
            kids = scale_records.children(self, world)
            scale_records.allocations(self, world, kids)
            scale_records.chronology(self, world, kids)
            scale_records.visits(self, world, kids)
            scale_records.documents(self, world, kids)
            scale_records.decisions_and_meetings(self, world, kids)
            scale_plans.build(self, world, kids)
            scale_supervision.sessions(self, world, kids)
            scale_supervision.team_meetings(self, world)
            scale_audits.audits(self, world, kids)
            scale_audits.historic_flags(self, world, kids)
            scale_audits.snapshots(self, world, kids)
            self.loader.restore_foreign_keys()
            self.loader.reset_sequences()
        analyze(self.log)
        return world, kids


def analyze(log=print):
    """Fresh planner statistics after a bulk load, as autovacuum would eventually gather."""
    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"  {'ANALYZE':<42} {'':>10}      {time.monotonic() - started:>8.1f} s")
