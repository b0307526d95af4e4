"""The audit programme: how many files each manager audits a month, and which files to leave alone."""
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords


class AuditProgramme(models.Model):
    """One row for the authority; W 4 says "regularly audited" but names no figure, so both are local."""

    monthly_audits_per_manager = models.PositiveSmallIntegerField(
        "audits a month per manager",
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text="Local figure: W 3 and W 4 ask for regular audits but set no number.",
    )
    exclusion_months = models.PositiveSmallIntegerField(
        "leave out files audited in the last",
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text="Months. Local figure: keeps the sample from re-auditing the same files.",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="one_audit_programme")]

    def __str__(self):
        return "Audit programme"

    @classmethod
    def current(cls):
        """The configured programme, or the defaults if nobody has changed them yet."""
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    def expected(self, months):
        return self.monthly_audits_per_manager * months

    def excluded_since(self, today):
        """Files audited on or after this date are left out of the sample."""
        return today - relativedelta(months=self.exclusion_months)
