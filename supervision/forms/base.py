from cases.forms.base import GdsFormMixin, StaffChoiceField, textarea

__all__ = ["GdsFormMixin", "StaffChoiceField", "textarea"]
