"""Reviews of a team manager's practice against the W Appendix 1 themes."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from organisation.scoping import personal_file_filter

from .. import themes
from .file_audits import AuditStatus


class Judgement(models.TextChoices):
    ACCEPTABLE = "acceptable", "Acceptable"
    UNACCEPTABLE = "unacceptable", "Unacceptable"


class ReviewQuerySet(models.QuerySet):
    def visible_to(self, user):
        # The manager and their line-management chain, as for a personal supervision file.
        return self.filter(personal_file_filter(user, prefix="manager__"))


class ManagerPracticeReview(models.Model):
    manager = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="practice_reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_on = models.DateField("date of review")
    status = models.CharField(max_length=20, choices=AuditStatus.choices, default=AuditStatus.DRAFT)
    agreed_actions = models.TextField(blank=True, help_text="What the manager will do, by when, and how you will know.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReviewQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reviewed_on", "-pk"]
        verbose_name = "manager practice review"

    def __str__(self):
        return f"Practice review {self.pk} of {self.manager}"

    def get_absolute_url(self):
        return reverse("audits:review", args=[self.pk])

    @property
    def is_completed(self):
        return self.status == AuditStatus.COMPLETED

    def can_edit(self, user):
        return not self.is_completed and self.reviewer_id == user.pk

    def unacceptable_themes(self):
        """Themes judged unacceptable, in appendix order (reads prefetched answers)."""
        codes = {a.theme for a in self.answers.all() if a.judgement == Judgement.UNACCEPTABLE}
        return [theme for theme in themes.THEMES if theme.code in codes]


class ReviewAnswer(models.Model):
    review = models.ForeignKey(ManagerPracticeReview, on_delete=models.CASCADE, related_name="answers")
    theme = models.CharField(max_length=30, choices=themes.CHOICES)
    judgement = models.CharField(max_length=20, choices=Judgement.choices, blank=True)
    evidence = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["review", "theme"], name="one_answer_per_theme")]

    def __str__(self):
        return f"{self.review} {self.theme}"
