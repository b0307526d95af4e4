"""Writing assessments and plans, and the manager's sign-off (K 4, K 5)."""
from django import forms

from ..models import Assessment, AssessmentVersion, Grade, PlanAction
from ..sign_off import k5_items
from .base import DateInput, EditConflictMixin, GdsForm


class StartAssessmentForm(GdsForm, forms.Form):
    submit_label = "Start drafting"
    kind = forms.ChoiceField(label="What are you writing?", choices=Assessment.Kind.choices, widget=forms.RadioSelect)


class VersionForm(EditConflictMixin, GdsForm, forms.ModelForm):
    submit_label = None  # the template shows "Save draft" and "Submit for sign-off"
    form_tag = False

    class Meta:
        model = AssessmentVersion
        fields = list(AssessmentVersion.CONTENT_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in AssessmentVersion.CONTENT_FIELDS}
        help_texts = {
            "identity": "How the child's identity, ethnicity and culture shape the work.",
            "seen_and_heard": "When the child was seen, spoken to and listened to, and what they said.",
            "child_understanding": "What the child understands about why they have a social worker.",
            "life_story": "Life-story work, where relevant. Leave empty if not relevant.",
            "lived_experience": "A day in the child's life: what it is like to be them.",
            "analysis": "Holistic analysis of need across the child's development, parenting and environment.",
        }


class PlanActionForm(forms.ModelForm):
    class Meta:
        model = PlanAction
        fields = ["what", "who", "by_when", "how_measured"]
        widgets = {
            "what": forms.TextInput(attrs={"class": "govuk-input"}),
            "who": forms.TextInput(attrs={"class": "govuk-input govuk-input--width-20"}),
            "by_when": DateInput(attrs={"class": "govuk-input govuk-input--width-10"}),
            "how_measured": forms.TextInput(attrs={"class": "govuk-input"}),
        }


PlanActionFormSet = forms.inlineformset_factory(
    AssessmentVersion, PlanAction, form=PlanActionForm, extra=2, can_delete=True
)


class SignOffForm(GdsForm, forms.Form):
    """The manager's grade, K 5 checklist and rationale; decide() holds the rules."""

    submit_label = "Record decision"
    grade = forms.ChoiceField(
        label="Quality of the work",
        choices=Grade.choices,
        widget=forms.RadioSelect,
        help_text="Good or outstanding signs it off. Requires improvement or inadequate returns it to the author.",
    )
    life_story_not_relevant_reason = forms.CharField(
        label="If life-story work is not relevant, why not?", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    feedback = forms.CharField(
        label="Rationale and feedback for the author",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,  # checked by decide(), so its message matches the other rules
    )

    def __init__(self, *args, kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = k5_items(kind)
        checklist = {field: forms.BooleanField(label=label, required=False) for field, label in self.items}
        # The checklist comes first, in K 5 order.
        self.fields = {**checklist, **self.fields}

    def affirmations(self):
        return {field: self.cleaned_data.get(field, False) for field, _ in self.items}
