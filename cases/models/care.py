"""A looked-after child's episodes of care as the SSDA903 return records them (legal status, placement)."""
from django.db import models
from simple_history.models import HistoricalRecords


class CareEpisode(models.Model):
    """One SSDA903 episode: a period with one legal status and one placement. Codes are DfE's."""

    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="care_episodes")
    started_on = models.DateField("episode began")
    ended_on = models.DateField("episode ended", null=True, blank=True)
    reason_new = models.CharField("reason for new episode", max_length=2, blank=True)
    legal_status = models.CharField(max_length=2, blank=True)
    category_of_need = models.CharField(max_length=2, blank=True)
    placement_type = models.CharField(max_length=3, blank=True)
    provider = models.CharField("placement provider", max_length=3, blank=True)
    reason_ended = models.CharField("reason episode ceased", max_length=3, blank=True)
    reason_place_change = models.CharField("reason for placement change", max_length=6, blank=True)
    home_postcode = models.CharField(max_length=20, blank=True)
    placement_postcode = models.CharField(max_length=20, blank=True)
    urn = models.CharField("URN of placement", max_length=20, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["child", "started_on"]
        constraints = [
            models.UniqueConstraint(fields=["child", "started_on"], name="care_episode_one_per_start"),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=models.F("started_on")),
                name="care_episode_ends_after_start",
            ),
        ]

    def __str__(self):
        # Identifiers and dates only: this string can reach logs.
        return f"{self.child_id} care from {self.started_on}"
