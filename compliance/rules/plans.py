"""PLAN-UNSIGNED, PLAN-MISSING and REPORT-COUNTERSIGN: practitioners' work signed off in time (K 4, K 5, W 4)."""
from datetime import datetime, time

from django.db.models import Case, CharField, Exists, OuterRef, Value, When
from django.utils import timezone

from cases.models import Assessment, AssessmentVersion, Category, Child

from ..models import Owner
from .base import Rule, cutoff, earliest, working_days_after, working_days_cutoff

Status = AssessmentVersion.Status
# The plan that is current for each category that needs one.
PLAN_FOR = {
    Category.CHILD_IN_NEED: Assessment.Kind.CIN_PLAN,
    Category.CHILD_PROTECTION: Assessment.Kind.CP_PLAN,
    Category.LOOKED_AFTER: Assessment.Kind.CARE_PLAN,
    Category.CARE_LEAVER: Assessment.Kind.PATHWAY_PLAN,
}


class PlanUnsigned(Rule):
    code = "PLAN-UNSIGNED"
    owner = Owner.TEAM_MANAGER

    def population(self, today):
        return Child.objects.open().filter(Exists(Assessment.objects.filter(child=OuterRef("pk"))))

    def breaches(self, today, figures):
        waiting = AssessmentVersion.objects.filter(assessment__child=OuterRef("pk"), status=Status.SUBMITTED)
        oldest = earliest(waiting, "submitted_at")
        # Submitted before the cut-off day (local time) is before its local midnight; the oldest is when any is.
        cut = working_days_cutoff(today, figures["working_days"])
        late = waiting.filter(submitted_at__lt=timezone.make_aware(datetime.combine(cut, time.min)))
        # A submitted version implies an assessment: the population's own test would only repeat the join.
        return Child.objects.open().filter(Exists(late)).annotate(since=oldest)

    def due_on(self, child, today, figures):
        return working_days_after(timezone.localdate(child.since), figures["working_days"])


class PlanMissing(Rule):
    code = "PLAN-MISSING"
    owner = Owner.WORKER

    def population(self, today):
        return Child.objects.open().filter(category__in=PLAN_FOR)

    def breaches(self, today, figures):
        plan_kind = Case(
            *(When(category=category, then=Value(kind)) for category, kind in PLAN_FOR.items()),
            output_field=CharField(),
        )
        signed_off = AssessmentVersion.objects.filter(
            assessment__child=OuterRef("pk"), assessment__kind=OuterRef("plan_kind"), status=Status.SIGNED_OFF
        )
        return (
            self.population(today)
            .filter(opened_on__lt=working_days_cutoff(today, figures["working_days"]))
            .annotate(plan_kind=plan_kind)
            .filter(~Exists(signed_off))
        )

    def due_on(self, child, today, figures):
        return working_days_after(child.opened_on, figures["working_days"])


class ReportCountersigned(Rule):
    """A report to a child protection conference or looked-after review countersigned (signed off) by a manager
    at least N working days before its meeting (W 4: reports "owned and dated" by the team manager).

    The last day it may be countersigned is N working days before the meeting; it is flagged the working day
    after, and stays flagged until a manager signs it off (or its author files it, where the configuration asks
    no sign-off of reports). A child with several reports is due by the earliest one's day.
    """

    code = "REPORT-COUNTERSIGN"
    owner = Owner.TEAM_MANAGER  # only a manager can countersign

    @staticmethod
    def reports():
        return Assessment.objects.filter(
            child=OuterRef("pk"), kind__in=Assessment.MEETING_KINDS, meeting_date__isnull=False
        )

    def population(self, today):
        return Child.objects.open().filter(Exists(self.reports()))

    def breaches(self, today, figures):
        days = figures["working_days"]
        # The first meeting whose last day to countersign is today or later: a meeting before it is past its day.
        cut = cutoff(today, lambda meeting: working_days_after(meeting, -days), working_days_after(today, days))
        done = AssessmentVersion.objects.filter(assessment=OuterRef("pk"), status__in=[Status.SIGNED_OFF, Status.FILED])
        late = self.reports().filter(meeting_date__lt=cut).filter(~Exists(done))
        return Child.objects.open().filter(Exists(late)).annotate(
            meeting=earliest(late, "meeting_date")
        )

    def due_on(self, child, today, figures):
        return working_days_after(child.meeting, -figures["working_days"])
