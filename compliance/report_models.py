"""The monthly performance report (W 3), kept as generated: imported into compliance.models for migrations."""
from django.db import models
from django.urls import reverse


class MonthlyReport(models.Model):
    """One service's figures for one month, as the worker generated them on the first working day after it.

    Kept, never recomputed: the Director's performance meeting sees what was reported,
    even after records or standards change.
    """

    service = models.ForeignKey("organisation.Service", on_delete=models.CASCADE, related_name="+")
    month = models.DateField(help_text="The first day of the month reported on.")
    figures = models.JSONField(help_text="Each measure with the month before and the 12-month trend.")
    generated_at = models.DateTimeField()

    class Meta:
        ordering = ["-month", "service__name"]
        constraints = [
            # The worker's rerun (or two workers at once) cannot make a second report for the same month.
            models.UniqueConstraint(fields=["service", "month"], name="one_report_per_service_and_month"),
        ]

    def __str__(self):
        return f"Report {self.service_id} {self.month:%Y-%m}"

    def get_absolute_url(self):
        return reverse("dashboards:report", args=[self.service_id, self.month.year, self.month.month])
