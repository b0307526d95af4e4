"""The restricted support record (K 4, W 5.2): concerns about practice below good, the support offered and the
HR steps taken. In the personal file, never on a child's record; only the person, their line of management and
HR-designated staff see it (organisation/scoping.py `support_record_filter`)."""
from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from organisation.scoping import support_record_filter


class SupportRecordQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(support_record_filter(user))


class SupportRecord(models.Model):
    class HrStage(models.TextChoices):
        NONE = "none", "No HR procedure: support only"
        INFORMAL = "informal", "Informal stage of the capability procedure"
        FORMAL = "formal", "Formal stage of the capability procedure"
        CLOSED = "closed", "Concern resolved: support ended"

    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="support_records")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_on = models.DateField("date")
    concern = models.TextField("concerns about practice")
    underlying_issues = models.TextField("underlying issues identified", blank=True)
    support_offered = models.TextField("support offered")
    hr_stage = models.CharField("HR procedure", max_length=20, choices=HrStage.choices, default=HrStage.NONE)
    hr_steps = models.TextField("HR steps taken", blank=True)
    review_on = models.DateField("review by", null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = SupportRecordQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-recorded_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(staff=models.F("recorded_by")), name="nobody_records_their_own_support"
            )
        ]

    def __str__(self):
        # An identifier only: this string can reach logs.
        return f"Support record {self.pk}"
