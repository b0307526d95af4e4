"""The child's record as one timeline, newest first, read in one query per page of entries.

Other apps add their entries (e.g. supervision's case discussions) by registering a
`Source` in their AppConfig.ready(), so `cases` never imports them. A source names
its rows (`rows(child, user)`: a queryset that applies the viewer's scope itself and
holds only what belongs on the child's record; callers pass a child read through
Child.objects.visible_to(user), which the cases sources rely on), the date each row
sits at, the fields its entry shows, and how a row becomes an `Entry`.

Every source's rows are one SELECT of a UNION ALL ordered by date, so a page of the
record is one query whatever kinds and however many entries it holds: each row
carries the fields its entry needs as one JSON object, from which the row's model
instance (and the related rows named by its fields) is rebuilt without a query.
"""
import datetime
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.conf import settings
from django.db.models import Aggregate, F, IntegerField, JSONField, Value
from django.db.models.functions import JSONObject
from django.utils import timezone

from organisation.scoping import can_write_record

_sources = []

PAGE_SIZE = 50  # entries per page of the record
STAFF = ("id", "first_name", "last_name", "username")  # what a staff member's name needs (str(StaffMember))


@dataclass(frozen=True)
class Entry:
    on: date
    kind: str  # a stable key, used by the timeline filter
    label: str  # what the reader sees, e.g. "Chronology"
    title: str
    author: object = None
    body: str = ""
    details: tuple = field(default_factory=tuple)  # (label, value) pairs
    tags: tuple = field(default_factory=tuple)  # (text, colour) pairs
    url: str = ""
    manager_entry: bool = False


class JSONList(Aggregate):
    """A group's values as one JSON array (PostgreSQL JSONB_AGG, SQLite JSON_GROUP_ARRAY), for rows an entry lists."""

    function = "JSONB_AGG"  # jsonb, as JSONField reads it (psycopg would decode json itself)
    output_field = JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


def json_list(value):
    """A JSONList read back: SQLite hands a nested array over as text, PostgreSQL as a list; none is []."""
    return json.loads(value) if isinstance(value, str) else value or []


def staff(prefix):
    """The lookups that name the staff member at `prefix` (e.g. "recorded_by")."""
    return tuple(f"{prefix}__{name}" for name in STAFF)


class Reader:
    """What a read of the record shares between its entries: the viewer, the child and today."""

    def __init__(self, child, user):
        self.child, self.user = child, user

    @cached_property
    def today(self):
        return timezone.localdate()

    @cached_property
    def may_write(self):
        """Whether the viewer may add to this record: asked once, and only of a record with an entry that asks."""
        return can_write_record(self.user, self.child)


class Source:
    """One or more kinds of entry on the record.

    `rows(child, user)`: the model's rows on this child's record that the user may see; `on`: the date field
    (or an expression) the entry sits at; `fields`: the lookups its entry reads (e.g. "author__first_name");
    `values`: expressions it reads besides (e.g. a JSONList of related rows); `entry(row, reader)`: the Entry
    from the rebuilt model instance; `kind`: an expression when the rows are of several kinds. Called as
    `source(child, user, limit=None)` it reads its own entries alone, newest first.
    """

    def __init__(self, model, kinds, rows, on, fields, entry, kind=None, values=None):
        self.model, self.kinds, self.rows, self.on, self.fields, self.entry = model, kinds, rows, on, fields, entry
        self.kind = kind if kind is not None else Value(kinds[0][0])
        self.values = values or {}

    def __call__(self, child, user, limit=None):
        return _read([self], child, user, stop=limit)

    def select(self, child, user, rank, only):
        rows = self.rows(child, user).order_by().annotate(
            t_on=F(self.on) if isinstance(self.on, str) else self.on,
            t_kind=self.kind,
            t_rank=Value(rank, output_field=IntegerField()),
            t_pk=F("pk"),
            t_data=JSONObject(**{path: F(path) for path in ("id", *self.fields)}, **self.values),
        )
        if only:
            rows = rows.filter(t_kind__in=only)
        return rows.values("t_on", "t_kind", "t_rank", "t_pk", "t_data")

    def build(self, row, reader):
        return self.entry(rebuild(self.model, row["t_data"]), reader)


def rebuild(model, data):
    """The model instance a row's JSON describes, with the related instances its lookups name, cached."""
    own, related = {}, {}
    for path, value in data.items():
        head, _, rest = path.partition("__")
        if rest:
            related.setdefault(head, {})[rest] = value
        else:
            own[head] = value
    fields = {f.attname: f for f in model._meta.concrete_fields} | {f.name: f for f in model._meta.concrete_fields}
    instance = model()
    for name, value in own.items():
        model_field = fields.get(name)
        if model_field is None:
            setattr(instance, name, value)  # an annotation the entry reads, e.g. "minuted"
        else:
            setattr(instance, model_field.attname, _to_python(model_field, value))
    for name, values in related.items():
        relation = model._meta.get_field(name)
        other = None if all(v is None for v in values.values()) else rebuild(relation.related_model, values)
        relation.set_cached_value(instance, other)  # the related row without a query; its id is left as read
    return instance


def _to_python(model_field, value):
    value = model_field.to_python(value)
    if isinstance(value, datetime.datetime) and settings.USE_TZ and timezone.is_naive(value):
        value = timezone.make_aware(value, datetime.UTC)  # SQLite's JSON holds the stored UTC time without zone
    return value


def register(source):
    if source not in _sources:
        _sources.append(source)
    return source


def _kinds_of(source):
    return {key for key, _ in getattr(source, "kinds", ())}


def kinds():
    """(key, label) of every kind a source has declared, for the filter."""
    seen = {}
    for source in _sources:
        for key, label in getattr(source, "kinds", ()):
            seen.setdefault(key, label)
    return list(seen.items())


def _read(sources, child, user, only=None, start=0, stop=None):
    """Entries start..stop of the sources' rows, newest first, in one query.

    Ties keep the sources' registration order, then each source's newest row first.
    """
    if only:
        sources = [s for s in sources if _kinds_of(s) & set(only)]
    if not sources:
        return []
    first, *rest = [s.select(child, user, rank, only) for rank, s in enumerate(sources)]
    rows = (first.union(*rest, all=True) if rest else first).order_by("-t_on", "t_rank", "-t_pk")[start:stop]
    reader = Reader(child, user)
    return [sources[row["t_rank"]].build(row, reader) for row in rows]


def for_child(child, user, only=None, limit=None):
    """The child's entries visible to the user, newest first.

    `only` keeps the given kinds (and skips other sources' rows); `limit` keeps the newest `limit`.
    """
    return _read(_sources, child, user, only=only, stop=limit)


def page_of(child, user, only=None, page=1):
    """One page of the timeline: (entries, whether older entries exist)."""
    start = (page - 1) * PAGE_SIZE
    entries = _read(_sources, child, user, only=only, start=start, stop=start + PAGE_SIZE + 1)
    return entries[:PAGE_SIZE], len(entries) > PAGE_SIZE
