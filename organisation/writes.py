"""The one write path for a change of state: lock the row, check its state, save it.

A bare `filter(pk=.., status=old).update(...)` is race-safe but invisible to
django-simple-history and to the save hooks that queue a targeted re-check, so
every transition re-reads its row under `select_for_update()` inside the
caller's transaction, checks it is still where it was, and `save()`s it.
"""
from django.db import transaction


def lock(obj, **state):
    """`obj`'s row re-read and locked to the end of the transaction; None if it is no longer in `state`.

    The caller must be inside `transaction.atomic()`; two racing callers queue on
    the lock, and the second sees the first one's committed change.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock() is for use inside transaction.atomic().")
    return type(obj)._default_manager.select_for_update().filter(pk=obj.pk, **state).first()


def save(instance, *, by, update_fields=None):
    """Save `instance` as `by`, whom the history row records as the one who changed it."""
    instance._history_user = by
    instance.save(update_fields=update_fields)
    return instance


@transaction.atomic
def transition(obj, state, *, by, **changes):
    """Move `obj` from `state` (field values) by `changes`, as `by`; False if it had already moved.

    The row is saved whole as re-read under the lock, so nothing it holds is stale;
    `obj` takes the changes too.
    """
    locked = lock(obj, **state)
    if locked is None:
        return False
    for name, value in changes.items():
        setattr(locked, name, value)
        setattr(obj, name, value)
    save(locked, by=by)
    return True


def version_of(instance):
    """The id of `instance`'s latest history row: the version an edit form was read at (None if unsaved)."""
    if instance.pk is None:
        return None
    return instance.history.values_list("history_id", flat=True).first()


def change_since(instance, read_version, fields):
    """The history row of a change to `fields` (None: any field) of `instance` since `read_version`, or None.

    Locks the row first, so a save that follows in the same transaction cannot race another.
    Changes to other fields (a supervisee's notes while the supervisor writes the record) pass.
    """
    lock(instance)
    latest = instance.history.first()
    if latest is None or latest.history_id == read_version:
        return None
    read = instance.history.filter(history_id=read_version).first() if read_version else None
    if read is not None and fields is not None and all(getattr(read, name) == getattr(latest, name) for name in fields):
        return None
    return latest
