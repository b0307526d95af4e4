"""Case discussions: one per child discussed in a session, filed on the child's record (W 3, W 4)."""
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from organisation import standards, writes
from organisation.actions import AgreedAction
from organisation.scoping import child_filter, personal_file_filter
from organisation.working_days import add_working_days


class CaseDiscussionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """On the child's record once filed; before that, only in the practitioner's supervision file."""
        on_record = models.Q(filed_at__isnull=False) & child_filter(user, prefix="child__")
        return self.filter(on_record | personal_file_filter(user, prefix="session__supervisee__"))

    def on_record(self):
        return self.filter(filed_at__isnull=False)

    def filed_late(self):
        """Filed, but after the deadline (SUP-FILED)."""
        return self.on_record().filter(filed_at__date__gt=models.F("filing_due_on"))

    def not_filed_in_time(self, today):
        """Still not on the child's record after the deadline, from sessions not cancelled (SUP-FILED)."""
        return self.filter(filed_at__isnull=True, filing_due_on__lt=today).exclude(session__status="cancelled")


class CaseDiscussion(models.Model):
    REQUIRED_FOR_FILING = ("purpose", "expectations", "contingency", "discussion")

    session = models.ForeignKey(
        "supervision.SupervisionSession", on_delete=models.CASCADE, related_name="case_discussions"
    )
    # Part of the child's record: disposed of with it (SPEC retention).
    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="case_discussions")
    # The three W 3 items; prefilled from the child's current allocation.
    purpose = models.TextField("purpose of allocation", blank=True)
    expectations = models.TextField(
        "expectations of the practitioner's intervention", blank=True, help_text="Including the purpose of home visits."
    )
    contingency = models.TextField(
        "guidance if expectations cannot be met",
        blank=True,
        help_text="Including the contingency for no-access visits.",
    )
    discussion = models.TextField(blank=True)
    decision = models.TextField("management decision", blank=True)
    rationale = models.TextField("rationale for the decision", blank=True)
    # The deadline in force when the discussion was opened; kept so the rule is a plain query.
    filing_due_on = models.DateField("to be filed by")
    filed_at = models.DateTimeField("filed on the child's record", null=True, blank=True)
    management_decision = models.OneToOneField(
        "cases.ManagementDecision", null=True, blank=True, on_delete=models.SET_NULL, related_name="case_discussion"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseDiscussionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["child__last_name", "child__first_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "child"], name="one_discussion_per_child_per_session"),
            models.CheckConstraint(
                condition=models.Q(decision="") | ~models.Q(rationale=""), name="decision_has_rationale"
            ),
        ]
        indexes = [models.Index(fields=["filed_at", "filing_due_on"])]

    def __str__(self):
        return f"Case discussion {self.child} {self.session_id}"

    def get_absolute_url(self):
        return reverse("supervision:discussion", args=[self.pk])

    @staticmethod
    def filing_deadline(session_date):
        """The last working day the discussion may reach the child's record (SUP-FILED, W 4)."""
        return add_working_days(session_date, standards.figure("SUP-FILED", "working_days"))

    @property
    def is_filed(self):
        return self.filed_at is not None

    @property
    def filed_on(self):
        return timezone.localdate(self.filed_at) if self.filed_at else None

    def revise(self, **fields):
        """The supervisor changes the discussion while it is not yet on the child's record; False once it is."""
        return writes.transition(self, {"filed_at": None}, by=self.session.supervisor, **fields)

    def missing_for_filing(self):
        """Labels of the W 3 items still empty."""
        return [
            self._meta.get_field(name).verbose_name
            for name in self.REQUIRED_FOR_FILING
            if not getattr(self, name).strip()
        ]

    def is_filed_late(self):
        return self.is_filed and self.filed_on > self.filing_due_on

    def filing_status(self, today):
        """(text, tag colour) for where the discussion stands against its deadline."""
        if self.is_filed:
            return ("Filed late", "red") if self.is_filed_late() else ("Filed", "green")
        if today > self.filing_due_on:
            return "Not filed: overdue", "red"
        return "Not filed yet", "yellow"


class DiscussionAction(AgreedAction):
    """An action agreed in a case discussion (organisation/actions.py): carried to the supervisee's next session."""

    agreed_in_label = "Case discussion"
    AGREED_IN_RELATED = ("discussion__session", "discussion__child")
    IN_FORCE = models.Q(discussion__child__closed_on__isnull=True)

    discussion = models.ForeignKey(CaseDiscussion, on_delete=models.CASCADE, related_name="actions")

    history = HistoricalRecords()

    class Meta(AgreedAction.Meta):
        pass

    def __str__(self):
        return f"Action {self.pk} on {self.discussion_id}"

    @property
    def agreed_in(self):
        return self.discussion

    @property
    def agreed_by_id(self):
        return self.discussion.session.supervisor_id

    @property
    def child(self):
        return self.discussion.child
