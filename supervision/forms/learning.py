"""Training with its expiry, the induction checklist and CPD entries (W 5)."""
from django import forms

from cases.forms.dates import DateInputField
from supervision.models import CpdEntry, TrainingRecord
from supervision.models.learning import INDUCTION_ITEMS

from .base import GdsFormMixin, textarea


class TrainingForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Save the training"

    completed_on = DateInputField(label="Completed on", help_text="For example, 14 9 2026.")
    expires_on = DateInputField(
        label="Expires on", required=False,
        help_text="Leave blank if it does not expire. Supervision-skills training usually lasts 3 years.",
    )
    past_date_fields = ("completed_on",)
    years_ahead_fields = {"expires_on": 10}

    class Meta:
        model = TrainingRecord
        fields = ["kind", "course", "completed_on", "expires_on", "evidence"]
        widgets = {"kind": forms.RadioSelect, "evidence": textarea(3)}
        labels = {"course": "Course name"}
        help_texts = {"evidence": "For example the certificate's reference, or where the certificate is kept."}
        error_messages = {"course": {"required": "Enter the course name"}}

    def clean(self):
        cleaned = super().clean()
        completed_on, expires_on = cleaned.get("completed_on"), cleaned.get("expires_on")
        if completed_on and expires_on and expires_on <= completed_on:
            self.add_error("expires_on", "The expiry date must be after the date completed")
        return cleaned


class InductionTickForm(GdsFormMixin, forms.Form):
    submit_label = "Tick it off"

    item = forms.ChoiceField(label="Induction item", widget=forms.RadioSelect, choices=())
    done_on = DateInputField(label="Done on")
    past_date_fields = ("done_on",)

    def __init__(self, *args, open_items, started_on=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [(key, label) for key, label in INDUCTION_ITEMS if key in open_items]
        self.started_on = started_on

    def clean_done_on(self):
        done_on = self.cleaned_data["done_on"]
        if done_on and self.started_on and done_on < self.started_on:
            raise forms.ValidationError(f"The date must be on or after they started, {self.started_on:%-d %B %Y}")
        return done_on


class CpdEntryForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Save the CPD entry"

    done_on = DateInputField(label="Date", help_text="For example, 3 10 2026.")
    past_date_fields = ("done_on",)

    class Meta:
        model = CpdEntry
        fields = ["done_on", "activity", "reflection", "hours"]
        widgets = {"activity": textarea(2), "reflection": textarea(6)}
        labels = {"activity": "What you did"}
        help_texts = {
            "activity": "For example a course, reading, shadowing, a practice learning session.",
            "reflection": "What you learned and how it changed your practice (Social Work England asks for this).",
            "hours": "For example, 1.5",
        }
        error_messages = {
            "activity": {"required": "Enter what you did"},
            "reflection": {"required": "Enter your reflection"},
            "hours": {"required": "Enter the hours", "invalid": "Enter the hours as a number, like 1.5"},
        }

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours is not None and not 0 < hours <= 100:
            raise forms.ValidationError("Enter hours between 0.1 and 100")
        return hours
