"""SUP-FREQ, SUP-CONTRACT, SUP-FILED, APPRAISAL, OBSERVATION (W 4, W 5, W 5.2, K 6)."""
from dateutil.relativedelta import relativedelta
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce

from cases.models import Child
from organisation.models import StaffMember
from supervision.frequency import frequency_inputs, next_due, overdue_filter
from supervision.models import Appraisal as AppraisalRecord
from supervision.models import CaseDiscussion, Observation, SupervisionSession
from supervision.selectors import without_contract

from ..models import Owner, SubjectKind
from .base import PlusMonths, Rule, cutoff, earliest, latest


def supervised_staff():
    """The one population of SUP-FREQ, SUP-CONTRACT, APPRAISAL and OBSERVATION (SPEC 4b)."""
    return StaffMember.objects.supervised()


class SupervisionFrequency(Rule):
    code = "SUP-FREQ"
    subject = SubjectKind.STAFF
    owner = Owner.LINE_MANAGER

    def population(self, today):
        return supervised_staff()

    def breaches(self, today, figures):
        held = SupervisionSession.objects.held().filter(supervisee=OuterRef("pk"))
        staff = self.population(today).annotate(last_supervised=latest(held, "date"), **frequency_inputs(today))
        return staff.filter(overdue_filter(today, figures))

    def due_on(self, member, today, figures):
        return next_due(member, member.last_supervised, today, figures).on


class SupervisionContract(Rule):
    code = "SUP-CONTRACT"
    subject = SubjectKind.STAFF
    owner = Owner.LINE_MANAGER

    def population(self, today):
        return supervised_staff()

    def breaches(self, today, figures):
        return without_contract(self.population(today))

    def due_on(self, member, today, figures):
        return member.started_in_post or today


class CaseDiscussionsFiled(Rule):
    """Reads each discussion's stored deadline: the figure in force when the discussion was opened."""

    code = "SUP-FILED"
    owner = Owner.LINE_MANAGER  # the worker's supervisor, who files the discussion

    def population(self, today):
        return Child.objects.open().filter(Exists(CaseDiscussion.objects.filter(child=OuterRef("pk"))))

    def breaches(self, today, figures):
        late = CaseDiscussion.objects.not_filed_in_time(today).filter(child=OuterRef("pk"))
        # A late discussion implies one: a semi-join on it is the whole test; `since` only for new flags.
        return Child.objects.open().filter(Exists(late)).annotate(since=earliest(late, "filing_due_on"))

    def due_on(self, child, today, figures):
        return child.since


class _WithinMonths(Rule):
    """A dated record of the staff member at least every N months.

    Someone with none yet is due N months after starting in post, and now with no start date (SPEC 4b).
    """

    subject = SubjectKind.STAFF
    model = None  # the record, with its `staff_field` and `date_field`
    staff_field = date_field = ""

    def population(self, today):
        return supervised_staff()

    def records(self, today):
        return self.model.objects.filter(**{self.staff_field: OuterRef("pk"), f"{self.date_field}__lte": today})

    def breaches(self, today, figures):
        return self.population(today).annotate(since=self.since(today)).filter(self.lapsed(today, figures))

    def since(self, today):
        return Coalesce(latest(self.records(today), self.date_field), "started_in_post")

    def lapsed(self, today, figures):
        months = relativedelta(months=figures["months"])
        # No record and no start date sorts before every cut-off: due now.
        return Q(since__isnull=True) | Q(since__lt=cutoff(today, lambda start: start + months, today - months))

    def due_on(self, member, today, figures):
        if member.since is None:
            return today
        return member.since + relativedelta(months=figures["months"])


class Appraisal(_WithinMonths):
    code = "APPRAISAL"
    owner = Owner.LINE_MANAGER
    model = AppraisalRecord
    staff_field, date_field = "staff", "held_on"


class ObservationOfPractice(_WithinMonths):
    """Within the period, and before the appraisal: an appraisal held with no observation in the N months
    before it is a breach until the next appraisal (SPEC 4b)."""

    code = "OBSERVATION"
    owner = Owner.LINE_MANAGER
    model = Observation
    staff_field, date_field = "practitioner", "observed_on"

    def breaches(self, today, figures):
        appraisals = AppraisalRecord.objects.filter(staff=OuterRef("pk"), held_on__lte=today)
        before = Observation.objects.alias(lasts_until=PlusMonths(F("observed_on"), figures["months"])).filter(
            practitioner=OuterRef("pk"), observed_on__lte=OuterRef("appraised"), lasts_until__gte=OuterRef("appraised"),
        )
        return (
            self.population(today)
            .annotate(since=self.since(today), appraised=latest(appraisals, "held_on"))
            .annotate(observed_before=Exists(before))
            .filter(self.lapsed(today, figures) | Q(appraised__isnull=False, observed_before=False))
        )

    def due_on(self, member, today, figures):
        lapsed_on = super().due_on(member, today, figures)
        due = [lapsed_on] if member.since is None or lapsed_on < today else []
        if member.appraised and not member.observed_before:
            due.append(member.appraised)
        return min(due)
