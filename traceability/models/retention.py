"""How long records are kept (Data Protection Act, W 4), legal holds, and what was disposed of."""
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .immutable import ImmutableModel


class RetentionCategory(models.TextChoices):
    # The first five are the child's category of involvement (cases.Category codes).
    LOOKED_AFTER = "CLA", "Child Looked After"
    CARE_LEAVER = "CL", "Care Leaver"
    CHILD_PROTECTION = "CP", "Child Protection"
    CHILD_IN_NEED = "CIN", "Child in Need"
    EARLY_HELP = "EH", "Early Help / Family First"
    ADOPTION = "ADOPT", "Adoption"


class Basis(models.TextChoices):
    FROM_BIRTH = "birth", "years from the date of birth"
    FROM_CLOSURE = "closure", "years after the case closed"


class RetentionRule(models.Model):
    """How long a closed case of one category is kept; defaults and sources from data migration 0003."""

    category = models.CharField(max_length=5, choices=RetentionCategory.choices, unique=True)
    years = models.PositiveSmallIntegerField()
    basis = models.CharField(max_length=10, choices=Basis.choices)
    source = models.TextField(help_text="The regulation or local policy the period comes from.")
    local = models.BooleanField(default=False, help_text="Set by local policy: the council should confirm it.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["category"]

    def __str__(self):
        return f"{self.category}: {self.years} {self.get_basis_display()}"

    def due_on(self, child):
        """The first day the child's closed record may be disposed of under this rule."""
        start = child.date_of_birth if self.basis == Basis.FROM_BIRTH else child.closed_on
        return start + relativedelta(years=self.years)

    def due_filter(self, today):
        """Closed children of this category whose period ended on or before `today`."""
        cutoff = today - relativedelta(years=self.years)
        start = "date_of_birth" if self.basis == Basis.FROM_BIRTH else "closed_on"
        return models.Q(category=self.category, closed_on__isnull=False, **{f"{start}__lte": cutoff})


class LegalHoldQuerySet(models.QuerySet):
    def active(self):
        return self.filter(lifted_at__isnull=True)


class LegalHold(models.Model):
    """A hold (litigation, inquiry, subject access request) that stops disposal until it is lifted."""

    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=200, help_text="A reference, e.g. the legal case or request number.")
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(default=timezone.now)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = LegalHoldQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-placed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(lifted_at__isnull=True), name="one_active_hold_per_child"
            )
        ]

    def __str__(self):
        return f"hold on {self.child_id} from {self.placed_at:%Y-%m-%d}"


class DisposalRecord(ImmutableModel):
    """One child's record removed under a retention rule: who, when, which rule, identifiers and counts only."""

    disposed_at = models.DateTimeField(default=timezone.now)
    # Empty when the scheduled job disposed of it.
    disposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    child_pk = models.BigIntegerField()
    local_id = models.CharField("local identifier", max_length=20)
    category = models.CharField(max_length=5, choices=RetentionCategory.choices)
    rule = models.CharField(max_length=200, help_text="The rule as it stood: period, basis and source.")
    due_on = models.DateField()
    removed = models.JSONField(help_text="Model label -> number of rows removed.")

    class Meta:
        ordering = ["-disposed_at"]

    def __str__(self):
        return f"{self.local_id} disposed {self.disposed_at:%Y-%m-%d}"
