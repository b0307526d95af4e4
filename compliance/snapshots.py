"""Monthly compliance per team and standard (breaches, population, % compliant), kept for the trends."""
from datetime import timedelta

from django.db import transaction
from django.db.models import Count

from organisation.standards import configured

from .models import Snapshot
from .rules import RULES


def previous_month(today):
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


def _by_team(rule, queryset):
    """{team id: subjects} of a rule's queryset, grouped in the database."""
    model = queryset.model
    rows = (
        model.objects.filter(pk__in=queryset.values("pk"))
        .values_list(rule.team_field)
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {team_id: n for team_id, n in rows if team_id is not None}


def measure(*, today):
    """[(rule code, team id, population, breaches)] of every enabled standard on `today`."""
    config = configured()
    measured = []
    for rule in RULES:
        enabled, figures = config[rule.code]
        if not enabled:
            continue
        breaches = _by_team(rule, rule.breaches(today, figures))
        for team_id, population in _by_team(rule, rule.population(today)).items():
            measured.append((rule.code, team_id, population, breaches.get(team_id, 0)))
    return measured


@transaction.atomic
def take(*, month, today, now):
    """Replace the month's snapshot with the figures on `today`; rerunning gives the same rows."""
    Snapshot.objects.filter(month=month).delete()
    rows = Snapshot.objects.bulk_create(
        Snapshot(month=month, team_id=team_id, rule=code, population=population, breaches=breaches, taken_at=now)
        for code, team_id, population, breaches in measure(today=today)
    )
    return len(rows)


def month_ended(today):
    """(the month the monthly job keeps when run on `today`, the day it measures it on: the 1st after it)."""
    this_month = today.replace(day=1)
    return previous_month(this_month), this_month


def take_month_ended(*, today, now):
    """What the monthly job does on the 1st (tasks.monthly_snapshot), for any day of the month after."""
    month, measured_on = month_ended(today)
    return take(month=month, today=measured_on, now=now)
