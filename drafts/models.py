"""A draft: what one person has typed into one form on one object, kept until they save it or it expires."""
from datetime import timedelta

from django.conf import settings
from django.db import models


class DraftQuerySet(models.QuerySet):
    def of(self, user, form, object_id):
        """The one draft `user` may have of `form` on object `object_id`: nobody else's, ever."""
        return self.filter(user=user, form=form, object_id=object_id)

    def live(self, now):
        return self.filter(saved_at__gt=now - timedelta(days=settings.DRAFT_DAYS))

    def expired(self, now):
        return self.filter(saved_at__lte=now - timedelta(days=settings.DRAFT_DAYS))


class Draft(models.Model):
    # A child's record may be in `data`: never shown to anyone but `user`, never logged, no history kept.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    form = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    data = models.JSONField()
    saved_at = models.DateTimeField()

    objects = DraftQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "form", "object_id"], name="one_draft_per_person_form_object"),
        ]

    def __str__(self):
        return f"Draft of {self.form} {self.object_id} by user {self.user_id}"

    @classmethod
    def keep(cls, *, user, form, object_id, data, now):
        """Insert or replace in one statement: two autosaves racing leave one row, the later one's."""
        cls.objects.bulk_create(
            [cls(user=user, form=form, object_id=object_id, data=data, saved_at=now)],
            update_conflicts=True, unique_fields=["user", "form", "object_id"], update_fields=["data", "saved_at"],
        )
