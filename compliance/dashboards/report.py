"""The monthly performance report per service (W 3: monthly reports to the Director's performance meeting).

Figures for a month are as they stood at its end: the standards from that
month's kept snapshots, audits and actions from their dates, caseloads from
the allocations open on the last day. A report is generated once, kept, and
shows each measure with the month before and the 12 months to it.
"""
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q, Sum

from audits.models import CaseFileAudit, CorrectiveAction
from cases.models import Allocation, Grade
from cases.sign_off_quality import decisions, quality_by, total
from organisation.models import Service, Team
from organisation.working_days import is_working_day
from supervision.models.leadership import leadership_by_team

from ..models import MonthlyReport, Snapshot
from .ratings import Compliance, direction

MONTHS = 12


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    unit: str  # "percent" (compliant of population), "count" or "average"
    # Standards whose snapshots make the %: breaches add up, the first standard's population is the whole.
    rules: tuple = ()
    better: str = "higher"  # which way is better: "higher", "lower", or "" when neither is


MEASURES = (
    # W 3's measures first, in its order: an allocated worker, needs assessed, a plan for each child, management
    # oversight, supervision, contracts, appraisals, observations, team meetings, then audits and their follow-up.
    Measure("allocated", "Children with an allocated worker", "percent", ("UNALLOCATED",)),
    Measure("assessed", "Children's needs assessed in time", "percent", ("ASSESSMENT-DUE",)),
    Measure("plan_in_place", "Children with a signed-off plan", "percent", ("PLAN-MISSING",)),
    Measure("oversight", "Management oversight in time", "percent", ("OVERSIGHT",)),
    Measure("supervision", "Supervision in timescale", "percent", ("SUP-FREQ",)),
    Measure("contracts", "Staff with a signed supervision contract", "percent", ("SUP-CONTRACT",)),
    Measure("appraisals", "Staff appraised in the last year", "percent", ("APPRAISAL",)),
    Measure("observations", "Staff observed in practice", "percent", ("OBSERVATION",)),
    Measure("team_meetings", "Teams with a minuted team meeting in time", "percent", ("TEAM-MEETING",)),
    # A chronology is missing (no entry yet) or stale (entries too old): together, every open case.
    Measure("chronologies", "Chronologies up to date", "percent", ("CHRON-MISSING", "CHRON-STALE")),
    Measure("plans", "Plans signed off in time", "percent", ("PLAN-UNSIGNED",)),
    Measure("visits", "Statutory visits in timescale", "percent", ("VISITS",)),
    Measure("audits", "Case file audits completed", "count", better=""),
    Measure("audits_good", "Audits graded good or outstanding", "percent"),
    Measure("actions_overdue", "Audit actions overdue at month end", "count", better="lower"),
    # Actions agreed in supervision and team meetings (ACTIONS): staff owning one, none of theirs overdue.
    Measure("actions_in_time", "Staff with no agreed action overdue", "percent", ("ACTIONS",)),
    Measure("caseload_average", "Open cases per allocated worker", "average", better=""),
    Measure("caseload_within", "Workers within caseload capacity", "percent", ("CASELOAD",)),
    # Of the work decided for the first time in the month, the share signed off then (K 4 "support and challenge").
    Measure("signed_off_first_time", "Work signed off first time", "percent"),
    # The rest of the second wave's standards, each its month-end figure.
    Measure("child_views", "Children's views recorded in time", "percent", ("CHILD-VIEWS",)),
    Measure("review_minutes", "Conference and review minutes on the record in time", "percent",
            ("REVIEW-MINUTES",)),
    Measure("reports_countersigned", "Reports countersigned before the meeting", "percent",
            ("REPORT-COUNTERSIGN",)),
    Measure("fgdm_offered", "Pre-proceedings with a family group meeting offered", "percent", ("FGDM-OFFER",)),
    Measure("contract_reviews", "Supervision contracts reviewed in time", "percent", ("CONTRACT-REVIEW",)),
    Measure("audit_target", "Team managers meeting the audit target", "percent", ("AUDIT-TARGET",)),
    Measure("supervisor_training", "Supervisors with current supervision-skills training", "percent",
            ("SUPERVISOR-TRAINING",)),
)
BY_KEY = {measure.key: measure for measure in MEASURES}


