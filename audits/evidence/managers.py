"""Evidence for a review of a team manager's practice, per W Appendix 1 theme.

Audits, sign-offs, decisions and caseloads are read here. Supervision,
appraisals, observations and team meetings belong to the supervision app:
it adds its facts with `register(theme, provider)` from its AppConfig.ready(),
so this app never imports it; until it does, the review says so.
"""

from dateutil.relativedelta import relativedelta
from django.db.models import Count, Q

from cases.models import AssessmentVersion, Child, Grade, ManagementDecision
from organisation import standards
from organisation.models import StaffMember, Team

from .. import themes
from ..models import AuditProgramme, CaseFileAudit, CorrectiveAction
from . import Fact

PERIOD_MONTHS = 12
ELSEWHERE = {
    "supervision": "Supervision compliance of the team",
    "appraisal": "Annual appraisals of the team",
    "development": "Observations of practice",
    "communication": "Minuted team meetings",
}
UNAVAILABLE = "Not yet available: it comes from the supervision records"
_providers = {}


def register(theme_code, provider):
    """Add `provider(manager, today) -> [Fact]` to a theme's evidence."""
    providers = _providers.setdefault(theme_code, [])
    if provider not in providers:
        providers.append(provider)
    return provider


def manager_evidence(manager, today):
    """{theme code: [Fact, ...]} about `manager` over the last 12 months to `today`."""
    since = today - relativedelta(months=PERIOD_MONTHS)
    teams = Team.objects.filter(manager=manager)
    audits = _audits(manager, teams, since)
    actions = _actions(teams, since, today)
    sign_offs = _sign_offs(manager, since)
    expected = AuditProgramme.current().expected(PERIOD_MONTHS)
    evidence = {theme.code: [] for theme in themes.THEMES}
    evidence["auditing"] = [
        Fact("Audits completed by the manager", f"{audits['by_manager']} (programme: {expected})",
             concern=audits["by_manager"] < expected),
        Fact("Corrective actions on the team's files",
             f"{actions['raised']} raised, {actions['done']} done, {actions['verified']} verified"),
        Fact("Corrective actions overdue", str(actions["overdue"]), concern=actions["overdue"] > 0),
    ]
    evidence["quality"] = [
        Fact("Sign-off decisions", f"{sign_offs['signed']} signed off, {sign_offs['returned']} returned"),
        Fact("Grades given at sign-off and return", _grades(sign_offs)),
        Fact("The team's files audited, by grade", _grades(audits)),
    ]
    evidence["poor_performance"] = [
        Fact("Team files audited as requires improvement or inadequate",
             str(audits["requires_improvement"] + audits["inadequate"])),
        Fact("Their corrective actions overdue", str(actions["overdue_on_weak"]),
             concern=actions["overdue_on_weak"] > 0),
        Fact("Work returned for improvement", str(sign_offs["returned"])),
    ]
    evidence["good_practice"] = [
        Fact("Outstanding grades given at sign-off", str(sign_offs["outstanding"])),
        Fact("Team files audited as outstanding", str(audits["outstanding"])),
    ]
    evidence["workloads"] = _caseloads(teams, today)
    decisions = ManagementDecision.objects.filter(manager=manager, decided_on__gte=since).count()
    evidence["challenge"] = [
        Fact("Management decisions recorded on children's records", str(decisions), concern=decisions == 0),
        Fact("Work returned for improvement", str(sign_offs["returned"])),
    ]
    for code, label in ELSEWHERE.items():
        providers = _providers.get(code)
        if providers:
            evidence[code] += [fact for provider in providers for fact in provider(manager, today)]
        else:
            evidence[code].append(Fact(label, UNAVAILABLE))
    return evidence


ALL = Q()


def _by_grade(within=ALL):
    return {g.name.lower(): Count("pk", filter=within & Q(grade=g)) for g in Grade}


def _grades(row):
    return ", ".join(f"{g.label.lower()} {row[g.name.lower()]}" for g in Grade)


def _audits(manager, teams, since):
    team_files = Q(team__in=teams)
    return (
        CaseFileAudit.objects.audits().completed()
        .filter(audited_on__gte=since)
        .aggregate(
            by_manager=Count("pk", filter=Q(auditor=manager)),
            **_by_grade(team_files),
        )
    )


def _actions(teams, since, today):
    weak = Q(audit__grade__in=[Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE])
    overdue = Q(done_on__isnull=True, due_on__lt=today)
    return CorrectiveAction.objects.of_audits().filter(audit__team__in=teams, audit__audited_on__gte=since).aggregate(
        raised=Count("pk"),
        done=Count("pk", filter=Q(done_on__isnull=False)),
        verified=Count("pk", filter=Q(verified_on__isnull=False)),
        overdue=Count("pk", filter=overdue),
        overdue_on_weak=Count("pk", filter=overdue & weak),
    )


def _sign_offs(manager, since):
    Status = AssessmentVersion.Status
    return AssessmentVersion.objects.filter(decided_by=manager, decided_at__date__gte=since).aggregate(
        signed=Count("pk", filter=Q(status=Status.SIGNED_OFF)),
        returned=Count("pk", filter=Q(status=Status.RETURNED)),
        **_by_grade(),
    )


def _caseloads(teams, today):
    """Open cases against capacity (CASELOAD) for the practitioners of the manager's teams."""
    figures = standards.figures("CASELOAD")
    members = list(
        StaffMember.objects.practitioners().filter(team__in=teams, is_active=True).with_caseload(today, figures)
    )
    over = [m for m in members if m.load.is_over]
    unallocated = Child.objects.open().filter(team__in=teams, worker__isnull=True).count()
    return [
        Fact("Open cases held", f"{sum(m.open_cases for m in members)} across {len(members)} practitioners"),
        Fact(
            f"Above capacity ({figures['cases_per_fte']} cases per FTE; CASELOAD)",
            ", ".join(f"{m} ({m.load.shown})" for m in over) or "Nobody",
            concern=bool(over),
        ),
        Fact("Unallocated open cases", str(unallocated), concern=unallocated > 0),
    ]


