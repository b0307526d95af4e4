"""Disposal of closed records past their retention period (Data Protection Act; W 4; SPEC section 7).

Disposal deletes the child's record and everything on it, and the record
history of those rows (which holds the same personal data); it keeps one
DisposalRecord with identifiers and counts only. Access-log entries stay: they
hold identifiers, not content.
"""
from functools import reduce
from operator import or_

from django.contrib.admin.utils import NestedObjects
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connection, models, transaction
from simple_history.models import registered_models

from cases.models import Child

from .models import DisposalRecord, LegalHold, RetentionRule


def rules_by_category():
    return {rule.category: rule for rule in RetentionRule.objects.all()}


def past_retention(today):
    """Closed children whose retention period has ended, not under a legal hold (one query)."""
    filters = [rule.due_filter(today) for rule in RetentionRule.objects.all()]
    if not filters:
        return Child.objects.none()
    return (
        Child.objects.filter(reduce(or_, filters))
        .exclude(pk__in=LegalHold.objects.active().values("child"))
        .order_by("closed_on", "pk")
    )


def _models_with_history():
    return [model for model in registered_models.values() if hasattr(model, "history")]


def _has_child(model):
    return any(field.name == "child" for field in model._meta.fields)


@transaction.atomic
def dispose(*, child, by, today):
    """Remove one child's record under its retention rule and log it; ValidationError if it may not go."""
    child = Child.objects.select_for_update().get(pk=child.pk)
    rule = RetentionRule.objects.filter(category=child.category).first()
    if rule is None or child.closed_on is None or rule.due_on(child) > today:
        raise ValidationError(f"{child.local_id} is not past its retention period.")
    if LegalHold.objects.active().filter(child=child).exists():
        raise ValidationError(f"{child.local_id} is under a legal hold.")
    collector = NestedObjects(using=DEFAULT_DB_ALIAS)
    collector.collect([child])
    if collector.protected:
        raise ValidationError(f"{child.local_id} has records that other records depend on; nothing was removed.")
    removed = {model._meta.label: len(objects) for model, objects in collector.data.items()}
    record = DisposalRecord.objects.create(
        disposed_by=by, child_pk=child.pk, local_id=child.local_id, category=child.category,
        rule=f"{rule} ({rule.source})"[:200], due_on=rule.due_on(child), removed=removed,
    )
    pks = {model: [obj.pk for obj in objects] for model, objects in collector.data.items()}
    child_pk = child.pk
    child.delete()
    # After the delete: deleting writes one more history row per object, which must go too.
    for model in _models_with_history():
        if _has_child(model) or model in pks:
            # With a child: also the history of rows on the record that were deleted before.
            _delete_history(model, child_pk, pks.get(model, []), by_child=_has_child(model))
    return record


def _delete_history(model, child_pk, ids, *, by_child):
    if connection.vendor != "postgresql":
        rows = model.history.filter(models.Q(child_id=child_pk) | models.Q(id__in=ids)) if by_child else \
            model.history.filter(id__in=ids)
        rows.delete()
        return
    # The application's role may not delete history; the owner's function does, for a disposed child only.
    with connection.cursor() as cursor:
        cursor.execute("SELECT traceability_dispose_history(%s, %s, %s::bigint[], %s)",
                       [model.history.model._meta.db_table, child_pk, list(ids), by_child])


def dispose_due(*, today, by=None, limit=100):
    """Dispose of up to `limit` records past retention, one transaction each; returns the records made."""
    done = []
    for child in past_retention(today)[:limit]:
        try:
            done.append(dispose(child=child, by=by, today=today))
        except ValidationError:
            continue  # a hold placed meanwhile, or dependent records: listed again next time
    return done
