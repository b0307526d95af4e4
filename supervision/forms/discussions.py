from django import forms

from cases.forms.dates import DateInputField
from supervision.models import CaseDiscussion, DiscussionAction, SessionAction

from .base import EditConflictMixin, GdsFormMixin, StaffChoiceField, textarea


class CaseDiscussionForm(EditConflictMixin, GdsFormMixin, forms.ModelForm):
    submit_label = "Save the case discussion"

    class Meta:
        model = CaseDiscussion
        fields = ["purpose", "expectations", "contingency", "discussion", "decision", "rationale"]
        widgets = {name: textarea() for name in fields}
        help_texts = {
            "discussion": "Remember the child may one day read this on their record.",
            "decision": "A decision that shapes the practitioner's work goes on the child's record as yours.",
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") and not cleaned.get("rationale"):
            self.add_error("rationale", "Enter the rationale for the decision")
        return cleaned


class DiscussionActionForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Add the action"

    due_on = DateInputField(label="Due by")

    class Meta:
        model = DiscussionAction
        fields = ["what", "owner", "due_on"]
        widgets = {"what": textarea(2)}
        field_classes = {"owner": StaffChoiceField}

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].empty_label = None


class SessionActionForm(DiscussionActionForm):
    """An action agreed in the session itself, outside any case discussion: the same fields."""

    class Meta(DiscussionActionForm.Meta):
        model = SessionAction


class AddChildForm(GdsFormMixin, forms.Form):
    submit_label = "Add a case discussion"

    child = forms.ModelChoiceField(queryset=None, label="Another child to discuss")

    def __init__(self, *args, children, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = children
        self.fields["child"].label_from_instance = lambda c: f"{c.full_name} ({c.local_id})"
