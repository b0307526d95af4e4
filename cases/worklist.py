"""What is due next, for a practitioner's home page and a team manager's "needs you".

The due dates come from the practice standards' own rules, which live above
`cases` (in `compliance`): that app registers a source in its AppConfig.ready(),
so `cases` never imports it and no rule is written twice. A source is
`fn(*, children, worker, today) -> iterable of Due`, `children` a list of
child ids already scoped to the worker; a manager's source is
`fn(*, manager, today) -> iterable of Due`.
"""
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from organisation.standards import DEFINITIONS

from .models import Allocation

STANDARD_TITLES = {definition.code: definition.title for definition in DEFINITIONS}

_sources = []
_manager_sources = []


@dataclass(frozen=True)
class Due:
    on: date
    what: str  # e.g. "Statutory visits"
    code: str = ""  # the standard's code, a secondary label
    child_id: int | None = None  # None: the worker's own item (their supervision)
    url: str = ""
    about: str = ""  # whom it is about, on a manager's list: a child or a member of staff

    def is_overdue(self, today):
        # The rules' breach is "today is after the last day", so the last day itself is still in time.
        return self.on < today


def register(source):
    if source not in _sources:
        _sources.append(source)
    return source


def register_for_manager(source):
    if source not in _manager_sources:
        _manager_sources.append(source)
    return source


def due_items(*, children, worker, today):
    """Every source's items, soonest first."""
    items = [item for source in _sources for item in source(children=children, worker=worker, today=today)]
    return sorted(items, key=lambda item: (item.on, item.what))


def needs_manager(*, manager, today):
    """What falls to `manager` to do, from every manager's source, soonest first."""
    items = [item for source in _manager_sources for item in source(manager=manager, today=today)]
    return sorted(items, key=lambda item: (item.on, item.what, item.about))


@dataclass(frozen=True)
class DueGroup:
    """One standard's items on a manager's list: `rows` as the due table takes them, soonest first."""
    code: str
    title: str
    rows: list
    overdue: int

    @property
    def anchor(self):
        return f"due-{self.code.lower() or 'other'}"

    @property
    def in_time(self):
        return len(self.rows) - self.overdue


def grouped(items, today, titles, first=()):
    """`items` (soonest first) grouped by standard, the group with the oldest item first, so a manager with a
    hundred things due sees a dozen kinds of work. A group's title is `titles[code]` where given, else its
    items' shared `what`, else the standard's title (each action, each conference says something else). The
    codes in `first` lead, in that order."""
    groups = {code: [] for code in first}
    for item in items:
        groups.setdefault(item.code, []).append(item)
    return [
        DueGroup(
            code=code,
            title=titles.get(code) or (members[0].what if len({m.what for m in members}) == 1 else None)
            or STANDARD_TITLES.get(code, "Other things due"),
            rows=[(m, m.about, "", m.is_overdue(today), (m.on - today).days) for m in members],
            overdue=sum(1 for m in members if m.is_overdue(today)),
        )
        for code, members in groups.items() if members
    ]


def allocations_to_acknowledge(*, children, worker, today):
    """The worker's own allocations they have not yet confirmed reading (K 2): due the day they were made."""
    for allocation in Allocation.objects.awaiting_acknowledgement().filter(worker=worker, child_id__in=children):
        yield Due(on=allocation.started_on, what="Acknowledge your allocation", child_id=allocation.child_id,
                  url=reverse("child", args=[allocation.child_id]))
