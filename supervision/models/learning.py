"""A person's learning in their personal file (W 5): training with its expiry, the induction checklist of a new
starter, and continuing professional development (CPD) for Social Work England renewal.

All of it is seen by the person and their line of management (`personal_file_filter`), as the rest of the file.
"""
import datetime

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from organisation.scoping import personal_file_filter


class _PersonalFileQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(personal_file_filter(user, prefix="staff__"))


class TrainingQuerySet(_PersonalFileQuerySet):
    def current(self, today):
        """Completed by `today` and not expired: a course counts up to and including its expiry date."""
        return self.filter(completed_on__lte=today).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=today)
        )

    def supervision_skills(self):
        return self.filter(kind=TrainingRecord.Kind.SUPERVISION_SKILLS)


class TrainingRecord(models.Model):
    class Kind(models.TextChoices):
        SUPERVISION_SKILLS = "supervision_skills", "Supervision skills (required for anyone who supervises)"
        SAFEGUARDING = "safeguarding", "Safeguarding"
        PRACTICE = "practice", "Practice skills or methods"
        MANDATORY = "mandatory", "Council mandatory training"
        OTHER = "other", "Other"

    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training")
    kind = models.CharField("kind of training", max_length=20, choices=Kind.choices)
    course = models.CharField("course", max_length=200)
    completed_on = models.DateField("completed on")
    expires_on = models.DateField("expires on", null=True, blank=True)
    evidence = models.TextField("evidence", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = TrainingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True) | models.Q(expires_on__gt=models.F("completed_on")),
                name="training_expires_after_completion",
            )
        ]

    def __str__(self):
        return f"Training {self.pk}"

    def is_current(self, today):
        return self.completed_on <= today and (self.expires_on is None or today <= self.expires_on)


# The induction checklist of a new starter (W 5: "every member of staff ... an induction"), ticked by their line
# manager. Configured here: a council changes the list in code, the ticks keep their keys.
INDUCTION_ITEMS = (
    ("welcome", "Welcome meeting with the line manager, and the team introduced"),
    ("it_access", "IT, case recording system and Oversight access set up"),
    ("policies", "Safeguarding partnership procedures and the council's practice standards read"),
    ("contract", "Supervision contract agreed (W 5.2)"),
    ("first_supervision", "First supervision held"),
    ("shadowing", "Shadowed experienced colleagues on visits and in meetings"),
    ("caseload", "Caseload agreed and built up gradually (protected for the newly qualified)"),
    ("training_plan", "Mandatory training booked, and a learning and development plan agreed"),
    ("review", "Induction reviewed with the line manager"),
)
INDUCTION_LABELS = dict(INDUCTION_ITEMS)
# How long after starting in post a joiner's incomplete induction is on their manager's list.
INDUCTION_WEEKS = 12


class InductionTick(models.Model):
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="induction")
    item = models.CharField(max_length=30, choices=INDUCTION_ITEMS)
    done_on = models.DateField("done on")
    ticked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = _PersonalFileQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["done_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["staff", "item"], name="one_tick_per_induction_item")]

    def __str__(self):
        return f"Induction {self.staff_id} {self.item}"


def induction_checklist(member):
    """[(key, label, tick or None), ...] in the configured order."""
    ticks = {tick.item: tick for tick in member.induction.select_related("ticked_by")}
    return [(key, label, ticks.get(key)) for key, label in INDUCTION_ITEMS]


def induction_due_on(member):
    """The end of a joiner's induction period: their start in post plus the configured weeks."""
    return member.started_in_post + datetime.timedelta(weeks=INDUCTION_WEEKS)


def registration_year(closing_year):
    """Social Work England's registration year that closes on 30 November `closing_year`: (first day, last day)."""
    return datetime.date(closing_year - 1, 12, 1), datetime.date(closing_year, 11, 30)


def registration_year_of(day):
    """The year (named by when it closes) that `day` falls in."""
    return day.year + 1 if day.month == 12 else day.year


class CpdQuerySet(_PersonalFileQuerySet):
    def in_registration_year(self, closing_year):
        first, last = registration_year(closing_year)
        return self.filter(done_on__gte=first, done_on__lte=last)


class CpdEntry(models.Model):
    """Continuing professional development, recorded by the person for their Social Work England renewal."""

    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cpd_entries")
    done_on = models.DateField("date")
    activity = models.CharField("what you did", max_length=300)
    reflection = models.TextField("reflection")
    hours = models.DecimalField("hours", max_digits=5, decimal_places=1)
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = CpdQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-done_on", "-pk"]
        verbose_name = "CPD entry"
        verbose_name_plural = "CPD entries"
        constraints = [models.CheckConstraint(condition=models.Q(hours__gt=0), name="cpd_hours_positive")]

    def __str__(self):
        return f"CPD {self.pk}"
