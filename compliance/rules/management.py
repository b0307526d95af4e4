"""AUDIT-ACTIONS, ACTIONS, CASELOAD, MGR-ATTEND, TEAM-MEETING: follow-up and the manager's duties (K 2, K 6, W 4-6)."""
import operator
from datetime import timedelta
from functools import reduce

from dateutil.relativedelta import relativedelta
from django.db.models import DateField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from audits.models import CorrectiveAction
from cases.models import Allocation, Child, ManagerMeeting
from organisation import standards
from organisation.actions import action_models
from organisation.models import StaffMember, Team
from supervision.models import TeamMeeting

from ..models import Owner, SubjectKind
from .base import Rule, latest


class AuditActions(Rule):
    code = "AUDIT-ACTIONS"
    owner = Owner.AUDITOR

    def population(self, today):
        return Child.objects.open().filter(Exists(CorrectiveAction.objects.filter(audit__child=OuterRef("pk"))))

    def breaches(self, today, figures):
        overdue = CorrectiveAction.objects.overdue(today).filter(audit__child=OuterRef("pk"))
        earliest = Subquery(overdue.order_by("due_on").values("due_on")[:1])
        # An overdue action implies one: a semi-join on it is the whole test; `since` only for new flags.
        return Child.objects.open().filter(Exists(overdue)).annotate(since=earliest)

    def due_on(self, child, today, figures):
        return child.since


class Actions(Rule):
    """An action agreed in supervision (the session itself or a case discussion) or a team meeting, past its date
    and not marked done.

    Flagged on the action's owner, who puts it right (escalating to their manager); a current member of staff
    only, and a case discussion's action only while the child's case is open (`IN_FORCE`). An audit's
    corrective actions stay AUDIT-ACTIONS' (on the child, owned by the auditor who verifies them): one flag
    per action, not two.
    """

    code = "ACTIONS"
    subject = SubjectKind.STAFF
    owner = Owner.WORKER  # the action's owner: the subject themselves

    def actions(self):
        """Each kind of action this standard covers (organisation/actions.py), correlated on its owner."""
        return [model.objects.filter(model.IN_FORCE, owner=OuterRef("pk")) for model in action_models(self.code)]

    @staticmethod
    def any_of(querysets):
        """One probe per kind of action, stopping at the first."""
        return reduce(operator.or_, (Exists(queryset) for queryset in querysets))

    def population(self, today):
        return StaffMember.objects.filter(is_active=True).filter(self.any_of(self.actions()))

    def breaches(self, today, figures):
        overdue = [actions.overdue(today) for actions in self.actions()]
        # The earliest date of each kind, for new flags only.
        earliest = {f"since_{n}": Subquery(actions.order_by("due_on").values("due_on")[:1])
                    for n, actions in enumerate(overdue)}
        return StaffMember.objects.filter(is_active=True).filter(self.any_of(overdue)).annotate(**earliest)

    def due_on(self, member, today, figures):
        return min(day for name, day in vars(member).items() if name.startswith("since_") and day is not None)


class Caseload(Rule):
    """A weighted caseload above capacity: each open case at its category's weight, against cases per FTE (a
    percentage of that while newly qualified), as `StaffMember.objects.with_caseload()` computes both for every
    page that shows them; equal to capacity is within it."""

    code = "CASELOAD"
    subject = SubjectKind.STAFF
    owner = Owner.LINE_MANAGER

    def population(self, today):
        return StaffMember.objects.practitioners().filter(is_active=True)

    def breaches(self, today, figures):
        allocations = Allocation.objects.filter(worker=OuterRef("pk"), ended_on__isnull=True)
        return (
            self.population(today).with_caseload(today, figures).over_capacity()
            .annotate(since=Coalesce(latest(allocations, "started_on"), Value(today), output_field=DateField()))
        )

    def due_on(self, member, today, figures):
        return member.since


class ManagerAttendance(Rule):
    """An initial CP conference or PLO hearing the manager named did not attend (from its day), or whose day has
    passed with no attendance confirmed by them (from the next day). A missed one cannot be mended afterwards:
    it is reported over the last N months. Reviews are REVIEW-MINUTES', not this rule's."""

    code = "MGR-ATTEND"
    owner = Owner.TEAM_MANAGER

    @staticmethod
    def meetings(today, figures):
        since = today - relativedelta(months=figures["months"])
        return ManagerMeeting.objects.needing_attendance().filter(
            child=OuterRef("pk"), held_on__lte=today, held_on__gt=since
        )

    def population(self, today):
        return Child.objects.open().filter(Exists(self.meetings(today, standards.figures(self.code))))

    def breaches(self, today, figures):
        missed = self.meetings(today, figures).filter(
            Q(attendance_confirmed_at__isnull=False) | Q(held_on__lt=today), manager_attended=False
        )
        earliest = Subquery(missed.order_by("held_on").values("held_on")[:1])
        # A missed meeting implies a meeting: a semi-join on it is the whole test; `since` only for new flags.
        return Child.objects.open().filter(Exists(missed)).annotate(since=earliest)

    def due_on(self, child, today, figures):
        return child.since


class TeamMeetings(Rule):
    code = "TEAM-MEETING"
    subject = SubjectKind.TEAM
    owner = Owner.TEAM_MANAGER

    def population(self, today):
        return Team.objects.all()

    def breaches(self, today, figures):
        minuted = TeamMeeting.objects.minuted().filter(team=OuterRef("pk"), held_on__lte=today)
        return (
            self.population(today)
            .annotate(last_meeting=latest(minuted, "held_on"))
            .filter(Q(last_meeting__isnull=True) | Q(last_meeting__lt=today - timedelta(weeks=figures["weeks"])))
        )

    def due_on(self, team, today, figures):
        if team.last_meeting is None:
            return today
        return team.last_meeting + timedelta(weeks=figures["weeks"])
