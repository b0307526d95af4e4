"""Staff and teams, changed by an administrator in the service's own GOV.UK pages."""
import re

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


SWE_NUMBER = re.compile(r"^SW\d{1,10}$")


class StaffForm(_GovukModelForm):
    """A joiner's or a mover's account and place in the service, and when they started in post (SPEC 4b).

    A leaver is deactivated on their own page (people/), once their work is reallocated; here an account is
    only reactivated.
    """

    started_in_post = DateInputField(
        label="Started in this post", required=False,
        help_text="Supervision, appraisal and observation are due from this date. Leave empty if not known: "
                  "they are then due now.",
    )
    date_qualified = DateInputField(
        label="Qualified since", required=False,
        help_text="The date they qualified as a social worker: newly qualified for 12 months from it. "
                  "Leave empty if they are not a social worker.",
    )

    class Meta:
        model = StaffMember
        fields = ["first_name", "last_name", "username", "email", "role", "team", "line_manager", "started_in_post",
                  "fte", "swe_number", "date_qualified", "agency_worker", "hr_designated", "is_active"]
        labels = {
            "is_active": "Can sign in", "fte": "Full-time equivalent (FTE)", "agency_worker": "Agency worker",
            "hr_designated": "HR-designated: reads every member of staff's support record",
        }
        help_texts = {
            "username": "Letters, digits and @ . + - _ only.",
            "is_active": "Tick to reactivate the account.",
            "fte": "For example, 1 for full time or 0.8 for four days a week.",
            "swe_number": "For example, SW12345. Leave empty if they are not registered.",
            "hr_designated": "",
        }
        widgets = {
            "fte": forms.TextInput(attrs={"class": "govuk-input govuk-input--width-4", "inputmode": "decimal"}),
            "swe_number": forms.TextInput(attrs={"class": "govuk-input govuk-input--width-10"}),
        }

    def adjust_fields(self):
        if self.instance.pk is None or self.instance.is_active:
            del self.fields["is_active"]  # a leaver's work is reallocated first, on their own page
        for name in ("first_name", "last_name", "email"):
            self.fields[name].required = True
        self.fields["team"].queryset = Team.objects.select_related("service")
        self.fields["team"].empty_label = "No team"
        self.fields["line_manager"].queryset = StaffMember.objects.managers().filter(is_active=True)
        self.fields["line_manager"].empty_label = "None"

    def clean_swe_number(self):
        number = (self.cleaned_data["swe_number"] or "").strip().upper()
        if number and not SWE_NUMBER.match(number):
            raise forms.ValidationError("Enter a Social Work England number like SW12345")
        return number or None  # several staff may have none; unique only when given

    def clean_date_qualified(self):
        qualified = self.cleaned_data["date_qualified"]
        if qualified and qualified > timezone.localdate():
            raise forms.ValidationError("The date qualified must be today or in the past")
        return qualified

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
