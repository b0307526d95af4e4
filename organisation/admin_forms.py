"""Staff and teams, changed by an administrator in the service's own GOV.UK pages."""
from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.utils import timezone

from cases.forms.base import EditConflictMixin

from .models import StaffMember, Team


class _GovukModelForm(EditConflictMixin, forms.ModelForm):
    """Rendered by the GOV.UK template pack; required-field messages say what to do; never a silent overwrite."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("submit", self.submit_label))
        super().__init__(*args, **kwargs)
        self.adjust_fields()
        for field in self.fields.values():
            if field.required and field.label:
                verb = "Select" if isinstance(field, forms.ChoiceField) else "Enter"
                field.error_messages["required"] = f"{verb} {field.label[0].lower()}{field.label[1:]}"

    def adjust_fields(self):
        """Choices, requiredness and labels beyond the model's, before the messages are written."""


class StaffForm(_GovukModelForm):
    """A staff member's account and place in the service, and when they started in post (SPEC 4b)."""

    started_in_post = DateInputField(
        label="Started in this post", required=False,
        help_text="Supervision, appraisal and observation are due from this date. Leave empty if not known: "
                  "they are then due now.",
    )

    class Meta:
        model = StaffMember
        fields = ["first_name", "last_name", "username", "email", "role", "team", "line_manager", "started_in_post",
                  "fte", "is_active"]
        labels = {"is_active": "Can sign in", "fte": "Full-time equivalent (FTE)"}
        help_texts = {
            "username": "Letters, digits and @ . + - _ only.",
            "is_active": "Untick to deactivate the account: they are signed out at once and their records stay.",
            "fte": "For example, 1 for full time or 0.8 for four days a week.",
        }
        widgets = {"fte": forms.TextInput(attrs={"class": "govuk-input govuk-input--width-4", "inputmode": "decimal"})}

    def adjust_fields(self):
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True
        self.fields["team"].queryset = Team.objects.select_related("service")
        self.fields["team"].empty_label = "No team"
        self.fields["line_manager"].queryset = StaffMember.objects.managers().filter(is_active=True)
        self.fields["line_manager"].empty_label = "None"

    def clean(self):
        cleaned = super().clean()
        member = self.instance
        if cleaned.get("line_manager") and member.pk and cleaned["line_manager"].pk == member.pk:
            self.add_error("line_manager", "Select someone else as line manager: nobody manages themselves")
        return cleaned

    def save(self, commit=True):
        member = super().save(commit=False)
        if not member.pk:
            # Set by the council's sign-on or by a password reset, never typed here.
            member.set_unusable_password()
        elif {"team", "role"} & set(self.changed_data):
            member.start_changed_role(timezone.localdate())
        if commit:
            member.save()
        return member


class TeamForm(_GovukModelForm):
    class Meta:
        model = Team
        fields = ["name", "service", "manager", "complex_work"]
        labels = {"name": "Team name", "complex_work": "The team does complex work (for example assessment)"}

    def adjust_fields(self):
        self.fields["manager"].queryset = StaffMember.objects.team_managers().filter(is_active=True)
        self.fields["manager"].empty_label = "No manager yet"
