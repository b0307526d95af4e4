from django import forms

from cases.forms.base import EditConflictMixin, GdsFormMixin, StaffChoiceField, textarea

__all__ = ["EditConflictMixin", "GdsFormMixin", "StaffChoiceField", "not_in_future", "textarea"]


def not_in_future(day, today, what="The date"):
    if day and day > today:
        raise forms.ValidationError(f"{what} must be today or in the past.")
    return day
