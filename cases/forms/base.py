"""GOV.UK-styled forms: the one base every app's forms use."""
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.core.validators import MaxLengthValidator
from django.db import IntegrityError, transaction
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from organisation import writes

from .dates import limit_dates

# Free text (a TextField has no limit of its own): far more than anyone writes, far less than a request can carry.
TEXT_LIMIT = 20_000


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
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = TEXT_LIMIT
                field.validators.append(MaxLengthValidator(TEXT_LIMIT))
        limit_dates(self, past_only=getattr(self, "past_date_fields", ()),
                    years_ahead=getattr(self, "years_ahead_fields", None), **self.child_limit())
        self.helper = FormHelper()
        self.helper.form_tag = self.form_tag
        # Validated on the server, with the GOV.UK error summary, never by the browser's own bubbles.
        self.helper.attrs = {"novalidate": ""}
        if self.submit_label:
            # A distinct id per form: some pages show several forms at once.
            self.helper.add_input(
                Submit(self.submit_name, self.submit_label, css_id=f"{type(self).__name__.lower()}-submit")
            )


    def child_limit(self):
        """An entry on a child's record cannot be dated before the child was born."""
        instance = getattr(self, "instance", None)
        if getattr(instance, "child_id", None) is None:
            return {}
        return {"earliest": instance.child.date_of_birth, "earliest_reason": "the child's date of birth"}


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


class FilterForm(forms.Form):
    """A filter form in the GOV.UK style, sent with GET so a filtered page (and its CSV) has its own address.

    Every list's django-filter FilterSet uses it (Meta.form); `submit_label` names its button.
    """

    submit_label = "Filter"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.attrs = {"novalidate": ""}
        self.helper.add_input(Submit("filter", self.submit_label, css_class="govuk-button--secondary"))


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


class EditConflictMixin:
    """An edit form that never silently overwrites: it carries the version it was read at.

    `save_if_current()` saves only if nobody changed this form's fields since; otherwise
    the form gets an error naming who changed them and when, `conflict` lists their
    values beside yours, and the version moves on so that saving again is a choice.
    A form whose questions are also kept in other rows (an audit's answers) sets
    `any_change_conflicts`: then any save of the record since counts.
    """

    any_change_conflicts = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["read_version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, initial=writes.version_of(self.instance)
        )
        self.helper.render_hidden_fields = True  # forms with a crispy layout list only their visible fields
        self.conflict = []

    def clean(self):
        cleaned = super().clean()
        self.read_version = cleaned.pop("read_version", None)
        # Every page renders the field; a post without it (a script, not a person) is not checked.
        self.checks_version = self.add_prefix("read_version") in self.data
        return cleaned

    def _tracked_fields(self):
        model_fields = {f.name: f for f in self.instance._meta.concrete_fields}
        return [model_fields[name] for name in self.fields if name in model_fields]

    def save_if_current(self, save=None):
        """Save (or call `save()`) in one transaction unless the record changed meanwhile; True if saved.

        A first save that loses a race to another (a unique row per parent) is a conflict
        too, where the form says how to find the row saved meanwhile (`saved_meanwhile()`).
        """
        fields = self._tracked_fields()
        try:
            with transaction.atomic():
                change = None
                if self.instance.pk is not None and self.checks_version:
                    compared = None if self.any_change_conflicts else [f.attname for f in fields]
                    change = writes.change_since(self.instance, self.read_version, compared)
                if change is None:
                    (save or self.save)()
                    return True
        except IntegrityError:
            if self.instance.pk is not None or not hasattr(self, "saved_meanwhile"):
                raise
            change = self.saved_meanwhile().history.first()
        self._show_conflict(change, fields)
        return False

    def compared_with(self, change, fields):
        """(question, their value, your value) for each of this form's questions, against `change`."""
        for field in fields:
            yield self.fields[field.name].label or field.verbose_name, getattr(change, field.name), \
                self.cleaned_data.get(field.name)

    def _show_conflict(self, change, fields):
        who = change.history_user or "Someone"
        when = timezone.localtime(change.history_date)
        self.add_error(
            None,
            f"{who} changed this on {when:%-d %B %Y} at {when:%H:%M} while you were editing it. "
            "Nothing you typed is lost: compare their version with yours below, "
            "then save again to keep yours.",
        )
        self.conflict = [(label, theirs, yours) for label, theirs, yours in self.compared_with(change, fields)
                         if theirs != yours]
        data = self.data.copy()
        data[self.add_prefix("read_version")] = change.history_id
        self.data = data
