"""Entries on the child's record (K 6, W 3, W 4)."""
from crispy_forms_gds.fields import DateInputField
from django import forms

from ..models import CaseNote, ChronologyEntry, Document, ManagementDecision, ManagerMeeting
from .base import GdsForm


class PastDatesMixin:
    """Dates of things that happened: GdsFormMixin refuses any after today (cases/forms/dates.py)."""

    past_date_fields = ()


class ChronologyEntryForm(PastDatesMixin, GdsForm, forms.ModelForm):
    submit_label = "Add to chronology"
    past_date_fields = ("occurred_on",)

    class Meta:
        model = ChronologyEntry
        fields = ["occurred_on", "event_type", "significant", "source", "summary"]


class CaseNoteForm(PastDatesMixin, GdsForm, forms.ModelForm):
    submit_label = "Save visit or note"
    past_date_fields = ("occurred_on",)

    class Meta:
        model = CaseNote
        fields = [
            "occurred_on", "kind", "child_seen", "seen_alone", "views_recorded",
            "child_said", "lived_experience", "note",
        ]
        widgets = {"kind": forms.RadioSelect}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("seen_alone") and not cleaned.get("child_seen"):
            self.add_error("seen_alone", "A child seen alone must also be recorded as seen")
        if cleaned.get("views_recorded") and not (cleaned.get("child_said") or "").strip():
            self.add_error("child_said", "Write what the child said, in their words")
        return cleaned


class DocumentForm(PastDatesMixin, GdsForm, forms.ModelForm):
    submit_label = "Add to register"
    past_date_fields = ("dated",)

    class Meta:
        model = Document
        fields = ["kind", "title", "dated", "owner", "confidential"]

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class ManagementDecisionForm(PastDatesMixin, GdsForm, forms.ModelForm):
    submit_label = "Record decision"
    past_date_fields = ("decided_on",)
    # GOV.UK day, month and year, like the other dates people type from a note (not the browser's picker).
    decided_on = DateInputField(label="Date of the decision", help_text="For example, 27 3 2026")

    class Meta:
        model = ManagementDecision
        fields = ["decided_on", "context", "decision", "rationale"]
        widgets = {"context": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Sign-off and allocation decisions are written by those actions, not by hand.
        self.fields["context"].choices = [
            (ManagementDecision.Context.OUTSIDE_SUPERVISION, "Outside supervision"),
            (ManagementDecision.Context.SUPERVISION, "In supervision"),
        ]


class ManagerMeetingForm(PastDatesMixin, GdsForm, forms.ModelForm):
    submit_label = "Record meeting"
    past_date_fields = ("held_on",)

    class Meta:
        model = ManagerMeeting
        fields = ["kind", "held_on", "manager", "manager_attended", "notes"]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, managers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["manager"].queryset = managers
        self.fields["manager"].required = True


