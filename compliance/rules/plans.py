"""PLAN-UNSIGNED and PLAN-MISSING: assessments and plans signed off in time (K 4, K 5, W 4)."""
from datetime import datetime, time

from django.db.models import Case, CharField, Exists, OuterRef, Subquery, Value, When
from django.utils import timezone

from cases.models import Assessment, AssessmentVersion, Category, Child

from ..models import Owner
from .base import Rule, working_days_after, working_days_cutoff

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
        oldest = Subquery(waiting.order_by("submitted_at").values("submitted_at")[:1])
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
