"""Case file audits against the W 4 checklist, and their corrective actions (W 4, W Appendix 1)."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cases.models import Grade
from organisation import writes
from organisation.actions import ActionQuerySet, AgreedAction
from organisation.scoping import child_filter

from .. import checklist


class AuditStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    COMPLETED = "completed", "Completed"


class AuditKind(models.TextChoices):
    AUDIT = "audit", "Case file audit"
    SELF_CHECK = "self_check", "Self-check"


class Answer(models.TextChoices):
    MET = "met", "Met"
    NOT_MET = "not_met", "Not met"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class CaseFileAuditQuerySet(models.QuerySet):
    def visible_to(self, user):
        """An audit is seen by whoever may see the child's record."""
        return self.filter(child_filter(user, prefix="child__"))

    def completed(self):
        return self.filter(status=AuditStatus.COMPLETED)

    def audits(self):
        """Managers' and reviewing officers' audits: what the programme, AUDIT-TARGET and findings count."""
        return self.filter(kind=AuditKind.AUDIT)

    def self_checks(self):
        return self.filter(kind=AuditKind.SELF_CHECK)

    def reviewing_officer_not_told(self):
        """Completed, a late or missing plan or review minutes found, and nobody recorded telling the IRO or CP
        chair (W 4)."""
        codes = [item.code for item in checklist.ITEMS if item.tells_reviewing_officer]
        found = AuditAnswer.objects.filter(item__in=codes, answer=Answer.NOT_MET).values("audit")
        return self.completed().filter(reviewing_officer_told__isnull=True, pk__in=found)

    def since(self, day):
        return self.filter(audited_on__gte=day)

    def not_meeting(self, item_code):
        # A subquery, not a join: a join would also narrow counts annotated over the answers.
        return self.filter(pk__in=AuditAnswer.objects.filter(item=item_code, answer=Answer.NOT_MET).values("audit"))

    def with_overdue_actions(self, today):
        return self.filter(pk__in=CorrectiveAction.objects.overdue(today).values("audit"))


