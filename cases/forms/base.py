from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms


class DateInput(forms.DateInput):
    input_type = "date"


class GdsForm:
    """Renders with the GOV.UK template pack; the template puts the error summary above the heading."""

    submit_label = "Save"
    form_tag = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = self.form_tag
        if self.submit_label:
            self.helper.add_input(Submit("submit", self.submit_label))
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput(attrs={"class": "govuk-input govuk-input--width-10"})


