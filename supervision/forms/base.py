from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms


class GdsFormMixin:
    """A GOV.UK-styled form whose template supplies the <form> tag; `submit_label` names its button."""

    submit_label = "Save"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        generic = forms.Field.default_error_messages["required"]
        for field in self.fields.values():
            # GOV.UK error messages say what to do ("Enter goals for..."), not "This field is required."
            if field.required and field.label and field.error_messages["required"] == generic:
                verb = "Select" if isinstance(field, forms.ChoiceField) else "Enter"
                field.error_messages["required"] = f"{verb} {field.label[0].lower()}{field.label[1:]}"
        self.helper = FormHelper()
        self.helper.form_tag = False
        # A distinct id per form: the session page shows several forms at once.
        self.helper.add_input(Submit("submit", self.submit_label, css_id=f"{type(self).__name__.lower()}-submit"))


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, member):
        return f"{member} ({member.get_role_display()})"


def textarea(rows=4):
    return forms.Textarea(attrs={"rows": rows})
