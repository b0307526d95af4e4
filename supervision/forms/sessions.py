from crispy_forms_gds.layout import Submit
from django import forms

from cases.forms.dates import DateInputField
from supervision.models import AgendaItem, PersonalSection, SupervisionSession

from .base import EditConflictMixin, GdsFormMixin, textarea


class ChildChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, child):
        return f"{child.full_name} ({child.local_id}, {child.get_category_display()})"


class StartSessionForm(GdsFormMixin, forms.Form):
    submit_label = "Start session"

    date = DateInputField(label="Date of the session", help_text="A later date plans the session.")
    children = ChildChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Children to discuss",
        help_text="Each child picked gets a case discussion, filed on their record when you complete the session.",
    )

    def __init__(self, *args, children, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["children"].queryset = children


class AgendaItemForm(GdsFormMixin, forms.ModelForm):
    submit_label = "Add to the agenda"

    class Meta:
        model = AgendaItem
        fields = ["text"]
        labels = {"text": "Add an agenda item"}
        error_messages = {"text": {"required": "Enter the agenda item"}}


class NotesForm(EditConflictMixin, GdsFormMixin, forms.ModelForm):
    submit_label = "Save my notes"

    class Meta:
        model = SupervisionSession
        fields = ["preparation", "reflection"]
        widgets = {"preparation": textarea(), "reflection": textarea()}
        help_texts = {
            "preparation": "What you want to bring: progress, worries, what you need.",
            "reflection": "After the session: what you learned and what you will do differently.",
        }


class RecordForm(EditConflictMixin, GdsFormMixin, forms.ModelForm):
    submit_label = "Save the record"

    date = DateInputField(label="Date of the session")

    class Meta:
        model = SupervisionSession
        fields = ["date", "record"]
        widgets = {"record": textarea(10)}
        help_texts = {
            "record": "Management, support and development: what was discussed and agreed. Case discussions and "
            "the personal section are recorded separately."
        }


class PersonalSectionForm(EditConflictMixin, GdsFormMixin, forms.ModelForm):
    submit_label = "Save the personal section"

    class Meta:
        model = PersonalSection
        fields = list(PersonalSection.FIELDS)
        widgets = {name: textarea(3) for name in PersonalSection.FIELDS}

    def saved_meanwhile(self):
        """The section another first save created while this one was being typed."""
        return PersonalSection.objects.get(session=self.instance.session_id)


class CancelForm(GdsFormMixin, forms.Form):
    submit_label = "Cancel the session"

    reason = forms.CharField(
        label="Why is the session cancelled?", widget=textarea(3),
        error_messages={"required": "Enter why the session is cancelled"},
    )


class AcknowledgeForm(GdsFormMixin, forms.Form):
    """Acknowledge the record, or only comment on it: two buttons on one form."""

    submit_label = "Acknowledge the record"

    comment = forms.CharField(
        label="Your comment (optional)",
        required=False,
        widget=textarea(3),
        help_text="If something is missing or you see it differently, say so here.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.add_input(
            Submit("comment_only", "Comment without acknowledging", css_class="govuk-button--secondary")
        )

    @property
    def comment_only(self):
        return "comment_only" in self.data

    def clean(self):
        cleaned = super().clean()
        if self.comment_only and not cleaned.get("comment"):
            self.add_error("comment", "Enter your comment")
        return cleaned
