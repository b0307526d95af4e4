"""Observations of practice and annual appraisals (K 6, W 3, W 5.2): part of the personal file."""
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from organisation import standards
from organisation.scoping import personal_file_filter


class ObservationQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(personal_file_filter(user, prefix="practitioner__"))

    def drawn_on_by(self, day):
        """The observation an appraisal held on `day` draws on: the latest on or before it, if it still counts."""
        latest = self.filter(observed_on__lte=day).order_by("-observed_on", "-pk").first()
        return latest if latest is not None and latest.counts_on(day) else None


class Observation(models.Model):
    class Setting(models.TextChoices):
        HOME_VISIT = "home_visit", "Home visit"
        SCHOOL_VISIT = "school_visit", "Visit at school or nursery"
        MEETING = "meeting", "Meeting with the family"
        CONFERENCE = "conference", "Conference, review or core group"
        DIRECT_WORK = "direct_work", "Direct work with a child"
        OTHER = "other", "Other"

    practitioner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="observations")
    observer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    observed_on = models.DateField("date observed")
    setting = models.CharField(max_length=20, choices=Setting.choices)
    feedback = models.TextField("constructive feedback")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ObservationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-observed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(practitioner=models.F("observer")), name="nobody_observes_themselves"
            )
        ]

    def __str__(self):
        return f"Observation {self.practitioner_id} {self.observed_on}"

    @staticmethod
    def window_start(today):
        """The earliest date an observation still counts on `today` (OBSERVATION: within 12 months)."""
        return today - relativedelta(months=standards.figure("OBSERVATION", "months"))

    def is_current(self, today):
        return self.observed_on >= self.window_start(today)

    def counts_on(self, day):
        # Months added to the observation, clamped at month ends, as the OBSERVATION rule reckons it.
        lasts_until = self.observed_on + relativedelta(months=standards.figure("OBSERVATION", "months"))
        return self.observed_on <= day <= lasts_until


class AppraisalQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(personal_file_filter(user, prefix="staff__"))


class Appraisal(models.Model):
    """The annual performance appraisal (W 5.2), drawing on an observation of practice."""

    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="appraisals")
    appraiser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField("date of appraisal")
    achievements = models.TextField("achievements over the last 12 months")
    goals = models.TextField("goals for the coming year")
    development_needs = models.TextField("learning and development needs")
    lived_experience_feedback = models.TextField(
        "feedback from people with lived experience", blank=True,
        help_text="What children, young people, parents and carers said of their work (LGA employer standards).",
    )
    observation = models.ForeignKey(
        Observation, null=True, blank=True, on_delete=models.SET_NULL, related_name="appraisals",
        help_text="The latest observation of practice when the appraisal was recorded.",
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = AppraisalQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"Appraisal {self.staff_id} {self.held_on}"

    @staticmethod
    def window_start(today):
        """The earliest date an appraisal still counts on `today` (APPRAISAL: within 12 months)."""
        return today - relativedelta(months=standards.figure("APPRAISAL", "months"))

    def is_current(self, today):
        return self.held_on >= self.window_start(today)
