"""Individual and team objectives (W 5: "performance against individual and team objectives"), reviewed in
supervision and at appraisal (W 5.2). A person's objectives are in their personal file; a team's are seen by
its members and the managers over it."""
from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from organisation.scoping import objective_filter


class ObjectiveQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(objective_filter(user))

    def open(self):
        return self.filter(achieved_on__isnull=True)

    def for_person(self, member):
        """Their own objectives and their team's, which they are reviewed against too."""
        mine = models.Q(staff=member)
        return self.filter(mine | models.Q(team_id=member.team_id) if member.team_id else mine)


class Progress(models.TextChoices):
    ON_TRACK = "on_track", "On track"
    SOME_CONCERNS = "some_concerns", "Some concerns"
    OFF_TRACK = "off_track", "Off track"
    ACHIEVED = "achieved", "Achieved"


class Objective(models.Model):
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="objectives"
    )
    team = models.ForeignKey(
        "organisation.Team", null=True, blank=True, on_delete=models.CASCADE, related_name="objectives"
    )
    title = models.CharField("objective", max_length=300)
    success = models.TextField("what achieving it looks like", blank=True)
    due_on = models.DateField("achieve by")
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_on = models.DateField()
    # Set at an appraisal as next year's goals (W 5.2).
    appraisal = models.ForeignKey(
        "supervision.Appraisal", null=True, blank=True, on_delete=models.SET_NULL, related_name="objectives_set"
    )
    achieved_on = models.DateField(null=True, blank=True)

    objects = ObjectiveQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(staff__isnull=True, team__isnull=False)
                | models.Q(staff__isnull=False, team__isnull=True),
                name="objective_for_a_person_or_a_team",
            )
        ]

    def __str__(self):
        return f"Objective {self.pk}"

    @property
    def is_team_objective(self):
        return self.team_id is not None

    def latest_review(self):
        """The last progress recorded, in supervision or at appraisal (prefetch `reviews` for a list)."""
        reviews = list(self.reviews.all())
        return reviews[0] if reviews else None


class ObjectiveReview(models.Model):
    """Progress against an objective, recorded in a supervision session or at an appraisal."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="reviews")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="objective_reviews",
        help_text="Whose progress: for a team objective, the member of the team supervised.",
    )
    session = models.ForeignKey(
        "supervision.SupervisionSession", null=True, blank=True, on_delete=models.CASCADE,
        related_name="objective_reviews",
    )
    progress = models.CharField(max_length=20, choices=Progress.choices)
    note = models.TextField("progress note")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_on = models.DateField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self):
        return f"Review of objective {self.objective_id} on {self.reviewed_on}"
