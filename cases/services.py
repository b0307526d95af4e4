"""Writes that touch several models."""
from django.core.exceptions import ValidationError
from django.db import transaction

from organisation import writes

from .models import Allocation


@transaction.atomic
def allocate(
    *, child, team, worker, by, on, purpose="", expectations="", contingency="", complete_by=None,
    suited_because="", timescale="", over_capacity_justification="",
):
    """End the child's current allocation and start a new one (K 2, W 3).

    The child's `team` and `worker` always mirror the open Allocation row. The child's row
    is locked first, so two allocations at once end one after the other.
    """
    writes.lock(child)
    for current in child.allocations.current():
        current.ended_on = on
        writes.save(current, by=by, update_fields=["ended_on"])
    allocation = Allocation(
        child=child,
        team=team,
        worker=worker,
        started_on=on,
        allocated_by=by,
        purpose=purpose,
        expectations=expectations,
        contingency=contingency,
        complete_by=complete_by,
        suited_because=suited_because,
        timescale=timescale,
        over_capacity_justification=over_capacity_justification,
    )
    allocation.full_clean()
    writes.save(allocation, by=by)
    writes.transition(child, {}, by=by, team=team, worker=worker)
    return allocation


def acknowledge_allocation(*, allocation, by, now):
    """The allocated worker confirms they understand what is required and by when (K 2); True if this recorded it.

    A second click, or a reallocation meanwhile, records nothing.
    """
    current = {"ended_on": None, "acknowledged_at": None, "worker": by}
    return writes.transition(allocation, current, by=by, acknowledged_at=now)


@transaction.atomic
def close_case(*, child, on, by):
    """Close the child's case on `on`: the open allocation ends that day, as every allocation ends.

    Called when a manager signs off the closure summary (cases/sign_off.py), the one way a case closes in
    Oversight; the child's row is locked first, so a closure and an allocation at once end one after the other.
    """
    locked = writes.lock(child, closed_on=None)
    if locked is None:
        raise ValidationError("This child's case is already closed.")
    for current in child.allocations.current():
        current.ended_on = on
        writes.save(current, by=by, update_fields=["ended_on"])
    locked.closed_on = child.closed_on = on
    writes.save(locked, by=by)


def confirm_attendance(*, meeting, by, attended, now):
    """The manager named records whether they attended (K 6); False if it was already recorded meanwhile."""
    return writes.transition(
        meeting, {"attendance_confirmed_at__isnull": True}, by=by, manager_attended=attended,
        attendance_confirmed_at=now,
    )
