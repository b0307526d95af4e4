"""What every rule is: a SPEC section 4 code, a kind of subject, and one set-based query.

A rule's `breaches(today, figures)` is a queryset of its subjects (children,
staff or teams) in breach on `today`, with whatever annotations `due_on()`
needs; the sweep runs it as SQL and only maps the new breaches' rows to a due
date in Python. Deadlines that need working days or calendar months are turned
into a cut-off date first (`cutoff`), so the query compares plain dates.
"""
from functools import lru_cache

from django.db.models import DateField, Func, Q, Value

from organisation import standards
from organisation.models import newly_qualified  # noqa: F401 (the rules import it from here)
from organisation.queries import earliest, latest  # noqa: F401 (the rules import them from here)
from organisation.working_days import add_working_days, first_day

from ..models import Owner, SubjectKind


class Rule:
    code = ""
    subject = SubjectKind.CHILD

    def __str__(self):
        return self.code

    @property
    def owner(self):
        """Who can put a breach right (compliance/owners.py); a rule says so as `owner = Owner...`,
        else the subject's own: a child's allocated worker, a staff member's line manager, a team's manager."""
        return {SubjectKind.CHILD: Owner.WORKER, SubjectKind.STAFF: Owner.LINE_MANAGER,
                SubjectKind.TEAM: Owner.TEAM_MANAGER}[self.subject]

    @property
    def definition(self):
        return standards.BY_CODE[self.code]

    @property
    def team_field(self):
        """Where the subject's team is: the team itself for a team rule."""
        return "pk" if self.subject == SubjectKind.TEAM else "team"

    def in_teams(self, queryset, teams, via=""):
        """`queryset` narrowed to this rule's subjects now in `teams` (team ids; None stands for no team).

        One part of a split sweep (compliance/sweep.py `parts`): each subject is in exactly one part, so the
        parts together are the whole rule. `via` is the path from the queryset's model to the subject, e.g.
        "child" from flags; "" when the queryset is of the subjects themselves (`breaches`, `population`).
        """
        field = "__".join(filter(None, [via, self.team_field]))
        where = Q(**{f"{field}__in": [team for team in teams if team is not None]})
        if None in teams:
            where |= Q(**{f"{field}__isnull": True})
        return queryset.filter(where)

    def population(self, today):
        """The subjects the rule applies to on `today` (what % compliant is out of)."""
        raise NotImplementedError

    def breaches(self, today, figures):
        """The subjects in breach on `today`, as one queryset of `population`."""
        raise NotImplementedError

    def due_on(self, subject, today, figures):
        """The last day the standard was met, for one row of `breaches`."""
        raise NotImplementedError


def cutoff(today, deadline, guess=None):
    """The earliest start whose `deadline(start)` is on or after `today`.

    A start before the cut-off has a deadline already passed: `start < cutoff`
    is then exactly `today > deadline(start)`, even across month ends and bank
    holidays.
    """
    return first_day(lambda start: deadline(start) >= today, guess or today)


@lru_cache(maxsize=8192)
def working_days_after(day, days):
    """add_working_days, remembered: a first sweep asks it about the same few thousand days many times over."""
    return add_working_days(day, days)


def working_days_cutoff(today, days):
    return cutoff(today, lambda start: add_working_days(start, days), add_working_days(today, -days))


class PlusMonths(Func):
    """A date column plus N calendar months in the database, clamped at month ends as relativedelta is."""

    output_field = DateField()

    def __init__(self, expression, months):
        super().__init__(expression, Value(int(months)))

    def _compiled(self, compiler):
        (column, column_params), (months, months_params) = (
            compiler.compile(e) for e in self.get_source_expressions()
        )
        return column, months, [*column_params, *months_params]

    def as_sql(self, compiler, connection, **extra):
        column, months, params = self._compiled(compiler)
        return f"CAST({column} + make_interval(0, {months}) AS date)", params

    def as_sqlite(self, compiler, connection, **extra):
        # Tests patch the vendor to reach the sweep's other paths: the engine says what runs the SQL.
        if "sqlite" not in connection.settings_dict["ENGINE"]:
            return self.as_sql(compiler, connection, **extra)
        # SQLite (the demo's default) does not clamp: 31 January plus a month is 3 March there.
        column, months, params = self._compiled(compiler)
        return f"date({column}, '+' || {months} || ' months')", params
