
import django_filters
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms

from cases.forms.base import EditConflictMixin, FilterForm, GdsFormMixin, QuickSelect, textarea
from cases.forms.dates import DateInputField
from organisation import standards
from organisation.models import StaffMember

from .models import FlagPlan


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
                label=label, min_value=1,
                max_value=figure.most or (100 if figure.unit.startswith("%") else 999),
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


class TeamActionsFilter(django_filters.FilterSet):
    """The team's actions by person and overdue, over the people in the manager's line of management (the only
    people offered): the person narrows whose actions are read, overdue the actions themselves (`overdue_on`)."""

    person = django_filters.ModelChoiceFilter(
        label="Person", queryset=StaffMember.objects.none(), empty_label="Everyone", widget=QuickSelect,
        method="by_person",
    )
    overdue = django_filters.BooleanFilter(label="Overdue only", widget=forms.CheckboxInput, method="by_overdue")

    class Meta:
        form = FilterForm

    def __init__(self, data, people, **kwargs):
        super().__init__(data, people, **kwargs)
        self.filters["person"].queryset = people

    def by_person(self, people, name, person):
        return people.filter(pk=person.pk)

    def by_overdue(self, people, name, overdue):
        return people  # whose actions does not change; overdue_on narrows the actions read

    def overdue_on(self, today):
        """`today` when only overdue actions are asked for, else None (every open action)."""
        return today if self.is_valid() and self.form.cleaned_data.get("overdue") else None
