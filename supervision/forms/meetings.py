from django import forms

from cases.forms.dates import DateInputField
from supervision.models import TeamMeeting, TeamMeetingAction

from .base import EditConflictMixin, GdsFormMixin, StaffChoiceField, textarea


class StaffMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, member):
        return f"{member} ({member.get_role_display()})"


class TeamMeetingForm(EditConflictMixin, GdsFormMixin, forms.ModelForm):
    submit_label = "Save the team meeting"

    held_on = DateInputField(label="Date")

    class Meta:
        model = TeamMeeting
        fields = ["held_on", "chair", "agenda", "minutes", "attendees"]
        widgets = {"agenda": textarea(5), "minutes": textarea(10), "attendees": forms.CheckboxSelectMultiple}
        field_classes = {"chair": StaffChoiceField, "attendees": StaffMultipleChoiceField}
        help_texts = {"minutes": "Add the minutes after the meeting; a meeting counts once it is minuted."}

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = members
        self.fields["attendees"].queryset = members


class MeetingActionForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Add the action"

    due_on = DateInputField(label="Due by")

    class Meta:
        model = TeamMeetingAction
        fields = ["what", "owner", "due_on"]
        widgets = {"what": textarea(2)}
        field_classes = {"owner": StaffChoiceField}

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members
