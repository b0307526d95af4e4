"""In-app notifications: a short sentence telling one person of work for them, with where to act on it.

Each event's one write path calls `notify()` inside its own transaction, so a
write that rolls back tells nobody. A notification holds identifiers only (a
child's local identifier, never a name), and its link leads to a page that
is scoped as usual, so it shows nothing its recipient could not already see.
"""
from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user) if user.is_authenticated else self.none()

    def unread(self):
        return self.filter(read_at__isnull=True)

    def mark_read(self, now):
        """Mark these read; how many changed. Notifications keep no history, so one conditional UPDATE."""
        return self.unread().update(read_at=now)


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(max_length=255)
    url = models.CharField(max_length=255, help_text="Where to act on it: a path within Oversight.")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        # The header's unread count on every page: one index probe.
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_recipient_read")]

    def __str__(self):
        return f"Notification {self.pk} for {self.recipient_id}"

    def get_absolute_url(self):
        return reverse("notification", args=[self.pk])

    @property
    def is_unread(self):
        return self.read_at is None


def _check(url):
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("notify() is for use inside the writer's transaction.atomic().")
    # Only our own paths: opening a notification redirects there.
    if not url.startswith("/") or url.startswith("//"):
        raise ValueError(f"A notification links to a path within Oversight, not {url!r}.")


def notify(recipient, text, url, *, actor=None, now=None):
    """Tell `recipient` (a staff member, or None: nobody) `text`, linking to `url`; never the `actor`.

    The notification, or None when nobody is told.
    """
    _check(url)
    if recipient is None or (actor is not None and recipient.pk == actor.pk):
        return None
    return Notification.objects.create(recipient=recipient, text=text, url=url, created_at=now or timezone.now())


def notify_each(rows, *, now):
    """Many at once, as (recipient id, text, url) rows with no actor (the sweep): one bulk insert."""
    rows = [row for row in rows if row[0] is not None]
    for _, _, url in rows:
        _check(url)
    Notification.objects.bulk_create(
        [Notification(recipient_id=recipient, text=text, url=url, created_at=now) for recipient, text, url in rows],
        batch_size=5000,
    )
    return len(rows)
