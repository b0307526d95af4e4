"""Who looked at what, and who signed in (SPEC section 7: access logging)."""
from django.conf import settings
from django.db import models
from django.utils import timezone

from .immutable import ImmutableModel


class Action(models.TextChoices):
    VIEWED = "viewed", "Viewed"
    EXPORTED = "exported", "Exported"
    PRINTED = "printed", "Printed"
    HISTORY = "history", "Viewed record history"
    REFUSED = "refused", "Refused (not in scope)"
    SIGNED_IN = "signed_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    SIGNED_OUT = "signed_out", "Signed out"


class AccessLogEntry(ImmutableModel):
    """One view, export or refusal of a record, or one sign-in event: identifiers only, never names."""

    at = models.DateTimeField(default=timezone.now)
    # PROTECT: a user who has looked at records is deactivated, never deleted, so the log keeps its subject.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    view_name = models.CharField(max_length=100, blank=True)
    # What was looked at, by kind (traceability.sensitive.KINDS) and primary key; no foreign key,
    # so the entry outlives the record (e.g. after disposal under a retention rule).
    kind = models.CharField(max_length=30, blank=True)
    object_id = models.BigIntegerField(null=True, blank=True)
    address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "access log entry"
        verbose_name_plural = "access log entries"
        indexes = [
            models.Index(fields=["kind", "object_id", "-at"]),
            models.Index(fields=["user", "-at"]),
        ]

    def __str__(self):
        return f"{self.action} {self.kind}:{self.object_id} by {self.user_id} at {self.at:%Y-%m-%d %H:%M}"


class UserSession(models.Model):
    """Which sessions belong to whom, so disabling a user ends their sessions at once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    session_key = models.CharField(max_length=40, unique=True)
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self):
        return f"session of {self.user_id} from {self.started_at:%Y-%m-%d %H:%M}"
