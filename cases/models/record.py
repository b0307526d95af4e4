"""What is kept on a child's record (SPEC section 2; K 6, W 3, W 4)."""
from django.conf import settings
from django.db import models
from django.urls import reverse
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


class ManagerMeetingQuerySet(ChildRecordQuerySet):
    def needing_attendance(self):
        """Initial CP conferences and initial PLO hearings: a manager must attend (K 6)."""
        return self.filter(kind__in=ManagerMeeting.ATTENDED_KINDS)

    def attendance_to_confirm_by(self, manager):
        """Those `manager` is named for and has not yet said whether they attended, held or coming."""
        return self.needing_attendance().filter(manager=manager, attendance_confirmed_at__isnull=True)

    def needing_minutes(self):
        """CP conferences (initial and review) and looked-after children's reviews: minutes go on the record."""
        return self.filter(kind__in=ManagerMeeting.MINUTED_KINDS)


class ManagerMeeting(models.Model):
    """Conferences, hearings and reviews on the child's record, held or scheduled.

    A manager must attend initial CP conferences and initial PLO hearings (K 6): the manager named confirms
    their own attendance (MGR-ATTEND reads it). CP conferences and looked-after reviews need their minutes on
    the record, a document of kind "review minutes" dated on or after the meeting (REVIEW-MINUTES).
    """

    class Kind(models.TextChoices):
        INITIAL_CONFERENCE = "icpc", "Initial child protection conference"
        PLO_HEARING = "plo_hearing", "Initial court hearing (Public Law Outline)"
        CP_REVIEW = "cp_review", "Review child protection conference"
        CLA_REVIEW = "cla_review", "Looked-after child review"

    ATTENDED_KINDS = (Kind.INITIAL_CONFERENCE, Kind.PLO_HEARING)
    MINUTED_KINDS = (Kind.INITIAL_CONFERENCE, Kind.CP_REVIEW, Kind.CLA_REVIEW)

    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="manager_meetings")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    held_on = models.DateField("date of the meeting", help_text="A meeting still to come may be scheduled ahead.")
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set only by the manager named, through cases.services.confirm_attendance (K 6).
    manager_attended = models.BooleanField(default=False)
    attendance_confirmed_at = models.DateTimeField(null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ManagerMeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.child} {self.kind} {self.held_on}"

    def get_absolute_url(self):
        return reverse("meeting_attendance", args=[self.child_id, self.pk])

    @property
    def needs_attendance(self):
        return self.kind in self.ATTENDED_KINDS

    @property
    def attendance_confirmed(self):
        return self.attendance_confirmed_at is not None

    def is_coming(self, today):
        return self.held_on > today


class PreProceedings(models.Model):
    """Pre-proceedings under the Public Law Outline, and whether a family group decision-making meeting was
    offered (Children's Wellbeing and Schools Act 2026 s 1; CIN census PreProceedingsandFGDM): FGDM-OFFER."""

    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="pre_proceedings")
    started_on = models.DateField("date pre-proceedings began")
    fgdm_offered_on = models.DateField(
        "date a family group decision-making meeting was offered", null=True, blank=True
    )
    fgdm_facilitated = models.BooleanField("the family group decision-making meeting took place", default=False)
    fgdm_not_offered_reason = models.TextField(
        "why no family group decision-making meeting was offered", blank=True,
        help_text="Only if none was offered.",
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ChildRecordQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name_plural = "pre-proceedings"

    def __str__(self):
        return f"{self.child} pre-proceedings {self.started_on}"

    def get_absolute_url(self):
        return reverse("pre_proceedings_fgdm", args=[self.child_id, self.pk])

    @property
    def fgdm_answered(self):
        """An offer made, or a reason none was (spaces are not a reason: SPEC 4b)."""
        return self.fgdm_offered_on is not None or bool(self.fgdm_not_offered_reason.strip())
