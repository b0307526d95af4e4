"""Shared by the dashboards' tests: a pinned Monday, and a small authority whose gaps the sweep has flagged."""
import datetime
from zoneinfo import ZoneInfo

from cases.models import Category
from compliance import sweep
from tests.factories import ChildFactory, ChronologyEntryFactory

LONDON = ZoneInfo("Europe/London")
NOW = datetime.datetime(2026, 11, 23, 10, tzinfo=LONDON)  # a Monday
TODAY = NOW.date()
OPENED = datetime.date(2026, 1, 5)


def children(worker, n, *, breaching, category=Category.CHILD_IN_NEED):
    """`n` open children of `worker`; without a chronology (CHRON-MISSING) when `breaching`."""
    made = ChildFactory.create_batch(n, worker=worker, opened_on=OPENED, category=category)
    if not breaching:
        for child in made:
            ChronologyEntryFactory(child=child, occurred_on=TODAY - datetime.timedelta(days=3))
    return made


def swept():
    sweep.sweep(today=TODAY, now=NOW)
