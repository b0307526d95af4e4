"""Objectives (W 5), progress against them in supervision, and the restricted support record (K 4, W 5.2)."""
from django import forms

from cases.forms.dates import DateInputField
from supervision.models import Objective, ObjectiveReview, SupportRecord

from .base import GdsFormMixin, textarea


class ObjectiveForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Set the objective"

    due_on = DateInputField(label="Achieve by", help_text="For example, 31 3 2027.")

    class Meta:
        model = Objective
        fields = ["title", "success", "due_on"]
        widgets = {"title": textarea(2), "success": textarea(3)}
        labels = {"title": "Objective"}
        help_texts = {"success": "How you will both know it is achieved: specific and measurable."}

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on and due_on < self.today:
            raise forms.ValidationError("The date to achieve it by must be today or later")
        return due_on


class ObjectiveReviewForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Record progress"

    class Meta:
        model = ObjectiveReview
        fields = ["progress", "note"]
        widgets = {"progress": forms.RadioSelect, "note": textarea(4)}
        labels = {"progress": "Progress"}
        help_texts = {"note": "What has been done, what gets in the way and what happens next."}
        error_messages = {"note": {"required": "Enter the progress note"}}


class SupportRecordForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Save in the support record"

    recorded_on = DateInputField(label="Date")
    review_on = DateInputField(label="Review by", required=False)
    past_date_fields = ("recorded_on",)

    class Meta:
        model = SupportRecord
        fields = ["recorded_on", "concern", "underlying_issues", "support_offered", "hr_stage", "hr_steps",
                  "review_on"]
        widgets = {
            "concern": textarea(4), "underlying_issues": textarea(3), "support_offered": textarea(4),
            "hr_stage": forms.RadioSelect, "hr_steps": textarea(3),
        }
        help_texts = {
            "concern": "Where practice fell below good, with examples (K 4).",
            "underlying_issues": "For example workload, wellbeing, skills or personal circumstances (K 4).",
            "support_offered": "Supervision, training, shadowing, reduced caseload, occupational health.",
            "hr_steps": "Steps under the council's HR procedures, with dates and who was involved.",
        }
        error_messages = {
            "concern": {"required": "Enter the concerns about practice"},
            "support_offered": {"required": "Enter the support offered"},
        }

    def clean(self):
        cleaned = super().clean()
        recorded_on, review_on = cleaned.get("recorded_on"), cleaned.get("review_on")
        if recorded_on and review_on and review_on <= recorded_on:
            self.add_error("review_on", "The review date must be after the date recorded")
        return cleaned
