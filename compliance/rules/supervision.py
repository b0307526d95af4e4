"""SUP-FREQ, SUP-CONTRACT, SUP-FILED, APPRAISAL, OBSERVATION (W 4, W 5, W 5.2, K 6)."""
from dateutil.relativedelta import relativedelta
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from cases.models import Child
from organisation.models import PRACTITIONER_ROLES, Role, StaffMember
from supervision.frequency import next_due, overdue_filter
from supervision.models import Appraisal as AppraisalRecord
from supervision.models import CaseDiscussion, Observation, SupervisionSession
from supervision.selectors import without_contract

from ..models import SubjectKind
from .base import Rule, cutoff, latest

# Practitioners and the team managers who supervise them are themselves supervised (W 5.2).
SUPERVISED_ROLES = (*PRACTITIONER_ROLES, Role.TEAM_MANAGER)


def supervised_staff():
    return StaffMember.objects.filter(is_active=True, role__in=SUPERVISED_ROLES)


class SupervisionFrequency(Rule):
    code = "SUP-FREQ"
    subject = SubjectKind.STAFF

    def population(self, today):
        return supervised_staff()

    def breaches(self, today, figures):
        held = SupervisionSession.objects.held().filter(supervisee=OuterRef("pk"))
        staff = self.population(today).annotate(last_supervised=latest(held, "date"))
        return staff.filter(overdue_filter(today, figures))

    def due_on(self, member, today, figures):
        return next_due(member, member.last_supervised, today, figures).on


class SupervisionContract(Rule):
    code = "SUP-CONTRACT"
    subject = SubjectKind.STAFF

    def population(self, today):
        return supervised_staff()

    def breaches(self, today, figures):
        return without_contract(self.population(today))

    def due_on(self, member, today, figures):
        return timezone.localdate(member.date_joined)


class CaseDiscussionsFiled(Rule):
    """Reads each discussion's stored deadline: the figure in force when the discussion was opened."""

    code = "SUP-FILED"

    def population(self, today):
        return Child.objects.open().filter(Exists(CaseDiscussion.objects.filter(child=OuterRef("pk"))))

    def breaches(self, today, figures):
        late = CaseDiscussion.objects.not_filed_in_time(today).filter(child=OuterRef("pk"))
        earliest = Subquery(late.order_by("filing_due_on").values("filing_due_on")[:1])
        # A late discussion implies one: a semi-join on it is the whole test; `since` only for new flags.
        return Child.objects.open().filter(Exists(late)).annotate(since=earliest)

    def due_on(self, child, today, figures):
        return child.since


class _WithinMonths(Rule):
    """A dated record of the staff member at least every N months; a new starter is due N months after joining."""

    subject = SubjectKind.STAFF
    model = None  # the record, with its `staff_field` and `date_field`
    staff_field = date_field = ""

    def population(self, today):
        return supervised_staff()

    def breaches(self, today, figures):
        months = relativedelta(months=figures["months"])
        latest = self.model.objects.filter(**{self.staff_field: OuterRef("pk")}).order_by(f"-{self.date_field}")
        return (
            self.population(today)
            .annotate(since=Coalesce(Subquery(latest.values(self.date_field)[:1]), TruncDate("date_joined")))
            .filter(since__lt=cutoff(today, lambda start: start + months, today - months))
        )

    def due_on(self, member, today, figures):
        return member.since + relativedelta(months=figures["months"])


class Appraisal(_WithinMonths):
    code = "APPRAISAL"
    model = AppraisalRecord
    staff_field, date_field = "staff", "held_on"


class ObservationOfPractice(_WithinMonths):
    """The appraisal records the observation it drew on; this rule keeps one within the period."""

    code = "OBSERVATION"
    model = Observation
    staff_field, date_field = "practitioner", "observed_on"
