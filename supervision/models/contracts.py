"""The supervision contract between a staff member and their supervisor (W 5, W 5.2)."""
from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from organisation.scoping import personal_file_filter


class ContractQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(personal_file_filter(user, prefix="staff__"))


class SupervisionContract(models.Model):
    class Frequency(models.TextChoices):
        FORTNIGHTLY = "fortnightly", "Every 2 weeks"
        MONTHLY = "monthly", "Monthly"

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervision_contracts"
    )
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agreed_on = models.DateField("date agreed")
    frequency = models.CharField("agreed frequency", max_length=20, choices=Frequency.choices)
    review_on = models.DateField("review date")
    arrangements = models.TextField(
        blank=True, help_text="Where and how long, how both will prepare, recording and confidentiality."
    )
    supervisor_signed_on = models.DateField(null=True, blank=True)
    staff_signed_on = models.DateField("signed by the staff member on", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ContractQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-agreed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(review_on__gt=models.F("agreed_on")), name="contract_review_after_agreed"
            )
        ]

    def __str__(self):
        return f"Supervision contract {self.staff_id} {self.agreed_on}"

    @classmethod
    def frequency_for(cls, standard):
        """The contract frequency matching a SUP-FREQ frequency: one counted in days is the fortnightly one."""
        return cls.Frequency.FORTNIGHTLY if standard.interval.days else cls.Frequency.MONTHLY

    @property
    def is_signed(self):
        """Signed by both (W 5.2)."""
        return self.supervisor_signed_on is not None and self.staff_signed_on is not None

    def is_review_due(self, today):
        return today >= self.review_on
