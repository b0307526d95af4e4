"""The audit form: one radio group and comment per W 4 checklist item, the evidence beside each."""
from crispy_forms_gds.layout import HTML, Button, Div, Field, Layout, Size
from django import forms

from cases.models import Category, Grade

from .. import checklist
from ..models import Answer, CaseFileAudit
from .base import EditConflictMixin, GdsFormMixin, textarea


def _evidence(code):
    # A constant template string naming a context variable: record content is never compiled as a template.
    return HTML('{% include "audits/includes/evidence.html" with facts=evidence.' + code + " %}")


class AuditForm(EditConflictMixin, GdsFormMixin, forms.ModelForm):
    """Save as a draft with any rows answered; completing needs every row, a grade, and a comment where not met."""

    any_change_conflicts = True
    submit_label = ""

    class Meta:
        model = CaseFileAudit
        fields = ["grade", "strengths", "areas_for_improvement"]
        widgets = {"grade": forms.RadioSelect, "strengths": textarea(4), "areas_for_improvement": textarea(4)}

    def __init__(self, *args, completing=False, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.completing = completing
        answers = answers or {}
        looked_after = self.instance.child.category == Category.LOOKED_AFTER
        self.fields["grade"].choices = Grade.choices
        self.fields["grade"].required = False
        rows = []
        for n, item in enumerate(checklist.ITEMS, 1):
            saved = answers.get(item.code)
            default = Answer.NOT_APPLICABLE if item.looked_after_only and not looked_after else ""
            self.fields[f"answer_{item.code}"] = forms.ChoiceField(
                label=f"{n}. {item.label}",
                help_text=f"W 4: “{item.wording}”",
                choices=Answer.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=saved.answer if saved else default,
            )
            self.fields[f"comment_{item.code}"] = forms.CharField(
                label=f'Comment<span class="govuk-visually-hidden"> on {item.label}</span>',
                required=False,
                widget=textarea(2),
                initial=saved.comment if saved else "",
            )
            self.fields[f"reason_{item.code}"] = forms.CharField(
                label=f'If not met, why no corrective action is needed<span class="govuk-visually-hidden"> for '
                      f'{item.label}</span>',
                help_text="Leave empty if you add a corrective action for this item (save as a draft, then add "
                          "it from the audit's page).",
                required=False,
                widget=textarea(2),
                initial=saved.no_action_reason if saved else "",
            )
            rows.append(self._row(item))
        self.order_fields([name for name in self.fields if name.startswith(("answer_", "comment_", "reason_"))])
        # A self-check is not graded: the overall grade is a manager's judgement of someone else's file.
        self_check = self.instance.is_self_check
        if self_check:
            del self.fields["grade"]
        self.helper.layout = Layout(
            *rows,
            HTML(f'<h2 class="govuk-heading-l">{"Summary" if self_check else "Overall judgement"}</h2>'),
            *([] if self_check else [Field.radios("grade", legend_size=Size.MEDIUM, small=True)]),
            Field.textarea("strengths", label_size=Size.SMALL, rows=4),
            Field.textarea("areas_for_improvement", label_size=Size.SMALL, rows=4),
            Div(
                Button.primary("complete", "Complete the self-check" if self_check else "Complete the audit"),
                Button.secondary("save", "Save as draft"),
                css_class="govuk-button-group",
            ),
        )

    @staticmethod
    def _row(item):
        return Div(
            Div(
                Div(
                    Field.radios(f"answer_{item.code}", legend_size=Size.MEDIUM, legend_tag="h2", small=True),
                    Field.textarea(f"comment_{item.code}", rows=2),
                    Field.textarea(f"reason_{item.code}", rows=2),
                    css_class="govuk-grid-column-one-half",
                ),
                Div(_evidence(item.code), css_class="govuk-grid-column-one-half"),
                css_class="govuk-grid-row",
            ),
            HTML('<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">'),
        )

    def clean(self):
        cleaned = super().clean()
        if not self.completing:
            return cleaned
        for item in checklist.ITEMS:
            answer = cleaned.get(f"answer_{item.code}")
            if not answer:
                self.add_error(f"answer_{item.code}", f"Answer “{item.label}”: met, not met or not applicable.")
            elif answer == Answer.NOT_MET and not cleaned.get(f"comment_{item.code}", "").strip():
                self.add_error(f"comment_{item.code}", f"Say what is missing for “{item.label}”.")
        # Each item not met is followed up: a corrective action for it, or the reason none is needed.
        answers = {item.code: (cleaned.get(f"answer_{item.code}"), "") for item in checklist.ITEMS}
        for item in self.instance.items_without_follow_up(answers, self.reasons()):
            self.add_error(
                f"reason_{item.code}",
                f"“{item.label}” is not met: add a corrective action for it, or say why none is needed.",
            )
        if not cleaned.get("grade") and not self.instance.is_self_check:
            self.add_error("grade", "Choose an overall grade to complete the audit.")
        return cleaned

    def reasons(self):
        """{item code: reason no corrective action is needed} as entered."""
        return {item.code: self.cleaned_data.get(f"reason_{item.code}", "").strip() for item in checklist.ITEMS}

    def answers(self):
        """{item code: (answer, comment)} as entered."""
        return {
            item.code: (self.cleaned_data[f"answer_{item.code}"], self.cleaned_data[f"comment_{item.code}"].strip())
            for item in checklist.ITEMS
        }
