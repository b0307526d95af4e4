"""How often each staff member must be supervised (SPEC rule SUP-FREQ, W 5.2 table).

The frequency is the one that applies on `today`: every 14 days while newly
qualified (under 12 months), every 14 days while returning or in a changed
role (until the agreed date), otherwise monthly. Supervision is due that
interval after the last held session, or after starting in post for someone
never supervised; with no start date either, now (SPEC 4b: the account's
creation never starts the clock). `overdue_filter` is the same rule as a query, for lists and the
compliance worker; the tests hold the two in step.
"""
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Case, DateField, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThan

from organisation import standards
from organisation.models import newly_qualified as qualifies_as_new
from organisation.working_days import first_day


@dataclass(frozen=True)
class Frequency:
    interval: relativedelta
    label: str


@dataclass(frozen=True)
class Due:
    on: date
    last_held: date | None
    frequency: Frequency
    today: date
    start_unknown: bool = False  # never supervised and no start in post: due now

    @property
    def days_left(self):
        """Days until due; negative once overdue."""
        return (self.on - self.today).days

    @property
    def days_overdue(self):
        return -self.days_left

    @property
    def is_overdue(self):
        return self.start_unknown or self.today > self.on


def _intervals(figures):
    return (
        relativedelta(days=figures["newly_qualified_days"]),
        relativedelta(days=figures["returning_days"]),
        relativedelta(months=figures["standard_months"]),
    )


def frequency(staff, today, figures=None):
    figures = figures or standards.figures("SUP-FREQ")
    newly_qualified, returning, standard = _intervals(figures)
    if staff.is_newly_qualified(today):
        return Frequency(newly_qualified, f"Every {newly_qualified.days} days (newly qualified)")
    if staff.is_returning(today):
        return Frequency(returning, f"Every {returning.days} days (returning or changed role)")
    months = figures["standard_months"]
    return Frequency(standard, "Monthly" if months == 1 else f"Every {months} months")


def next_due(staff, last_held, today, figures=None):
    """When `staff`, last supervised on `last_held` (or never: None), is next due, as seen on `today`."""
    applies = frequency(staff, today, figures)
    since = staff.clock_start(last_held)
    if since is None:
        return Due(today, None, applies, today, start_unknown=True)
    return Due(since + applies.interval, last_held, applies, today)


def overdue_filter(today, figures=None):
    """Staff annotated with `last_supervised` (selectors.with_supervision) who are overdue on `today`.

    Month arithmetic clamps at month ends, so each cut-off is searched for
    rather than subtracted: the query then agrees with next_due() to the day.
    One comparison against the cut-off that applies to each member, so the
    last session is read once (the worker runs this for every practitioner).
    """
    figures = figures or standards.figures("SUP-FREQ")
    newly_qualified, returning, standard = _intervals(figures)

    def cut(interval):
        return Value(first_day(lambda d: d + interval >= today, today - interval))

    applies = Case(
        When(qualifies_as_new(today), then=cut(newly_qualified)),
        When(returning_until__gte=today, then=cut(returning)),
        default=cut(standard),
        output_field=DateField(),
    )
    # No session and no start in post: before every cut-off, so due now.
    return LessThan(Coalesce("last_supervised", "started_in_post", Value(date.min)), applies)
