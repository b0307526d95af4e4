"""REVIEW-MINUTES, AUDIT-TARGET, FGDM-OFFER: the second wave's reviews, audits and family meetings (SPEC 4a)."""
from datetime import timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from audits.models import AuditProgramme, CaseFileAudit
from cases.models import Child, Document, ManagerMeeting, PreProceedings
from organisation.models import StaffMember

from ..models import Owner, SubjectKind
from .base import Rule, earliest, working_days_after, working_days_cutoff

BLANK = r"^\s*$"  # spaces are not a reason (SPEC 4b)


class ReviewMinutes(Rule):
    """A CP conference (initial or review) or a looked-after child's review with no minutes on the record N
    working days after it met: minutes are a document of kind "review minutes" dated on or after the meeting.

    The allocated worker owns it (the default): they chase the IRO or CP chair and put the minutes on file.
    """

    code = "REVIEW-MINUTES"

    @staticmethod
    def meetings(today):
        return ManagerMeeting.objects.needing_minutes().filter(child=OuterRef("pk"), held_on__lte=today)

    @staticmethod
    def minutes(today):
        return Document.objects.filter(
            child=OuterRef("child"), kind=Document.Kind.REVIEW_MINUTES, dated__gte=OuterRef("held_on"),
            dated__lte=today,
        )

    def population(self, today):
        return Child.objects.open().filter(Exists(self.meetings(today)))

    def breaches(self, today, figures):
        cut = working_days_cutoff(today, figures["working_days"])
        late = self.meetings(today).filter(held_on__lt=cut).filter(~Exists(self.minutes(today)))
        # A late meeting implies a meeting: a semi-join on it is the whole test; `since` only for new flags.
        return Child.objects.open().filter(Exists(late)).annotate(since=earliest(late, "held_on"))

    def due_on(self, child, today, figures):
        return working_days_after(child.since, figures["working_days"])


class AuditTarget(Rule):
    """A team manager completed fewer case file audits (by the audit's date) in the calendar month just ended
    than the audit programme asks of each manager: one figure, the one the monthly sample draws (2 by default).
    A manager who started in post after that month began is not yet counted."""

    code = "AUDIT-TARGET"
    subject = SubjectKind.STAFF
    owner = Owner.WORKER  # the subject themselves: only the team manager can audit their own target

    @staticmethod
    def month_before(today):
        """The first and last days of the calendar month before `today`'s."""
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last

    def population(self, today):
        first, _ = self.month_before(today)
        return StaffMember.objects.team_managers().filter(
            Q(started_in_post__isnull=True) | Q(started_in_post__lte=first), is_active=True,
        )

    def breaches(self, today, figures):
        first, last = self.month_before(today)
        completed = (
            CaseFileAudit.objects.audits().completed().filter(auditor=OuterRef("pk"), audited_on__range=(first, last))
            .values("auditor").annotate(n=Count("pk")).values("n")
        )
        return (
            self.population(today)
            .annotate(audits_last_month=Coalesce(Subquery(completed), 0), audit_target=self.target())
            .filter(audits_last_month__lt=F("audit_target"))
        )

    @staticmethod
    def target():
        """The programme's figure as SQL, its default while nobody has set it: read in the rule's own query."""
        default = AuditProgramme._meta.get_field("monthly_audits_per_manager").default
        configured = AuditProgramme.objects.filter(pk=1).values("monthly_audits_per_manager")
        return Coalesce(Subquery(configured), Value(default))

    def due_on(self, member, today, figures):
        return self.month_before(today)[1]


class FamilyGroupDecisionMaking(Rule):
    """Pre-proceedings began with no family group decision-making meeting offered and no reason recorded
    (Children's Wellbeing and Schools Act 2026 s 1): due by the day pre-proceedings began."""

    code = "FGDM-OFFER"

    @staticmethod
    def pre_proceedings(today):
        return PreProceedings.objects.filter(child=OuterRef("pk"), started_on__lte=today)

    def population(self, today):
        return Child.objects.open().filter(Exists(self.pre_proceedings(today)))

    def breaches(self, today, figures):
        unanswered = (
            self.pre_proceedings(today)
            .filter(Q(fgdm_offered_on__isnull=True) | Q(fgdm_offered_on__gt=today), started_on__lt=today)
            .filter(fgdm_not_offered_reason__regex=BLANK)
        )
        return Child.objects.open().filter(Exists(unanswered)).annotate(since=earliest(unanswered, "started_on"))

    def due_on(self, child, today, figures):
        return child.since