def month_end(month):
    return month + relativedelta(months=1) - timedelta(days=1)


def first_working_day(month):
    day = month
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def measure_month(service, month):
    """{measure key: value} for one service and month: [compliant, population] for a %, else a number.

    A fixed number of queries, none growing with the data: snapshots, audits, actions, allocations, the
    sign-off decisions and the leadership visits by team.
    """
    end = month_end(month)
    snapshots = list(
        Snapshot.objects.filter(team__service=service, month=month)
        .values_list("rule")
        .annotate(Sum("population"), Sum("breaches"), invented=Count("pk", filter=Q(demonstration=True)))
        .order_by()
    )
    kept = {code: Compliance(population, breaches) for code, population, breaches, _ in snapshots}
    # Months the demo invented for its trends are labelled wherever the report is shown (SPEC 4b).
    values = {"demonstration": any(invented for *_, invented in snapshots)}
    for measure in MEASURES:
        if measure.rules and measure.rules[0] in kept:
            breaches = sum(kept[code].breaches for code in measure.rules if code in kept)
            compliance = Compliance(kept[measure.rules[0]].population, breaches)
            values[measure.key] = [compliance.compliant, compliance.population]
    grades = dict(
        CaseFileAudit.objects.audits().completed()
        .filter(team__service=service, audited_on__gte=month, audited_on__lte=end)
        .values_list("grade")
        .annotate(n=Count("pk"))
        .order_by()
    )
    audits = sum(grades.values())
    good = grades.get(Grade.OUTSTANDING, 0) + grades.get(Grade.GOOD, 0)
    values["audits"] = audits
    values["audits_good"] = [good, audits] if audits else None
    values["grades"] = {grade: grades.get(grade, 0) for grade in Grade.values}
    values["actions_overdue"] = (
        CorrectiveAction.objects.of_audits()
        .filter(audit__team__service=service, audit__audited_on__lte=end, due_on__lt=end)
        .filter(Q(done_on__isnull=True) | Q(done_on__gt=end))
        .count()
    )
    allocated = Allocation.objects.filter(team__service=service, worker__isnull=False, started_on__lte=end).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gt=end), Q(child__closed_on__isnull=True) | Q(child__closed_on__gt=end)
    ).aggregate(cases=Count("pk"), workers=Count("worker", distinct=True))
    values["caseload_average"] = (
        round(allocated["cases"] / allocated["workers"], 1) if allocated["workers"] else None
    )
    values.update(sign_off_quality(service, month, end))
    # W 6: the directors' and heads of service's office visits, team meetings attended and briefings, by team.
    values["leadership_teams"] = leadership_by_team(Team.objects.filter(service=service), month, end)
    return values


def sign_off_quality(service, month, end):
    """The month's sign-off quality: the service's share signed off first time, the grades given, and each team's."""
    by_team = quality_by(decisions(month, end + timedelta(days=1)).filter(author__team__service=service),
                         "author__team__name")
    whole = total(by_team.values())
    return {
        "signed_off_first_time": [whole.first_time, whole.first_decisions] if whole.first_decisions else None,
        "sign_off_grades": whole.grades,
        "sign_off_teams": [[name, q.first_time, q.first_decisions, q.rate, q.grades]
                           for name, q in sorted(by_team.items(), key=lambda item: str(item[0]))],
    }