class CaseFileAudit(models.Model):
    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="file_audits")
    # The child's team and worker when audited: findings count by team, the worker responds.
    team = models.ForeignKey("organisation.Team", on_delete=models.PROTECT, related_name="audits")
    practitioner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="audits_of_my_work"
    )
    auditor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="file_audits")
    # W 4: social workers check their own files too; a self-check is never counted as a manager's audit.
    kind = models.CharField(max_length=20, choices=AuditKind.choices, default=AuditKind.AUDIT,
                            db_default=AuditKind.AUDIT)
    audited_on = models.DateField("date of audit")
    status = models.CharField(max_length=20, choices=AuditStatus.choices, default=AuditStatus.DRAFT)
    grade = models.CharField("overall grade", max_length=30, choices=Grade.choices, blank=True)
    strengths = models.TextField(blank=True)
    areas_for_improvement = models.TextField(blank=True)
    practitioner_response = models.TextField("practitioner's response", blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    # W 4: late or missing planning and review documents are raised with the IRO or CP chair.
    reviewing_officer_told = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="IRO or CP chair told",
    )
    reviewing_officer_told_on = models.DateField("date told", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseFileAuditQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-audited_on", "-pk"]
        verbose_name = "case file audit"
        indexes = [
            models.Index(fields=["team", "status", "audited_on"]),
            models.Index(fields=["child", "-audited_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(kind="self_check") | ~models.Q(grade=""),
                name="completed_audit_has_grade",
            ),
            models.CheckConstraint(
                condition=models.Q(reviewing_officer_told__isnull=True, reviewing_officer_told_on__isnull=True)
                | models.Q(reviewing_officer_told__isnull=False, reviewing_officer_told_on__isnull=False),
                name="reviewing_officer_told_whom_and_when",
            ),
        ]

    def __str__(self):
        return f"Audit {self.pk} of {self.child}"

    def get_absolute_url(self):
        return reverse("audits:detail", args=[self.pk])

    def clean(self):
        if self.status == AuditStatus.COMPLETED and not self.grade and not self.is_self_check:
            raise ValidationError({"grade": "Choose an overall grade to complete the audit."})

    @property
    def is_completed(self):
        return self.status == AuditStatus.COMPLETED

    @property
    def is_self_check(self):
        return self.kind == AuditKind.SELF_CHECK

    def can_edit(self, user):
        return not self.is_completed and self.auditor_id == user.pk

    def can_respond(self, user):
        # A self-check is the practitioner's own: there is no one else's finding to respond to.
        return self.is_completed and not self.is_self_check and self.practitioner_id == user.pk

    def not_met_items(self):
        """The checklist items answered "not met", in checklist order (reads prefetched answers)."""
        codes = {a.item for a in self.answers.all() if a.answer == Answer.NOT_MET}
        return [item for item in checklist.ITEMS if item.code in codes]

    def items_without_follow_up(self, answers, reasons):
        """The items answered "not met" with neither a corrective action nor a reason none is needed.

        `answers` is {item code: (answer, comment)} as entered, `reasons` {item code: reason}.
        """
        corrected = set(self.actions.values_list("item", flat=True)) if self.pk else set()
        return [
            item for item in checklist.ITEMS
            if answers.get(item.code, ("", ""))[0] == Answer.NOT_MET
            and item.code not in corrected and not reasons.get(item.code, "").strip()
        ]

    def needs_reviewing_officer_told(self):
        """Late or missing plans or review minutes found, and nobody recorded telling the IRO or CP chair."""
        return self.reviewing_officer_told_id is None and any(
            item.tells_reviewing_officer for item in self.not_met_items()
        )


class AuditAnswer(models.Model):
    """One checklist row of one audit; blank while the audit is a draft."""

    audit = models.ForeignKey(CaseFileAudit, on_delete=models.CASCADE, related_name="answers")
    item = models.CharField(max_length=40, choices=checklist.CHOICES)
    answer = models.CharField(max_length=20, choices=Answer.choices, blank=True)
    comment = models.TextField(blank=True)
    # Where an item is not met and needs no corrective action, the auditor says why (or the audit stays open).
    no_action_reason = models.TextField("reason no corrective action is needed", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["audit", "item"], name="one_answer_per_item")]
        indexes = [models.Index(fields=["item", "answer"])]

    def __str__(self):
        return f"{self.audit} {self.item}"


class CorrectiveActionQuerySet(ActionQuerySet):
    def visible_to(self, user):
        return self.filter(child_filter(user, prefix="audit__child__"))

    def of_audits(self):
        """Actions agreed in managers' audits, not in self-checks: what the audit figures count."""
        return self.filter(audit__kind=AuditKind.AUDIT)

    def awaiting_verification(self):
        return self.filter(done_on__isnull=False, verified_on__isnull=True)


class CorrectiveAction(AgreedAction):
    """An action agreed in a case file audit (organisation/actions.py), which the auditor then verifies."""

    agreed_in_label = "Case file audit"
    standard = "AUDIT-ACTIONS"
    AGREED_IN_RELATED = ("audit__child",)

    audit = models.ForeignKey(CaseFileAudit, on_delete=models.CASCADE, related_name="actions")
    item = models.CharField(
        "checklist item it corrects", max_length=40, choices=checklist.CHOICES, blank=True,
        help_text="An item not met is followed up by an action for it, or a reason none is needed.",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CorrectiveActionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta(AgreedAction.Meta):
        indexes = [*AgreedAction.Meta.indexes, models.Index(fields=["done_on", "due_on"])]
        constraints = [
            *AgreedAction.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(verified_on__isnull=True) | models.Q(done_on__isnull=False),
                name="verified_action_is_done",
            ),
            models.CheckConstraint(
                condition=models.Q(verified_by__isnull=True, verified_on__isnull=True)
                | models.Q(verified_by__isnull=False, verified_on__isnull=False),
                name="verified_by_whom_and_when",
            ),
        ]

    def __str__(self):
        return f"Corrective action {self.pk}"

    def get_absolute_url(self):
        return reverse("audits:action", args=[self.pk])

    @property
    def agreed_in(self):
        return self.audit

    @property
    def agreed_by_id(self):
        return self.audit.auditor_id

    @property
    def child(self):
        return self.audit.child

    def status(self, today):
        """(label, tag colour): a done action waits for the auditor's check."""
        if self.verified_on:
            return "Verified", "green"
        if self.done_on:
            return "Done, to verify", "blue"
        return super().status(today)

    def can_verify(self, user):
        return self.verified_on is None and self.audit.auditor_id == user.pk

    def verify(self, *, by, on, done_on=None):
        """Record the auditor's check; a done date is recorded too if the owner has not.

        Two verifications at once leave exactly one.
        """
        done_on = self.done_on or done_on
        if done_on is None:
            raise ValidationError({"done_on": "Enter the date the action was done."})
        done_by = self.done_by or by
        return writes.transition(
            self, {"verified_on": None}, by=by, done_on=done_on, done_by=done_by, verified_by=by, verified_on=on
        )
