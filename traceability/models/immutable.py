"""Rows that, once written, the application never changes or deletes (SPEC section 7).

The model and queryset refuse here; on PostgreSQL a trigger refuses too
(migration 0002), so raw SQL and other code paths cannot rewrite history.
"""
from django.db import models


class ImmutableRowError(Exception):
    """An attempt to change or delete an audit or access-log row."""


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableRowError(f"{self.model._meta.label} rows cannot be changed.")

    def delete(self):
        raise ImmutableRowError(f"{self.model._meta.label} rows cannot be deleted.")


class ImmutableModel(models.Model):
    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableRowError(f"{self._meta.label} rows cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRowError(f"{self._meta.label} rows cannot be deleted.")
