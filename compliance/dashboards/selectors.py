"""Reads for the heads of service's and directors' dashboards: compliance matrices and 12-month trends.

Each is a bounded number of queries whatever the number of children: the
grouped COUNTs of who each standard applies to (one UNION ALL), one grouped
COUNT of the open flags for who is in breach, and the kept monthly snapshots
for the trends.
"""
from dataclasses import dataclass, field
from urllib.parse import urlencode

from dateutil.relativedelta import relativedelta
from django.db.models import Case, CharField, Count, F, Max, Sum, Value, When
from django.urls import reverse

from organisation.models import Service
from organisation.standards import configured

from ..models import Flag, Snapshot, SubjectKind
from ..rules import RULES
from .ratings import Compliance, direction

TREND_MONTHS = 12


def enabled_rules(scope):
    """The standards checked now that the scope's filters apply to, in the SPEC's order."""
    config = configured()
    return [rule for rule in RULES if config[rule.code][0] and scope.applies_to(rule)]


def current_team():
    """A flag's subject's team today: children and staff move; the flag keeps the team it was raised in."""
    return Case(
        When(kind=SubjectKind.CHILD, then=F("child__team")),
        When(kind=SubjectKind.STAFF, then=F("staff__team")),
        default=F("team"),
    )


def populations(scope, today, rules):
    """{(code, team id): subjects} of every standard's population (plain filters) in the scope.

    One UNION ALL of the grouped counts: a round trip, not one per standard.
    """
    parts = [
        scope.subjects(rule, rule.population(today)).order_by()
        .annotate(code=Value(rule.code, output_field=CharField()))
        .values_list("code", rule.team_field)
        .annotate(n=Count("pk"))
        for rule in rules
    ]
    if not parts:
        return {}
    rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return {(code, team_id): n for code, team_id, n in rows if team_id is not None}


def open_breaches(scope, codes):
    """The open flags in the user's and the filters' scope (its teams are the user's), of the standards `codes`."""
    return scope.flags(Flag.objects.open().filter(rule__in=codes))


