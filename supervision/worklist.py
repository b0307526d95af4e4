"""A line manager's "needs you": their joiners' inductions still open in the first weeks (cases.worklist)."""
import datetime

from django.db.models import Count
from django.urls import reverse

from cases.worklist import Due
from organisation.models import StaffMember

from .models.learning import INDUCTION_ITEMS, INDUCTION_WEEKS, induction_due_on


def joiners_in_induction(manager, today):
    """The manager's direct reports who started in the last INDUCTION_WEEKS weeks with an item still open."""
    return (
        StaffMember.objects.filter(
            line_manager=manager, is_active=True,
            started_in_post__lte=today, started_in_post__gte=today - datetime.timedelta(weeks=INDUCTION_WEEKS),
        )
        .annotate(ticked=Count("induction"))
        .filter(ticked__lt=len(INDUCTION_ITEMS))
    )


def induction_for_manager(*, manager, today):
    return [
        Due(on=induction_due_on(member), what="Induction", url=reverse("supervision:induction", args=[member.pk]),
            about=member.get_full_name())
        for member in joiners_in_induction(manager, today)
    ]
