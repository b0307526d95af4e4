"""Writes that touch several models."""
from django.db import transaction

from organisation import writes

from .models import Allocation


@transaction.atomic
def allocate(
    *, child, team, worker, by, on, purpose="", expectations="", contingency="", timescale="",
    over_capacity_justification="",
):
    """End the child's current allocation and start a new one (K 2, W 3).

    The child's `team` and `worker` always mirror the open Allocation row. The child's row
    is locked first, so two allocations at once end one after the other.
    """
    writes.lock(child)
    for current in child.allocations.filter(ended_on__isnull=True):
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
        timescale=timescale,
        over_capacity_justification=over_capacity_justification,
    )
    allocation.full_clean()
    writes.save(allocation, by=by)
    writes.transition(child, {}, by=by, team=team, worker=worker)
    return allocation


def confirm_attendance(*, meeting, by, attended, now):
    """The manager named records whether they attended (K 6); False if it was already recorded meanwhile."""
    return writes.transition(
        meeting, {"attendance_confirmed_at__isnull": True}, by=by, manager_attended=attended,
        attendance_confirmed_at=now,
    )
