"""Reads shared by the supervision pages and, later, the compliance worker: one query per list."""
from django.db.models import Exists, OuterRef

from organisation import standards
from organisation.models import StaffMember
from organisation.queries import earliest, latest

from .frequency import frequency_inputs, next_due, overdue_filter
from .models import Appraisal, Observation, SupervisionContract, SupervisionSession


def with_supervision(staff, today):
    """Staff annotated with their last held session, earliest open session, contract, observation, appraisal,
    and what their supervision frequency on `today` turns on (supervision.frequency)."""
    sessions = SupervisionSession.objects.filter(supervisee=OuterRef("pk"))
    return staff.annotate(
        **frequency_inputs(today),
        last_supervised=latest(sessions.held(), "date"),
        next_planned=earliest(sessions.planned(), "date"),
        has_contract=Exists(SupervisionContract.objects.filter(staff=OuterRef("pk"))),
        last_observed=latest(Observation.objects.filter(practitioner=OuterRef("pk")), "observed_on"),
        last_appraised=latest(Appraisal.objects.filter(staff=OuterRef("pk")), "held_on"),
    )


def supervision_overdue(staff, today):
    """The staff in `staff` whose supervision is overdue on `today` (SUP-FREQ), as one query."""
    return with_supervision(staff, today).filter(overdue_filter(today))


def without_contract(staff):
    """SUP-CONTRACT: staff with no supervision contract signed by both them and their supervisor (W 5.2).

    One agreed but not yet signed does not count as in place.
    """
    signed = SupervisionContract.objects.filter(
        staff=OuterRef("pk"), supervisor_signed_on__isnull=False, staff_signed_on__isnull=False
    )
    return staff.exclude(Exists(signed))


def supervision_rows(manager, today):
    """Everyone `manager` line-manages, each with `.due`, overdue first then soonest due."""
    figures = standards.figures("SUP-FREQ")
    staff = with_supervision(
        StaffMember.objects.managed_by(manager).filter(is_active=True).select_related("team", "line_manager"), today
    )
    rows = list(staff)
    for member in rows:
        member.due = next_due(member, member.last_supervised, today, figures)
    return sorted(rows, key=lambda m: (m.due.on, m.last_name, m.first_name))



def objectives_of(member, *, include_achieved=False):
    """A person's objectives and their team's, each with the person's own progress reviews, latest first
    (`objective.latest_review()`), in two queries."""
    from django.db.models import Prefetch

    from .models import Objective, ObjectiveReview

    reviews = ObjectiveReview.objects.filter(staff=member).select_related("reviewed_by", "session")
    objectives = Objective.objects.for_person(member).select_related("team", "set_by")
    if not include_achieved:
        objectives = objectives.open()
    return list(objectives.prefetch_related(Prefetch("reviews", queryset=reviews)))
