"""What is kept on a child's record (SPEC section 2; K 6, W 3, W 4)."""
from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from organisation.scoping import child_filter, confidential_filter


class ChildRecordQuerySet(models.QuerySet):
    """Anything on a child's record is visible exactly when the child is."""

    def visible_to(self, user):
        return self.filter(child_filter(user, prefix="child__"))


class ChronologyEntry(models.Model):
    class EventType(models.TextChoices):
        REFERRAL = "referral", "Referral"
        ASSESSMENT = "assessment", "Assessment"
        STRATEGY = "strategy", "Strategy discussion"
        CONFERENCE = "conference", "Conference or review"
        COURT = "court", "Court"
        PLACEMENT = "placement", "Placement or move"
        HEALTH = "health", "Health"
        EDUCATION = "education", "Education"
        POLICE = "police", "Police"
        FAMILY = "family", "Family event"
        OTHER = "other", "Other"

    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="chronology")
    occurred_on = models.DateField("date of event")
    event_type = models.CharField(max_length=20, choices=EventType.choices)
    significant = models.BooleanField("significant event", default=False)
    source = models.CharField("source", max_length=200, help_text="Who told us, or where it is recorded.")
    summary = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ChildRecordQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-occurred_on", "-recorded_at"]
        verbose_name_plural = "chronology entries"
        indexes = [models.Index(fields=["child", "-occurred_on"])]

    def __str__(self):
        return f"{self.child} chronology {self.occurred_on}"


class CaseNote(models.Model):
    """A case note or a visit; statutory visits are what VISITS and SEEN-ALONE read."""

    class Kind(models.TextChoices):
        STATUTORY_VISIT = "statutory_visit", "Statutory visit"
        VISIT = "visit", "Other visit"
        NOTE = "note", "Case note"

    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="case_notes")
    occurred_on = models.DateField("date")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    child_seen = models.BooleanField(default=False)
    seen_alone = models.BooleanField("child seen alone", default=False)
    views_recorded = models.BooleanField("child's views recorded", default=False)
    child_said = models.TextField("what the child said", blank=True)
    lived_experience = models.TextField("the child's lived experience", blank=True)
    note = models.TextField(blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ChildRecordQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-occurred_on", "-recorded_at"]
        indexes = [models.Index(fields=["child", "kind", "-occurred_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(seen_alone=False) | models.Q(child_seen=True), name="seen_alone_means_seen"
            )
        ]

    def __str__(self):
        return f"{self.child} {self.kind} {self.occurred_on}"

    @property
    def is_visit(self):
        return self.kind != self.Kind.NOTE


class DocumentQuerySet(ChildRecordQuerySet):
    def visible_to(self, user):
        return super().visible_to(user).filter(confidential_filter(user))


class Document(models.Model):
    """The documents register (W 4); confidential = third-party material."""

    class Kind(models.TextChoices):
        PHOTO = "photo", "Photo of the child"
        BIRTH_CERTIFICATE = "birth_certificate", "Birth certificate"
        COURT_ORDER = "court_order", "Court order"
        PLAN = "plan", "Plan"
        REVIEW_MINUTES = "review_minutes", "Review minutes"
        QUARTERLY_SUMMARY = "quarterly_summary", "Quarterly summary"
        REPORT = "report", "Report"

    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    title = models.CharField(max_length=200)
    dated = models.DateField("date of document")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    confidential = models.BooleanField(
        default=False, help_text="Third-party material not to be shared with the child (W 4)."
    )
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    objects = DocumentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-dated", "-added_at"]
        indexes = [models.Index(fields=["child", "kind", "-dated"])]

    def __str__(self):
        return f"{self.child} {self.kind} {self.dated}"


class ManagementDecision(models.Model):
    """A manager's decision on the child's record, with its rationale (K 6, W 3)."""

    class Context(models.TextChoices):
        OUTSIDE_SUPERVISION = "outside_supervision", "Outside supervision"
        SUPERVISION = "supervision", "In supervision"
        SIGN_OFF = "sign_off", "Sign-off of an assessment or plan"
        ALLOCATION = "allocation", "Allocation"

    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="decisions")
    decided_on = models.DateField()
    manager = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    context = models.CharField(max_length=30, choices=Context.choices, default=Context.OUTSIDE_SUPERVISION)
    decision = models.TextField()
    rationale = models.TextField()
    assessment_version = models.ForeignKey(
        "cases.AssessmentVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ChildRecordQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-decided_on", "-recorded_at"]
        indexes = [models.Index(fields=["child", "-decided_on"])]

    def __str__(self):
        return f"{self.child} decision {self.decided_on}"


class ManagerMeeting(models.Model):
    """Meetings a manager must attend (K 6); MGR-ATTEND reads manager_attended."""

    class Kind(models.TextChoices):
        INITIAL_CONFERENCE = "icpc", "Initial child protection conference"
        PLO_HEARING = "plo_hearing", "Initial court hearing (Public Law Outline)"

    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="manager_meetings")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    held_on = models.DateField()
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    manager_attended = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ChildRecordQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.child} {self.kind} {self.held_on}"
