"""Reads for the team manager's dashboard: the team's flags, supervision due, sign-offs, audit actions, caseloads.

Each reuses the querysets the rest of the product reads, and is one or two
queries for the whole team.
"""
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Count

from audits.models import CorrectiveAction
from cases.models import AssessmentVersion
from cases.sign_off_quality import decisions, quality_by, total
from organisation import standards
from organisation.models import StaffMember, Team
from supervision.frequency import next_due
from supervision.selectors import with_supervision

from ..models import Flag, SubjectKind
from ..rules import BY_CODE
from ..rules.supervision import supervised_staff
from .filters import Scope

# The bar's track runs to this share of capacity, so an overloaded worker still shows by how much.
BAR_TRACK = Decimal("1.5")


def flags_by_rule(user, team):
    """{code: open flags} about the team's children, staff and the team itself."""
    flags = Scope(teams=Team.objects.visible_to(user).filter(pk=team.pk)).flags(Flag.objects.open())
    return dict(flags.values_list("rule").annotate(n=Count("pk")).order_by())


@dataclass
class SupervisionDue:
    overdue: list
    this_week: list


def supervision_due(team, today):
    """The team's supervised staff overdue, and due from today to Sunday, each with `.due` (supervision.frequency).

    Overdue means an open SUP-FREQ flag, as the matrix counts it, so the two pages never disagree between sweeps;
    someone gone overdue since the last sweep is listed as due until the sweep flags them.
    """
    figures = standards.figures("SUP-FREQ")
    flagged = set(Flag.objects.open().filter(rule="SUP-FREQ", kind=SubjectKind.STAFF, staff__team=team)
                  .values_list("staff_id", flat=True))
    staff = with_supervision(supervised_staff().filter(team=team), today).order_by("last_name", "first_name")
    sunday = today + timedelta(days=6 - today.weekday())
    overdue, this_week = [], []
    for member in staff:
        member.due = next_due(member, member.last_supervised, today, figures)
        if member.pk in flagged:
            overdue.append(member)
        elif member.due.on <= sunday:
            this_week.append(member)
    overdue.sort(key=lambda m: m.due.on)
    this_week.sort(key=lambda m: m.due.on)
    return SupervisionDue(overdue, this_week)


def sign_off_queue(team):
    """What waits for the team manager's sign-off from the team's children, oldest first."""
    if team.manager is None:
        return AssessmentVersion.objects.none()
    return (
        AssessmentVersion.objects.awaiting_sign_off_by(team.manager)
        .filter(assessment__child__team=team)
        .select_related("assessment__child", "author")
    )


def overdue_actions(user, team, today):
    return (
        CorrectiveAction.objects.visible_to(user)
        .overdue(today)
        .filter(audit__child__team=team)
        .select_related("audit__child", "owner")
    )


def bar_step(load):
    """The bar's length as a share of its track, in steps of 5 (one CSS class each: no style attribute)."""
    if not load.capacity:
        return 100 if load.weighted else 0
    share = min(load.weighted / load.capacity / BAR_TRACK, 1)
    return int(round(share * 20) * 5)


def caseloads(team, today):
    """The team's practitioners, each with `.load` (weighted caseload against capacity) and its `.bar_step`,
    busiest first."""
    population = BY_CODE["CASELOAD"].population(today)  # who CASELOAD applies to, decided by the rule
    members = list(population.filter(team=team).with_caseload(today).select_related("team"))
    for member in members:
        member.bar_step = bar_step(member.load)
    return sorted(members, key=lambda m: (-(m.load.percent or 0), m.last_name))


# Sign-off quality is read over the last year: long enough for a rate to mean something.
QUALITY_MONTHS = 12


def quality_period(today):
    return today - relativedelta(months=QUALITY_MONTHS), today + timedelta(days=1)


def team_decisions(user, team, today):
    """Work by the team's staff decided in the last year, within what `user` may see."""
    return decisions(*quality_period(today)).visible_to(user).filter(author__team=team)


def sign_off_quality(user, team, today):
    """(each practitioner of the team and anyone else of it whose work was decided, with `.quality`; the team's
    total): the share signed off first time and the grades given (K 4)."""
    qualities = quality_by(team_decisions(user, team, today), "author")
    members = StaffMember.objects.filter(team=team).filter(
        pk__in=[*qualities, *StaffMember.objects.practitioners().filter(team=team, is_active=True).values_list(
            "pk", flat=True)]
    ).order_by("last_name", "first_name")
    rows = list(members)
    for member in rows:
        member.quality = qualities.get(member.pk) or total([])
    return rows, total(qualities.values())
