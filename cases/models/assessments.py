"""Assessments, plans and every other piece of practitioner work a manager signs off: versions and sign-off
(K 4, K 5, K 9, W 4, SPEC section 3)."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from organisation.scoping import child_filter
from organisation.working_days import working_days_between


class Grade(models.TextChoices):
    """The manager's judgement of quality (K 4)."""

    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"

    @classmethod
    def signs_off(cls, grade):
        return grade in (cls.OUTSTANDING, cls.GOOD)


class AssessmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(child_filter(user, prefix="child__"))


class Assessment(models.Model):
    """A piece of practitioner work about one child (an assessment, a plan, a court statement, a report...),
    across all its versions."""

    class Kind(models.TextChoices):
        CHILD_AND_FAMILY = "cfa", "Child and family assessment"
        SECTION_47 = "s47", "Section 47 enquiry"
        CIN_PLAN = "cin_plan", "Child in need plan"
        CP_PLAN = "cp_plan", "Child protection plan"
        CARE_PLAN = "care_plan", "Care plan"
        PATHWAY_PLAN = "pathway_plan", "Pathway plan"
        COURT_STATEMENT = "court_statement", "Court statement"
        COURT_CHRONOLOGY = "court_chronology", "Chronology for court"
        QUARTERLY_SUMMARY = "quarterly_summary", "Quarterly case summary"
        CP_CONFERENCE_REPORT = "cp_conference_report", "Report to a child protection conference"
        CLA_REVIEW_REPORT = "cla_review_report", "Report to a looked-after review"
        CLOSURE_SUMMARY = "closure_summary", "Closure summary"

    ASSESSMENT_KINDS = (Kind.CHILD_AND_FAMILY, Kind.SECTION_47)
    PLAN_KINDS = (Kind.CIN_PLAN, Kind.CP_PLAN, Kind.CARE_PLAN, Kind.PATHWAY_PLAN)
    # Written as one document (`AssessmentVersion.body`), not in the K 5 sections of an assessment or plan.
    DOCUMENT_KINDS = (
        Kind.COURT_STATEMENT, Kind.COURT_CHRONOLOGY, Kind.QUARTERLY_SUMMARY, Kind.CP_CONFERENCE_REPORT,
        Kind.CLA_REVIEW_REPORT, Kind.CLOSURE_SUMMARY,
    )
    # Reports for a meeting: they carry its date and are countersigned before it (W 4, REPORT-COUNTERSIGN).
    MEETING_KINDS = (Kind.CP_CONFERENCE_REPORT, Kind.CLA_REVIEW_REPORT)
    # Signing it off is a decision of its own: the case closes (cases/sign_off.py).
    CLOSURE_KINDS = (Kind.CLOSURE_SUMMARY,)

    child = models.ForeignKey("cases.Child", on_delete=models.CASCADE, related_name="assessments")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    meeting_date = models.DateField(
        "date of the meeting", null=True, blank=True,
        help_text="The child protection conference or looked-after review the report is for.",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "assessment or plan"
        verbose_name_plural = "assessments and plans"

    def __str__(self):
        return f"{self.child} {self.kind}"

    def get_absolute_url(self):
        return reverse("assessment", args=[self.pk])

    @property
    def is_plan(self):
        return self.kind in self.PLAN_KINDS

    @property
    def is_document(self):
        return self.kind in self.DOCUMENT_KINDS

    @property
    def is_meeting_report(self):
        return self.kind in self.MEETING_KINDS

    @property
    def content_fields(self):
        """The sections the author writes: one document, or the K 5 sections of an assessment or plan."""
        return ("body",) if self.is_document else AssessmentVersion.SECTION_FIELDS

    def latest_version(self):
        return self.versions.order_by("-number").first()

    def current_version(self):
        """The version in force: the latest signed off."""
        return self.versions.filter(status=AssessmentVersion.Status.SIGNED_OFF).order_by("-number").first()


class VersionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(child_filter(user, prefix="assessment__child__"))

    def drafts_by(self, author):
        """The author's drafts in progress, oldest first."""
        return self.visible_to(author).filter(author=author, status=AssessmentVersion.Status.DRAFT).order_by("pk")

    def returned_to(self, author):
        """The author's returned versions not yet revised (no newer version started), oldest decision first."""
        newer = AssessmentVersion.objects.filter(
            assessment=models.OuterRef("assessment"), number__gt=models.OuterRef("number")
        )
        return (
            self.visible_to(author)
            .filter(author=author, status=AssessmentVersion.Status.RETURNED)
            .filter(~models.Exists(newer))
            .order_by("decided_at")
        )

    def awaiting_sign_off_by(self, manager):
        """Submitted versions whose author the manager line-manages, oldest first."""
        from organisation.models import StaffMember

        # The few managed staff's ids first: as a subquery, the five-level self-join is re-run for every version.
        managed = list(StaffMember.objects.managed_by(manager).values_list("pk", flat=True))
        return (
            self.visible_to(manager)
            .filter(status=AssessmentVersion.Status.SUBMITTED, author_id__in=managed)
            .order_by("submitted_at")
        )


class AssessmentVersion(models.Model):
    """One version: drafted, submitted, then signed off or returned; never edited after submission."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        SIGNED_OFF = "signed_off", "Signed off"
        RETURNED = "returned", "Returned"
        # Finished by its author where the configuration asks no sign-off of its kind (SignOffSetting).
        FILED = "filed", "Filed (no sign-off needed)"

    OPEN_STATUSES = (Status.DRAFT, Status.SUBMITTED)
    SECTION_FIELDS = ("identity", "seen_and_heard", "child_understanding", "life_story", "lived_experience", "analysis")
    CONTENT_FIELDS = (*SECTION_FIELDS, "body")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)

    # The sections that evidence the child-centred items (K 5).
    identity = models.TextField("identity, ethnicity and culture", blank=True)
    seen_and_heard = models.TextField("the child seen, spoken to and listened to", blank=True)
    child_understanding = models.TextField("the child's understanding of why they have a social worker", blank=True)
    life_story = models.TextField("life-story work", blank=True)
    lived_experience = models.TextField("the child's lived experience", blank=True)
    analysis = models.TextField("holistic analysis of need", blank=True)
    # The whole of a court statement, chronology for court, case summary or report (Assessment.DOCUMENT_KINDS).
    body = models.TextField("the document", blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    # The manager's decision (SPEC section 3).
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    grade = models.CharField(max_length=30, choices=Grade.choices, blank=True)
    feedback = models.TextField("rationale and feedback", blank=True)
    affirmed_identity = models.BooleanField(default=False)
    affirmed_seen_and_heard = models.BooleanField(default=False)
    affirmed_understanding = models.BooleanField(default=False)
    affirmed_life_story = models.BooleanField(default=False)
    life_story_not_relevant_reason = models.TextField(blank=True)
    affirmed_lived_experience = models.BooleanField(default=False)
    affirmed_smart = models.BooleanField(default=False)
    affirmed_holistic = models.BooleanField(default=False)

    objects = VersionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "number"], name="one_version_number_per_assessment"),
            # At most one version in progress: editing a decided version starts a new one.
            models.UniqueConstraint(
                fields=["assessment"],
                condition=models.Q(status__in=["draft", "submitted"]),
                name="one_open_version_per_assessment",
            ),
        ]
        indexes = [models.Index(fields=["status", "submitted_at"])]

    def __str__(self):
        return f"{self.assessment} v{self.number}"

    def save(self, *args, **kwargs):
        # A submitted version changes only by its decision (content untouched); a decided one never.
        stored = self.pk and AssessmentVersion.objects.filter(pk=self.pk).values("status", *self.CONTENT_FIELDS).first()
        if stored and stored["status"] != self.Status.DRAFT and (
            stored["status"] != self.Status.SUBMITTED
            or any(getattr(self, field) != stored[field] for field in self.CONTENT_FIELDS)
        ):
            raise ValidationError("A submitted, signed-off or returned version cannot be edited.")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("assessment", args=[self.assessment_id])

    @property
    def is_editable(self):
        return self.status == self.Status.DRAFT

    @property
    def is_current(self):
        return self.status == self.Status.SIGNED_OFF

    def missing_for_submission(self):
        """What must be written before the version can be submitted, as {field: message}."""
        missing = {}
        for name in self.assessment.content_fields:
            if name != "life_story" and not getattr(self, name).strip():
                label = self._meta.get_field(name).verbose_name
                missing[name] = f"Write about {label} before submitting"
        if self.assessment.is_plan and not self.actions.exists():
            missing["__all__"] = "Add at least one SMART action before submitting a plan"
        return missing

    @property
    def is_first_decision(self):
        """Whether this decided version is its work's first decision (for signed off first time, K 4)."""
        return not self.assessment.versions.filter(number__lt=self.number, decided_at__isnull=False).exists()

    def waiting_working_days(self, today):
        """Working days a submitted version has waited for a decision."""
        if self.submitted_at is None:
            return 0
        return working_days_between(self.submitted_at.date(), today)


class PlanAction(models.Model):
    """A SMART action: what, who, by when, how we will know. Editable only on a draft."""

    version = models.ForeignKey(AssessmentVersion, on_delete=models.CASCADE, related_name="actions")
    what = models.TextField("what will happen")
    who = models.CharField("who will do it", max_length=200)
    by_when = models.DateField("by when")
    how_measured = models.TextField("how we will know it has happened")

    history = HistoricalRecords()

    class Meta:
        ordering = ["by_when", "pk"]

    def __str__(self):
        return f"{self.version} action {self.pk}"


class SignOffSetting(models.Model):
    """Whether a kind of work needs a manager's sign-off, and which K 5 items are affirmed of it.

    An administrator changes them on the sign-off settings page; every change is kept (history). A kind with
    no row is signed off with the defaults in `cases/sign_off.py` (`DEFAULT_ITEMS`).
    """

    kind = models.CharField(max_length=20, choices=Assessment.Kind.choices, unique=True)
    needs_sign_off = models.BooleanField(default=True)
    items = models.JSONField("K 5 items affirmed", default=list, blank=True)
    changed_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind"]

    def __str__(self):
        return self.get_kind_display()
