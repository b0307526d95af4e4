"""A director's or head of service's office visit, team meeting attended or briefing (W 6)."""
from django import forms

from cases.forms.dates import DateInputField
from supervision.models import LeadershipVisit

from .base import GdsFormMixin, textarea


class TeamsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, team):
        return f"{team} ({team.service})"


class LeadershipVisitForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Save the visit"

    held_on = DateInputField(label="Date", help_text="For example, 14 10 2026.")
    past_date_fields = ("held_on",)

    class Meta:
        model = LeadershipVisit
        fields = ["held_on", "kind", "teams", "note"]
        widgets = {"kind": forms.RadioSelect, "teams": forms.CheckboxSelectMultiple, "note": textarea(4)}
        field_classes = {"teams": TeamsField}
        labels = {"kind": "What was it?", "teams": "Which teams did it concern?", "note": "Note"}
        help_texts = {
            "teams": "Select all that apply.",
            "note": "What you saw or heard, and anything you agreed to follow up.",
        }
        error_messages = {
            "kind": {"required": "Select what it was"},
            "teams": {"required": "Select at least one team"},
            "note": {"required": "Enter a short note"},
        }

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teams"].queryset = teams.select_related("service")
        self.fields["teams"].error_messages["invalid_choice"] = "Select teams from the list"
        self.fields["kind"].choices = LeadershipVisit.Kind.choices
