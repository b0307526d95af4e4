"""OVERSIGHT, UNALLOCATED, ASSESSMENT-DUE, CHILD-VIEWS, CONTRACT-REVIEW: the second wave (SPEC 4a)."""
from datetime import datetime, time

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, FilteredRelation, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from cases.models import Allocation, Assessment, AssessmentVersion, CaseNote, Child, ManagementDecision
from supervision.models import CaseDiscussion, SupervisionContract

from ..models import Owner, SubjectKind
from .base import Rule, cutoff, latest, working_days_after, working_days_cutoff
from .supervision import supervised_staff


def _months_cutoff(today, months):
    return cutoff(today, lambda start: start + months, today - months)


def _midnight(day):
    """The start of `day` in local time: a moment before it is on an earlier local day."""
    return timezone.make_aware(datetime.combine(day, time.min))


class ManagementOversight(Rule):
    """A management decision or a filed case discussion on the record: first within N working days of the
    current allocation's start (the case opening with no allocation row), then at least every M months.

    A filed case discussion counts on its session's date, the date its decision is recorded under.
    """

    code = "OVERSIGHT"
    owner = Owner.TEAM_MANAGER  # a manager's scrutiny (K 6): only a manager can put it right

    def population(self, today):
        return Child.objects.open()

    @staticmethod
    def decisions(today):
        return ManagementDecision.objects.filter(child=OuterRef("pk"), decided_on__lte=today)

    @staticmethod
    def discussions(today):
        return CaseDiscussion.objects.filter(child=OuterRef("pk"), filed_at__isnull=False, session__date__lte=today)

    def oversight(self, today, since=None):
        """Any oversight (on or after `since`, a date or an expression): a probe each, stopping at the first."""
        decisions, discussions = self.decisions(today), self.discussions(today)
        if since is not None:
            decisions = decisions.filter(decided_on__gte=since)
            discussions = discussions.filter(session__date__gte=since)
        return Exists(decisions) | Exists(discussions)

    def breaches(self, today, figures):
        months_cut = _months_cutoff(today, relativedelta(months=figures["months"]))
        first_cut = working_days_cutoff(today, figures["first_working_days"])
        return (
            self.population(today)
            # Joined once (one open allocation per child), not a subquery repeated in each clause that reads it.
            .alias(current=FilteredRelation("allocations", condition=Q(allocations__ended_on__isnull=True)))
            .annotate(allocated_on=Coalesce("current__started_on", "opened_on"))
            .filter(
                # None since the cut-off, once there has been one; none since the allocation, once it is due.
                self.oversight(today) & ~self.oversight(today, months_cut)
                | Q(allocated_on__lt=first_cut) & ~self.oversight(today, OuterRef("allocated_on"))
            )
            # Two columns, the later taken in Python: each probe read once, for the rows in breach only.
            .annotate(
                last_decision=latest(self.decisions(today), "decided_on"),
                last_discussion=latest(self.discussions(today), "session__date"),
            )
        )

    def due_on(self, child, today, figures):
        last = max(filter(None, (child.last_decision, child.last_discussion)), default=None)
        due = [last + relativedelta(months=figures["months"])] if last else []
        if last is None or last < child.allocated_on:
            due.append(working_days_after(child.allocated_on, figures["first_working_days"]))
        return min(day for day in due if day < today)


class Unallocated(Rule):
    """No allocated worker since the later of the case opening and the end of the last allocation that had a
    worker: a change of team with no worker does not restart the clock."""

    code = "UNALLOCATED"
    owner = Owner.TEAM_MANAGER  # allocation is the manager's (K 2)

    def population(self, today):
        return Child.objects.open()

    def breaches(self, today, figures):
        ended = Allocation.objects.filter(
            child=OuterRef("pk"), worker__isnull=False, ended_on__isnull=False, ended_on__lte=today
        )
        cut = working_days_cutoff(today, figures["working_days"])
        return (
            self.population(today)
            .filter(worker__isnull=True, opened_on__lt=cut)
            .annotate(last_ended=latest(ended, "ended_on"))
            .filter(Q(last_ended__isnull=True) | Q(last_ended__lt=cut))
        )

    def due_on(self, child, today, figures):
        since = max(filter(None, (child.opened_on, child.last_ended)))
        return working_days_after(since, figures["working_days"])


class AssessmentDue(Rule):
    """A signed-off assessment (not a plan) within N working days of the case opening, then again within the
    review interval of the latest one, whenever that was signed off."""

    code = "ASSESSMENT-DUE"
    KINDS = Assessment.ASSESSMENT_KINDS

    def population(self, today):
        return Child.objects.open()

    def breaches(self, today, figures):
        signed_off = AssessmentVersion.objects.filter(
            assessment__child=OuterRef("pk"),
            assessment__kind__in=self.KINDS,
            status=AssessmentVersion.Status.SIGNED_OFF,
            decided_at__lt=_midnight(today + relativedelta(days=1)),
        )
        months_cut = _months_cutoff(today, relativedelta(months=figures["review_months"]))
        recent = signed_off.filter(decided_at__gte=_midnight(months_cut))
        first_cut = working_days_cutoff(today, figures["working_days"])
        return (
            self.population(today)
            .filter(~Exists(recent), Exists(signed_off) | Q(opened_on__lt=first_cut))
            .annotate(last_assessed=latest(signed_off, "decided_at"))
        )

    def due_on(self, child, today, figures):
        if child.last_assessed is None:
            return working_days_after(child.opened_on, figures["working_days"])
        return timezone.localdate(child.last_assessed) + relativedelta(months=figures["review_months"])


class ChildViews(Rule):
    """The child's views recorded (a note or visit with the views recorded and what the child said, not only
    spaces: SPEC 4b) at least every N months; a case is first due N months after opening."""

    code = "CHILD-VIEWS"

    def population(self, today):
        return Child.objects.open()

    def breaches(self, today, figures):
        views = (
            CaseNote.objects.filter(child=OuterRef("pk"), views_recorded=True, occurred_on__lte=today)
            .exclude(child_said__regex=r"^\s*$")
        )
        months = relativedelta(months=figures["months"])
        return (
            self.population(today)
            .annotate(since=Coalesce(latest(views, "occurred_on"), "opened_on"))
            .filter(since__lt=_months_cutoff(today, months))
        )

    def due_on(self, child, today, figures):
        return child.since + relativedelta(months=figures["months"])


class ContractReview(Rule):
    """The latest contract past its review date, or agreed more than N months ago, whichever comes first.

    Staff with no contract at all are SUP-CONTRACT's, not this rule's.
    """

    code = "CONTRACT-REVIEW"
    subject = SubjectKind.STAFF

    @staticmethod
    def contracts():
        return SupervisionContract.objects.filter(staff=OuterRef("pk")).order_by("-agreed_on", "-pk")

    def population(self, today):
        return supervised_staff().filter(Exists(self.contracts()))

    def breaches(self, today, figures):
        current = self.contracts()
        months_cut = _months_cutoff(today, relativedelta(months=figures["months"]))
        return (
            supervised_staff()
            .annotate(
                review_on=Subquery(current.values("review_on")[:1]),
                agreed_on=Subquery(current.values("agreed_on")[:1]),
            )
            # No contract is NULL here, neither before today nor before the cut-off: not this rule's.
            .filter(Q(review_on__lt=today) | Q(agreed_on__lt=months_cut))
        )

    def due_on(self, member, today, figures):
        return min(member.review_on, member.agreed_on + relativedelta(months=figures["months"]))
