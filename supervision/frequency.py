"""How often each staff member must be supervised (SPEC rule SUP-FREQ, W 5.2 table, SPEC 4a).

The frequency is the first that applies on `today`: every 14 days while newly
qualified (under 12 months); every 14 days while returning or in a changed
role (until the agreed date); fortnightly where the supervision contract in
force agrees it ("as required determined by the supervisor"); every 14 days
in a team doing complex work (assessment); otherwise monthly. Supervision is
due that interval after the last held session, or after starting in post for
someone never supervised; with no start date either, now (SPEC 4b: the
account's creation never starts the clock). `overdue_filter` is the same rule
as a query, for lists and the compliance worker; the tests hold the two in
step, every day across each boundary.
"""
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Case, DateField, Exists, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact, LessThan

from organisation import standards
from organisation.models import Team
from organisation.models import newly_qualified as qualifies_as_new
from organisation.working_days import first_day

from .models import SupervisionContract

# A contract's "Every 2 weeks".
FORTNIGHT = relativedelta(days=14)


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
        relativedelta(days=figures["complex_days"]),
        relativedelta(months=figures["standard_months"]),
    )


def _agreed_in_contract(today):
    """The frequency agreed in the contract in force on `today` (the latest agreed by then), as a subquery."""
    contracts = SupervisionContract.objects.filter(staff=OuterRef("pk"), agreed_on__lte=today)
    return Subquery(contracts.order_by("-agreed_on", "-pk").values("frequency")[:1])


def _in_complex_team():
    return Exists(Team.objects.filter(pk=OuterRef("team"), complex_work=True))


def frequency_inputs(today):
    """Annotations for a staff queryset: what `frequency()` reads beyond the staff row, so a list costs no
    query per person."""
    return {"agreed_frequency": _agreed_in_contract(today), "in_complex_team": _in_complex_team()}


def _agreed(staff, today):
    if hasattr(staff, "agreed_frequency"):
        return staff.agreed_frequency
    contracts = SupervisionContract.objects.filter(staff=staff, agreed_on__lte=today).order_by("-agreed_on", "-pk")
    return contracts.values_list("frequency", flat=True).first()


def _complex(staff):
    if hasattr(staff, "in_complex_team"):
        return staff.in_complex_team
    return staff.team_id is not None and staff.team.complex_work


def frequency(staff, today, figures=None, *, agreed=True):
    """The frequency that applies to `staff` on `today`; with `agreed=False`, the standard's minimum for them,
    leaving out what their contract agrees (what a new contract may not go below)."""
    figures = figures or standards.figures("SUP-FREQ")
    newly_qualified, returning, complex_work, standard = _intervals(figures)
    if staff.is_newly_qualified(today, figures.get("newly_qualified_months")):
        return Frequency(newly_qualified, f"Every {newly_qualified.days} days (newly qualified)")
    if staff.is_returning(today):
        return Frequency(returning, f"Every {returning.days} days (returning or changed role)")
    if agreed and _agreed(staff, today) == SupervisionContract.Frequency.FORTNIGHTLY:
        return Frequency(FORTNIGHT, f"Every {FORTNIGHT.days} days (agreed in the supervision contract)")
    if _complex(staff):
        return Frequency(complex_work, f"Every {complex_work.days} days (complex work in the team)")
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
    newly_qualified, returning, complex_work, standard = _intervals(figures)

    def cut(interval):
        return Value(first_day(lambda d: d + interval >= today, today - interval))

    applies = Case(
        When(qualifies_as_new(today, figures.get("newly_qualified_months")), then=cut(newly_qualified)),
        When(returning_until__gte=today, then=cut(returning)),
        When(Exact(_agreed_in_contract(today), SupervisionContract.Frequency.FORTNIGHTLY), then=cut(FORTNIGHT)),
        When(_in_complex_team(), then=cut(complex_work)),
        default=cut(standard),
        output_field=DateField(),
    )
    # No session and no start in post: before every cut-off, so due now.
    return LessThan(Coalesce("last_supervised", "started_in_post", Value(date.min)), applies)
