"""Writing assessments, plans and the other work a manager signs off, and the manager's sign-off (K 4, K 5)."""
from django import forms

from ..models import Assessment, AssessmentVersion, Grade, PlanAction, SignOffSetting
from ..sign_off import ALWAYS_SIGNED_OFF, configuration, items_offered, k5_items
from .base import DateInput, EditConflictMixin, GdsForm
from .dates import DateInputField

# What the one section of a document kind is called, and what goes in it.
BODY = {
    Assessment.Kind.COURT_STATEMENT: ("The statement", "The social work evidence for the court, in full."),
    Assessment.Kind.COURT_CHRONOLOGY: ("The chronology", "Dated events, most significant first, as filed with the "
                                       "court."),
    Assessment.Kind.QUARTERLY_SUMMARY: ("The summary", "The last three months: what has changed for the child and "
                                        "why."),
    Assessment.Kind.CP_CONFERENCE_REPORT: ("The report", "Your report to the child protection conference."),
    Assessment.Kind.CLA_REVIEW_REPORT: ("The report", "Your report to the looked-after review."),
    Assessment.Kind.CLOSURE_SUMMARY: ("The closure summary", "Why the case can close, what has changed for the "
                                      "child, and who will support them now. The case closes when your manager "
                                      "signs it off."),
}


class StartAssessmentForm(GdsForm, forms.Form):
    submit_label = "Start drafting"
    kind = forms.ChoiceField(label="What are you writing?", choices=Assessment.Kind.choices, widget=forms.RadioSelect)
    meeting_date = DateInputField(
        label="Date of the meeting", required=False,
        help_text="For a report to a child protection conference or looked-after review. For example, 27 3 2026",
    )

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        if not child.is_open:
            self.fields["kind"].choices = [
                (value, label) for value, label in Assessment.Kind.choices if value not in Assessment.CLOSURE_KINDS
            ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") in Assessment.MEETING_KINDS and not cleaned.get("meeting_date"):
            if "meeting_date" not in self.errors:
                self.add_error("meeting_date", "Enter the date of the meeting the report is for")
        return cleaned


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        assessment = self.instance.assessment
        for name in AssessmentVersion.CONTENT_FIELDS:
            if name not in assessment.content_fields:
                del self.fields[name]
        if "body" in self.fields:
            label, help_text = BODY[assessment.kind]
            self.fields["body"].label, self.fields["body"].help_text = label, help_text
            self.fields["body"].widget.attrs["rows"] = 12


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


class SignOffSettingForm(GdsForm, forms.ModelForm):
    """One kind of work: whether it needs sign-off and which K 5 items the manager affirms."""

    submit_label = "Save"
    items = forms.MultipleChoiceField(
        label="What the manager affirms before signing off", required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = SignOffSetting
        fields = ["needs_sign_off", "items"]
        labels = {"needs_sign_off": "A manager signs this work off"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.instance.kind
        self.fields["items"].choices = items_offered(kind)
        self.fields["items"].initial = list(configuration(kind)[1])
        if kind in ALWAYS_SIGNED_OFF:
            # Assessments and plans count only once signed off; a closure summary's sign-off closes the case.
            del self.fields["needs_sign_off"]
        else:
            self.fields["needs_sign_off"].help_text = (
                "Untick to let the author file it without sign-off. The K 5 items are then not asked."
            )
