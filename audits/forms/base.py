from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms


class GdsFormMixin:
    """A GOV.UK-styled form whose template supplies the <form> tag; `submit_label` names its button."""

    submit_label = "Save"
    submit_name = "submit"  # distinguishes forms that share a page

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        if self.submit_label:
            self.helper.add_input(Submit(self.submit_name, self.submit_label))


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, member):
        return f"{member} ({member.get_role_display()})"


def textarea(rows=4):
    return forms.Textarea(attrs={"rows": rows})


def not_in_future(day, today, what="The date"):
    if day and day > today:
        raise forms.ValidationError(f"{what} must be today or in the past.")
    return day
