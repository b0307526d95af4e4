"""Writes that touch several models."""
from django.db import transaction

from .models import Allocation


@transaction.atomic
def allocate(
    *, child, team, worker, by, on, purpose="", expectations="", contingency="", timescale="",
    over_capacity_justification="",
):
    """End the child's current allocation and start a new one (K 2, W 3).

    The child's `team` and `worker` always mirror the open Allocation row.
    """
    child.allocations.filter(ended_on__isnull=True).update(ended_on=on)
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
    allocation.save()
    child.team, child.worker = team, worker
    child.save(update_fields=["team", "worker"])
    return allocation
