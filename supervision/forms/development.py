from django import forms

from cases.forms.dates import DateInputField
from organisation import standards
from organisation.models import StaffMember
from supervision.frequency import frequency
from supervision.models import Appraisal, Observation, SupervisionContract

from .base import GdsFormMixin, textarea


class ContractForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Record and sign the contract"

    agreed_on = DateInputField(label="Date agreed")
    review_on = DateInputField(label="Review date")

    class Meta:
        model = SupervisionContract
        fields = ["agreed_on", "frequency", "review_on", "arrangements"]
        widgets = {"frequency": forms.RadioSelect, "arrangements": textarea()}

    def __init__(self, *args, staff, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff, self.today = staff, today

    def clean(self):
        cleaned = super().clean()
        agreed_on, review_on = cleaned.get("agreed_on"), cleaned.get("review_on")
        if agreed_on and review_on and review_on <= agreed_on:
            self.add_error("review_on", "The review date must be after the date agreed")
        standard = frequency(self.staff, self.today, agreed=False)
        fortnightly = SupervisionContract.frequency_for(standard) == SupervisionContract.Frequency.FORTNIGHTLY
        if fortnightly and cleaned.get("frequency") == SupervisionContract.Frequency.MONTHLY:
            self.add_error("frequency", f"{self.staff} is supervised {standard.label.lower()} (W 5.2)")
        return cleaned


class ChangedRoleForm(GdsFormMixin, forms.ModelForm):
    """The date a returner's or changed role's fortnightly supervision ends, as the manager agrees it (W 5.2)."""

    submit_label = "Save the date"

    returning_until = DateInputField(
        label="Supervised every 14 days until", required=False,
        help_text="For example, 31 3 2027. Leave empty to end the period today: they are then supervised at "
                  "their usual frequency.",
    )

    class Meta:
        model = StaffMember
        fields = ["returning_until"]

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_returning_until(self):
        until = self.cleaned_data["returning_until"]
        if until and until < self.today:
            raise forms.ValidationError("The date must be today or later; leave it empty to end the period")
        return until


class ObservationForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Record the observation"

    observed_on = DateInputField(label="Date observed")

    class Meta:
        model = Observation
        fields = ["observed_on", "setting", "feedback"]
        widgets = {"setting": forms.RadioSelect, "feedback": textarea(6)}
        help_texts = {"feedback": "What went well and what to develop: observation is a learning activity (K 6)."}

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_observed_on(self):
        observed_on = self.cleaned_data["observed_on"]
        if observed_on and observed_on > self.today:
            raise forms.ValidationError("The date observed must be today or in the past")
        return observed_on


class AppraisalForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Record the appraisal"

    held_on = DateInputField(label="Date of appraisal")

    class Meta:
        model = Appraisal
        fields = ["held_on", "achievements", "goals", "development_needs", "lived_experience_feedback"]
        widgets = {
            name: textarea(5) for name in ["achievements", "goals", "development_needs", "lived_experience_feedback"]
        }
        help_texts = {
            "goals": "One goal a line: each becomes an objective for the year ahead, reviewed in supervision (W 5.2).",
        }

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff, self.observation = staff, None

    def clean_held_on(self):
        # OBSERVATION is a gate: the appraisal draws on an observation in the months before it (W 5.2).
        held_on = self.cleaned_data["held_on"]
        self.observation = self.staff.observations.drawn_on_by(held_on)
        if self.observation is None:
            months = standards.figure("OBSERVATION", "months")
            raise forms.ValidationError(
                f"Record an observation of practice first: none in the {months} months before {held_on:%-d %B %Y}"
            )
        return held_on