def build(service, month, measured=None):
    """The report's figures: each measure over the 12 months to `month`; `measured` memoises months."""
    measured = {} if measured is None else measured
    months = [month - relativedelta(months=back) for back in range(MONTHS - 1, -1, -1)]
    for each in months:
        if (service.pk, each) not in measured:
            measured[service.pk, each] = measure_month(service, each)
    by_month = [measured[service.pk, each] for each in months]
    return {
        "service": service.name,
        "month": month.isoformat(),
        "months": [each.isoformat() for each in months],
        "measures": {measure.key: [values.get(measure.key) for values in by_month] for measure in MEASURES},
        "grades": by_month[-1]["grades"],
        "sign_off_grades": by_month[-1]["sign_off_grades"],
        "sign_off_teams": by_month[-1]["sign_off_teams"],
        "leadership_teams": by_month[-1]["leadership_teams"],
        "demonstration_months": [each.isoformat() for each, values in zip(months, by_month, strict=True)
                                 if values.get("demonstration")],
    }


def generate(*, service, month, now, measured=None):
    """The service's report for `month`, made once; a second call (or a second worker) keeps the first."""
    existing = MonthlyReport.objects.filter(service=service, month=month).first()
    if existing:
        return existing, False
    figures = build(service, month, measured)
    # get_or_create catches the unique constraint's error when another worker got there first.
    return MonthlyReport.objects.get_or_create(
        service=service, month=month, defaults={"figures": figures, "generated_at": now}
    )


def generate_all(*, month, now):
    """Every service's report for `month`; returns how many were new."""
    measured = {}
    return sum(
        generate(service=service, month=month, now=now, measured=measured)[1] for service in Service.objects.all()
    )


# --- reading a kept report -----------------------------------------------------


@dataclass
class Line:
    """One measure of a kept report, as shown: this month, the month before, the trend."""

    measure: Measure
    values: list  # per month: [compliant, population] for a %, else a number or None

    def _compliance(self, value):
        return Compliance(value[1], value[1] - value[0])

    @property
    def series(self):
        if self.measure.unit == "percent":
            return [None if value is None else self._compliance(value).percent for value in self.values]
        return list(self.values)

    @property
    def current(self):
        return self.series[-1]

    @property
    def previous(self):
        return self.series[-2]

    @property
    def compliance(self):
        """This month's compliant of population, behind a %."""
        if self.measure.unit != "percent" or self.values[-1] is None:
            return None
        return self._compliance(self.values[-1])

    @property
    def change(self):
        if self.current is None or self.previous is None:
            return None
        return round(self.current - self.previous, 1)

    @property
    def direction(self):
        if not self.measure.better:
            return None
        if self.measure.better == "higher":
            return direction(self.series)
        # Lower is better: judge the negated series, then show the arrow and change of the figure itself.
        judged = direction([None if value is None else -value for value in self.series])
        if judged.change is None:
            return judged
        arrow = {"better": "↓", "worse": "↑"}.get(judged.name, judged.arrow)
        return replace(judged, arrow=arrow, change=-judged.change)

    @property
    def sparkline(self):
        """SVG polyline points (100 x 30) of the 12 months; a % runs 0-100, a number from 0 to its highest."""
        known = [(i, v) for i, v in enumerate(self.series) if v is not None]
        if len(known) < 2:
            return ""
        top = 100 if self.measure.unit == "percent" else max(v for _, v in known) or 1
        step = 100 / (len(self.series) - 1)
        return " ".join(f"{i * step:.1f},{30 - 28 * v / top:.1f}" for i, v in known)


def lines(report):
    figures = report.figures
    # A report kept before a measure existed shows it as not measured.
    missing = [None] * len(figures["months"])
    return [Line(measure, figures["measures"].get(measure.key, missing)) for measure in MEASURES]


def months(report):
    return [date.fromisoformat(month) for month in report.figures["months"]]


def demonstration_months(report):
    """The months of a kept report whose figures the demo invented (none in a real council's reports)."""
    return [date.fromisoformat(month) for month in report.figures.get("demonstration_months", [])]
