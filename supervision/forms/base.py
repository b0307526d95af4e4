from cases.forms.base import EditConflictMixin, GdsFormMixin, StaffChoiceField, textarea

__all__ = ["EditConflictMixin", "GdsFormMixin", "StaffChoiceField", "textarea"]
