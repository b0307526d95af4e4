"""GOV.UK-styled forms: the one base every app's forms use."""
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class GdsFormMixin:
    """A form rendered by the GOV.UK template pack.

    `submit_label` names its button (None for none), `submit_name` tells apart forms
    sharing a page, `form_tag` says whether crispy renders the <form> or the template does.
    """

    submit_label = "Save"
    submit_name = "submit"
    form_tag = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        generic = forms.Field.default_error_messages["required"]
        for field in self.fields.values():
            # GOV.UK error messages say what to do ("Enter the date..."), not "This field is required."
            if field.required and field.label and field.error_messages["required"] == generic:
                verb = "Select" if isinstance(field, forms.ChoiceField) else "Enter"
                field.error_messages["required"] = f"{verb} {field.label[0].lower()}{field.label[1:]}"
        self.helper = FormHelper()
        self.helper.form_tag = self.form_tag
        # Validated on the server, with the GOV.UK error summary, never by the browser's own bubbles.
        self.helper.attrs = {"novalidate": ""}
        if self.submit_label:
            # A distinct id per form: some pages show several forms at once.
            self.helper.add_input(
                Submit(self.submit_name, self.submit_label, css_id=f"{type(self).__name__.lower()}-submit")
            )


class DateInput(forms.DateInput):
    input_type = "date"


class QuickSelect(forms.Select):
    """A select whose options are built in Python, for long lists (every worker in a service).

    Django renders each option through a template, about 0.3 ms apiece.
    """

    def __init__(self, attrs=None, choices=()):
        # Rendered here, not by the GOV.UK template pack, so it takes the GOV.UK class itself.
        super().__init__({"class": "govuk-select", **(attrs or {})}, choices)

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = (
            format_html('<option value="{}" selected>{}</option>', key, label)
            if str(key) in chosen else format_html('<option value="{}">{}</option>', key, label)
            for key, label in self.choices
        )
        return format_html(
            "<select{}>{}</select>", flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})),
            format_html_join("", "{}", ((option,) for option in options)),
        )


class GdsForm(GdsFormMixin):
    """A whole-page form (crispy renders the <form>) with the browser's date picker for dates."""

    form_tag = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DateInput(attrs={"class": "govuk-input govuk-input--width-10"})


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, member):
        return f"{member} ({member.get_role_display()})"


def textarea(rows=4):
    return forms.Textarea(attrs={"rows": rows})
