from django.db import transaction

from organisation import standards, writes
from organisation.models import PracticeStandard, StandardChange

from .models import FlagPlan


@transaction.atomic
def change_standard(*, code, by, enabled, values):
    """Save a standard's figures and whether it is checked, keeping who changed what, from what, to what."""
    standard, _ = PracticeStandard.objects.select_for_update().get_or_create(code=code)
    changes = []
    if standard.enabled != enabled:
        changes.append(
            StandardChange(code=code, field="enabled", old_value=standard.enabled, new_value=enabled, changed_by=by)
        )
    current = {**standards.defaults(code), **standard.values}
    for name, value in values.items():
        old = current.get(name)
        if old != value:
            changes.append(StandardChange(code=code, field=name, old_value=old, new_value=value, changed_by=by))
    if not changes:
        return []
    standard.enabled, standard.values = enabled, {**standard.values, **values}
    standard.full_clean()
    standard.save()
    standards.forget()
    for change in changes:
        change.full_clean()
    return StandardChange.objects.bulk_create(changes)


@transaction.atomic
def record_plan(*, flag, by, text, plan_by, now):
    """Record (or revise) what will be done about an open flag, as `by`; None if the flag was resolved meanwhile.

    The flag's row is locked, so two people saving a plan at once queue; the plan's history keeps each.
    """
    if writes.lock(flag, resolved_at__isnull=True) is None:
        return None
    plan = FlagPlan.objects.select_for_update().filter(flag=flag).first() or FlagPlan(flag=flag)
    plan.text, plan.plan_by, plan.planned_by, plan.planned_at = text, plan_by, by, now
    plan.full_clean()
    return writes.save(plan, by=by)
