from datetime import timedelta

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.db.models import Q

from cases.forms.base import EditConflictMixin, GdsFormMixin, QuickSelect, textarea
from cases.forms.dates import DateInputField
from organisation import standards
from organisation.models import StaffMember, Team

from .models import FlagPlan


class FlagFilterForm(forms.Form):
    """The flags list's filters; every choice is already within the user's scope."""

    AGES = [("", "Any"), ("7", "Over a week"), ("30", "Over 30 days"), ("90", "Over 90 days")]
    STATUSES = [("open", "Open"), ("resolved", "Resolved")]

    status = forms.ChoiceField(choices=STATUSES, required=False)
    rule = forms.ChoiceField(label="Standard", required=False)
    team = forms.ModelChoiceField(queryset=Team.objects.none(), required=False, empty_label="All", widget=QuickSelect)
    worker = forms.ModelChoiceField(
        queryset=StaffMember.objects.none(), required=False, empty_label="All", widget=QuickSelect
    )
    age = forms.ChoiceField(label="Standard last met", choices=AGES, required=False)
    child = forms.IntegerField(required=False, widget=forms.HiddenInput)
    staff = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = [("", "All")] + [(d.code, f"{d.code}: {d.title}") for d in standards.DEFINITIONS]
        self.fields["team"].queryset = Team.objects.visible_to(user)
        self.fields["worker"].queryset = StaffMember.objects.visible_to(user).practitioners().filter(is_active=True)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.add_input(Submit("filter", "Filter", css_class="govuk-button--secondary"))

    def apply(self, flags, today):
        data = self.cleaned_data
        flags = flags.filter(resolved_at__isnull=data["status"] != "resolved")
        if data["rule"]:
            flags = flags.filter(rule=data["rule"])
        if data["team"]:
            flags = flags.filter(team=data["team"])
        if data["worker"]:
            flags = flags.filter(Q(child__worker=data["worker"]) | Q(staff=data["worker"]))
        if data["age"]:
            flags = flags.filter(due_since__lt=today - timedelta(days=int(data["age"])))
        if data["child"]:
            flags = flags.filter(child_id=data["child"])
        if data["staff"]:
            flags = flags.filter(staff_id=data["staff"])
        return flags


class StandardForm(EditConflictMixin, forms.Form):
    """A standard's figures and whether it is checked; fields follow its definition in standards.py.

    Two administrators changing one standard at once: the second is shown the first's figures.
    """

    any_change_conflicts = True

    enabled = forms.BooleanField(
        label="Check this standard", required=False,
        help_text="When unticked, the worker raises no flags for it and resolves those open.",
    )

    def __init__(self, *args, standard, definition, **kwargs):
        self.instance, self.definition = standard, definition
        self.helper = FormHelper()
        # The server's messages, in the error summary, rather than the browser's.
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(Submit("submit", "Save standard"))
        super().__init__(*args, **kwargs)
        for figure in definition.figures:
            label = f"{figure.label} ({figure.unit})"
            self.fields[figure.name] = forms.IntegerField(
                label=label, min_value=1, max_value=100 if figure.unit.startswith("%") else 999,
                help_text="A local-practice figure: set your council's own." if figure.local else "",
                widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-4"}),
            )

    def compared_with(self, change, fields):
        yield self.fields["enabled"].label, change.enabled, self.cleaned_data["enabled"]
        for figure in self.definition.figures:
            theirs = change.values.get(figure.name, standards.defaults(self.definition.code)[figure.name])
            yield self.fields[figure.name].label, theirs, self.cleaned_data.get(figure.name)


class FlagPlanForm(GdsFormMixin, forms.ModelForm):
    """What will be done about a flag and by when; the flag stays open until the standard is met."""

    submit_label = "Save the plan"
    form_tag = True

    plan_by = DateInputField(label="Done by", help_text="For example, 27 3 2027")

    class Meta:
        model = FlagPlan
        fields = ["text", "plan_by"]
        widgets = {"text": textarea()}

    def __init__(self, *args, today, **kwargs):
        self.today = today
        super().__init__(*args, **kwargs)

    def clean_plan_by(self):
        plan_by = self.cleaned_data["plan_by"]
        if plan_by < self.today:
            raise forms.ValidationError("Done by must be today or in the future")
        return plan_by


class TeamActionsFilterForm(forms.Form):
    """The team's actions by person and overdue; only people in the manager's line of management are offered."""

    person = forms.ModelChoiceField(
        queryset=StaffMember.objects.none(), required=False, empty_label="Everyone", widget=QuickSelect
    )
    overdue = forms.BooleanField(label="Overdue only", required=False)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.add_input(Submit("filter", "Filter", css_class="govuk-button--secondary"))
