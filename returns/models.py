"""Imports of the returns a council already produces, and where each imported record came from."""
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse


class Format(models.TextChoices):
    ANNEX_A = "annex_a", "Ofsted Annex A workbook"
    CIN_CENSUS = "cin_census", "Children in Need census"
    SSDA903 = "ssda903", "SSDA903 (looked-after children)"
    WORKFORCE = "workforce", "Social work workforce census"


class ImportBatch(models.Model):
    """One uploaded file: checked (the dry run), then imported in one transaction."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to be checked"
        CHECKING = "checking", "Checking"
        CHECKED = "checked", "Checked: ready to import"
        CONFIRMED = "confirmed", "Waiting to be imported"
        IMPORTING = "importing", "Importing"
        IMPORTED = "imported", "Imported"
        FAILED = "failed", "Could not be read"

    RUNNING = (Status.QUEUED, Status.CHECKING, Status.CONFIRMED, Status.IMPORTING)

    file_name = models.CharField(max_length=255)
    file_sha256 = models.CharField(max_length=64)
    # Kept between the dry run and the import, then cleared.
    payload = models.BinaryField(editable=False, null=True)
    format = models.CharField(max_length=20, choices=Format.choices, blank=True)
    fallback_team = models.ForeignKey(
        "organisation.Team",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Team for new children whose allocated team the return does not name or Oversight does not know.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True, help_text="Why the file as a whole could not be read.")
    # Row by row: location, child id, outcome, reasons. Identifiers only, never names or case content.
    report = models.JSONField(default=list, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    # Children whose queries (a future date, an event after death...) the administrator accepted at the dry run.
    accepted_queries = models.JSONField(default=list, blank=True)
    # Per file, table or sheet: the fields read and those present but not read (nothing is dropped in silence).
    coverage = models.JSONField(default=list, blank=True)
    # Written with every progress step: a running batch whose last step is long past has lost its worker.
    progress_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name_plural = "import batches"

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("returns:batch", args=[self.pk])

    @property
    def subject(self):
        """What the file's records are, for the page and the command."""
        return "staff members" if self.format == Format.WORKFORCE else "children"

    @property
    def is_running(self):
        return self.status in self.RUNNING

    @property
    def percent_done(self):
        return int(100 * self.rows_done / self.rows_total) if self.rows_total else 0


class SourceRecord(models.Model):
    """A record an import created or changed, and the row or element it came from."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="records")
    location = models.CharField(max_length=255, help_text="Sheet and row, or the element's path.")
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the row's values.")
    child_local_id = models.CharField(max_length=20, db_index=True)
    # What the record is for the child ("child", "visit 2021-01-22"): re-imports find it by this.
    natural_key = models.CharField(max_length=100)
    action = models.CharField(max_length=10, choices=[("created", "Created"), ("updated", "Updated")])
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")

    class Meta:
        ordering = ["batch", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["child_local_id", "natural_key"]),
        ]

    def __str__(self):
        return f"{self.child_local_id} {self.natural_key} from {self.location}"
