"""Forms that follow an audit up: corrective actions, telling the IRO, the practitioner's response."""
from django import forms

from cases.forms.dates import DateInputField

from ..models import CaseFileAudit, CorrectiveAction
from .base import EditConflictMixin, GdsFormMixin, StaffChoiceField, not_in_future, textarea


class CorrectiveActionForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Add the action"

    due_on = DateInputField(label="Due by")

    class Meta:
        model = CorrectiveAction
        fields = ["item", "what", "owner", "due_on"]
        widgets = {"what": textarea(3)}
        labels = {"what": "What needs to be done"}
        field_classes = {"owner": StaffChoiceField}
        help_texts = {"what": "What must change on the record, agreed with the practitioner (W 4)."}

    def __init__(self, *args, owners, today, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["owner"].queryset = owners
        # The audit's items not met; an action may also stand alone.
        self.fields["item"].choices = [("", "Not one item"), *((item.code, item.label) for item in items)]

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < self.today:
            raise forms.ValidationError("The due date must be today or later.")
        return due_on


class DoneForm(GdsFormMixin, forms.Form):
    submit_label = "Record as done"
    submit_name = "done"

    done_on = DateInputField(label="Date done")

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_done_on(self):
        return not_in_future(self.cleaned_data["done_on"], self.today, "The date done")


class VerifyForm(DoneForm):
    """The auditor checks the record; if the owner has not recorded it done, the auditor enters the date."""

    submit_label = "Verify the action"
    submit_name = "verify"

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        if action.done_on:
            del self.fields["done_on"]
        else:
            self.fields["done_on"].help_text = "Not yet recorded as done by its owner."


class ReviewingOfficerForm(EditConflictMixin, GdsFormMixin, forms.ModelForm):
    submit_label = "Record that they were told"

    reviewing_officer_told_on = DateInputField(label="Date told")

    class Meta:
        model = CaseFileAudit
        fields = ["reviewing_officer_told", "reviewing_officer_told_on"]
        field_classes = {"reviewing_officer_told": StaffChoiceField}

    def __init__(self, *args, officers, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        officer = self.fields["reviewing_officer_told"]
        officer.queryset, officer.required, officer.empty_label = officers, True, "Choose who you told"
        if not self.instance.child.reviewing_officer_id:
            officer.help_text = "The child has no IRO or CP chair recorded."
        officer.error_messages["required"] = "Choose the IRO or CP chair you told."

    def clean_reviewing_officer_told_on(self):
        return not_in_future(self.cleaned_data["reviewing_officer_told_on"], self.today, "The date told")


class ResponseForm(EditConflictMixin, GdsFormMixin, forms.ModelForm):
    submit_label = "Save your response"

    class Meta:
        model = CaseFileAudit
        fields = ["practitioner_response"]
        widgets = {"practitioner_response": textarea(6)}
        labels = {"practitioner_response": "Your response to the audit"}

    def clean_practitioner_response(self):
        response = self.cleaned_data["practitioner_response"].strip()
        if not response:
            raise forms.ValidationError("Enter your response.")
        return response
