"""Entries on the child's record (K 6, W 3, W 4)."""
from crispy_forms_gds.fields import DateInputField
from django import forms

from ..models import CaseNote, ChronologyEntry, Document, ManagementDecision, ManagerMeeting, PreProceedings
from .base import EditConflictMixin, GdsForm, textarea


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


class ManagerMeetingForm(GdsForm, forms.ModelForm):
    """A conference, hearing or review held or scheduled. Whether the manager attended is theirs to confirm, on
    the meeting's page (K 6), so it is not asked here; a meeting still to come may be dated ahead."""

    submit_label = "Save the meeting"
    held_on = DateInputField(
        label="Date of the meeting", help_text="A date still to come schedules it. For example, 27 3 2026"
    )

    class Meta:
        model = ManagerMeeting
        fields = ["kind", "held_on", "manager", "notes"]
        widgets = {"kind": forms.RadioSelect}
        labels = {"kind": "Which meeting?", "manager": "Manager who must attend"}

    def __init__(self, *args, managers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["manager"].queryset = managers
        self.fields["manager"].help_text = (
            "Needed for an initial child protection conference or initial court hearing: they confirm they attended."
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") in ManagerMeeting.ATTENDED_KINDS and not cleaned.get("manager"):
            self.add_error("manager", "Select the manager who must attend")
        return cleaned


class AttendanceForm(GdsForm, forms.Form):
    """The manager named says whether they attended (K 6): nobody else can."""

    submit_label = "Confirm"
    attended = forms.TypedChoiceField(
        label="Did you attend?", choices=[("yes", "Yes, I attended"), ("no", "No, I did not attend")],
        coerce=lambda value: value == "yes", widget=forms.RadioSelect,
    )


class PreProceedingsForm(PastDatesMixin, GdsForm, forms.ModelForm):
    """Pre-proceedings begun, and the family group decision-making meeting offered or why not (FGDM-OFFER)."""

    submit_label = "Save pre-proceedings"
    past_date_fields = ("started_on", "fgdm_offered_on")
    started_on = DateInputField(label="Date pre-proceedings began", help_text="For example, 27 3 2026")
    fgdm_offered_on = DateInputField(
        label="Date a family group decision-making meeting was offered", required=False,
        help_text="Leave blank if none was offered, and say why below.",
    )

    class Meta:
        model = PreProceedings
        fields = ["started_on", "fgdm_offered_on", "fgdm_facilitated", "fgdm_not_offered_reason"]
        widgets = {"fgdm_not_offered_reason": textarea(4)}

    def clean(self):
        cleaned = super().clean()
        reason = (cleaned.get("fgdm_not_offered_reason") or "").strip()
        if cleaned.get("fgdm_offered_on") and reason:
            self.add_error("fgdm_not_offered_reason", "Leave the reason blank: a meeting was offered")
        if cleaned.get("fgdm_facilitated") and not cleaned.get("fgdm_offered_on"):
            self.add_error("fgdm_offered_on", "Enter the date the meeting that took place was offered")
        cleaned["fgdm_not_offered_reason"] = reason
        return cleaned


class FgdmForm(EditConflictMixin, PreProceedingsForm):
    """The offer (or the reason none was made) recorded after pre-proceedings began."""

    submit_label = "Save"

    class Meta(PreProceedingsForm.Meta):
        fields = ["fgdm_offered_on", "fgdm_facilitated", "fgdm_not_offered_reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["started_on"]
