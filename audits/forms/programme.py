from crispy_forms_gds.layout import Field, Fixed, Layout
from django import forms

from ..models import AuditProgramme
from .base import EditConflictMixin, GdsFormMixin


class ProgrammeForm(EditConflictMixin, GdsFormMixin, forms.ModelForm):
    submit_label = "Save the programme"

    class Meta:
        model = AuditProgramme
        fields = ["monthly_audits_per_manager", "exclusion_months"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.text("monthly_audits_per_manager", field_width=Fixed.THREE),
            Field.text("exclusion_months", field_width=Fixed.THREE),
        )