def team_compliance(user, scope, today, rules):
    """{(code, team id): Compliance} for every team in scope with someone the standard applies to."""
    figures = {key: Compliance(population=n) for key, n in populations(scope, today, rules).items()}
    breaches = (
        open_breaches(scope, [rule.code for rule in rules])
        .annotate(now_in=current_team())
        .values_list("rule", "now_in")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for code, team_id, n in breaches:
        if (code, team_id) in figures:
            figures[code, team_id].breaches = n
    return figures


@dataclass
class Cell:
    rule: object
    compliance: Compliance
    href: str  # the children or staff in breach behind the figure; empty when there are none


@dataclass
class Row:
    label: str
    href: str
    cells: list = field(default_factory=list)

    @property
    def total(self):
        return sum((cell.compliance for cell in self.cells), Compliance())


@dataclass
class Matrix:
    rules: list
    rows: list
    totals: list  # one row per service when the rows are teams
    overall: Row


def _row(label, href, rules, figures, ids, query):
    """A row adding up the figures of the teams `ids`; its cells link to the breaches behind them."""
    cells = []
    for rule in rules:
        compliance = sum((figures.get((rule.code, team_id), Compliance()) for team_id in ids), Compliance())
        drill = ""
        if compliance.breaches:
            drill = reverse("dashboards:breaches", args=[rule.code]) + (f"?{urlencode(query)}" if query else "")
        cells.append(Cell(rule, compliance, drill))
    return Row(label, href, cells)


def team_matrix(user, scope, today):
    """Teams by standard, with a total row per service and one for everything in scope."""
    rules = enabled_rules(scope)
    figures = team_compliance(user, scope, today, rules)
    teams = list(scope.teams.select_related("service").order_by("service__name", "name"))
    filters = scope.query()
    rows = [
        _row(team.name, team.get_absolute_url(), rules, figures, [team.pk], {"team": team.pk, **filters})
        for team in teams
    ]
    services = {}
    for team in teams:
        services.setdefault(team.service, []).append(team.pk)
    totals = [
        _row(f"{service.name} (all teams)", _service_href(service), rules, figures, ids,
             {"service": service.pk, **filters})
        for service, ids in services.items()
    ]
    overall = _row("All teams", "", rules, figures, [team.pk for team in teams], scope.query())
    return Matrix(rules, rows, totals, overall)


def service_matrix(user, scope, today):
    """The same matrix one level up: services by standard."""
    rules = enabled_rules(scope)
    figures = team_compliance(user, scope, today, rules)
    services = {}
    for team_id, service_id in scope.teams.values_list("pk", "service"):
        services.setdefault(service_id, []).append(team_id)
    filters = scope.query()
    rows = [
        _row(service.name, _service_href(service), rules, figures, services[service.pk],
             {"service": service.pk, **filters})
        for service in Service.objects.filter(pk__in=services)
    ]
    overall = _row("All services", "", rules, figures, [t for ids in services.values() for t in ids], scope.query())
    return Matrix(rules, rows, [], overall)


def _service_href(service):
    return reverse("dashboards:teams") + "?" + urlencode({"service": service.pk})


# --- trends -------------------------------------------------------------------


@dataclass
class Series:
    name: str
    points: list  # a Compliance, or None for a month with no snapshot

    @property
    def percents(self):
        return [point.percent if point else None for point in self.points]

    @property
    def latest(self):
        return next((point for point in reversed(self.points) if point), None)

    @property
    def direction(self):
        return direction(self.percents)


@dataclass
class Trend:
    rule: object
    months: list
    series: list

    @property
    def table(self):
        """(month, each series' point) rows: the chart as an accessible table."""
        return [(month, [series.points[i] for series in self.series]) for i, month in enumerate(self.months)]

    @property
    def chart(self):
        """The chart's data, for json_script: months and each series' % (null where unknown)."""
        return {
            "id": f"chart-{self.rule.code}",
            "title": f"{self.rule.code}: {self.rule.definition.title}",
            "labels": [f"{month:%b %Y}" for month in self.months],
            "series": [{"name": s.name, "data": s.percents} for s in self.series],
        }


def trend_months(teams, today):
    """The 12 months ending with the latest kept snapshot (this month's, or the last one taken)."""
    latest = Snapshot.objects.filter(team__in=teams.values("pk"), month__lte=today).aggregate(m=Max("month"))["m"]
    end = latest or today.replace(day=1)
    return [end - relativedelta(months=back) for back in range(TREND_MONTHS - 1, -1, -1)]


def trends(scope, today, *, by_service):
    """Per standard, a series per team (or per service) and one for them all, over 12 months."""
    months = trend_months(scope.teams, today)
    group = "team__service" if by_service else "team"
    rows = (
        Snapshot.objects.filter(team__in=scope.teams.values("pk"), month__gte=months[0], month__lte=months[-1])
        .values_list("rule", group, "month")
        .annotate(population=Sum("population"), breaches=Sum("breaches"))
        .order_by()
    )
    kept = {}
    for code, key, month, population, breaches in rows:
        kept.setdefault(code, {}).setdefault(key, {})[month] = Compliance(population, breaches)
    if by_service:
        groups = list(Service.objects.filter(pk__in=scope.teams.values("service")).values_list("pk", "name"))
    else:
        groups = list(scope.teams.order_by("service__name", "name").values_list("pk", "name"))
    charts = []
    for rule in enabled_rules(scope):
        by_group = kept.get(rule.code, {})
        series = [Series(name, [by_group.get(pk, {}).get(month) for month in months]) for pk, name in groups]
        if len(series) > 1:
            series.insert(0, Series("All", [_add(s.points[i] for s in series) for i in range(len(months))]))
        charts.append(Trend(rule, months, series))
    return charts


def _add(points):
    known = [point for point in points if point]
    return sum(known, Compliance()) if known else None
