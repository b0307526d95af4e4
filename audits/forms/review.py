"""The manager practice review form: a judgement and evidence per W Appendix 1 theme."""
from crispy_forms_gds.layout import HTML, Button, Div, Field, Layout, Size
from django import forms

from .. import themes
from ..models import Judgement, ManagerPracticeReview
from .base import EditConflictMixin, GdsFormMixin, textarea


def _include(template, **variables):
    # Constant template strings naming context variables: entered text is never compiled as a template.
    args = " ".join(f"{name}={value}" for name, value in variables.items())
    return HTML('{% include "' + template + '" with ' + args + " %}")


class ReviewForm(EditConflictMixin, GdsFormMixin, forms.ModelForm):
    """Save as a draft at any point; completing needs every theme judged with its evidence."""

    any_change_conflicts = True
    submit_label = ""

    class Meta:
        model = ManagerPracticeReview
        fields = ["agreed_actions"]
        widgets = {"agreed_actions": textarea(6)}

    def __init__(self, *args, completing=False, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.completing = completing
        answers = answers or {}
        sections = []
        for n, theme in enumerate(themes.THEMES, 1):
            saved = answers.get(theme.code)
            self.fields[f"judgement_{theme.code}"] = forms.ChoiceField(
                label=f'Your judgement<span class="govuk-visually-hidden"> on {theme.title}</span>',
                choices=Judgement.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=saved.judgement if saved else "",
            )
            self.fields[f"evidence_{theme.code}"] = forms.CharField(
                label=f'Evidence<span class="govuk-visually-hidden"> for {theme.title}</span>',
                help_text="What you saw, read or heard that supports your judgement.",
                required=False,
                widget=textarea(3),
                initial=saved.evidence if saved else "",
            )
            sections.append(self._section(n, theme))
        self.helper.layout = Layout(
            *sections,
            Field.textarea("agreed_actions", label_size=Size.MEDIUM, label_tag="h2", rows=6),
            Div(
                Button.primary("complete", "Complete the review"),
                Button.secondary("save", "Save as draft"),
                css_class="govuk-button-group",
            ),
        )

    @staticmethod
    def _section(n, theme):
        return Div(
            HTML(f'<h2 class="govuk-heading-m" id="theme-{theme.code}">{n}. {theme.title}</h2>'),
            Div(
                Div(
                    _include("audits/includes/theme_wording.html", theme=f"themes.{theme.code}"),
                    css_class="govuk-grid-column-two-thirds",
                ),
                Div(
                    _include("audits/includes/evidence.html", facts=f"evidence.{theme.code}",
                             heading='"What the system holds"'),
                    css_class="govuk-grid-column-one-third",
                ),
                css_class="govuk-grid-row",
            ),
            Field.radios(f"judgement_{theme.code}", legend_size=Size.SMALL, small=True),
            Field.textarea(f"evidence_{theme.code}", rows=3),
            HTML('<hr class="govuk-section-break govuk-section-break--l govuk-section-break--visible">'),
        )

    def clean(self):
        cleaned = super().clean()
        if not self.completing:
            return cleaned
        for theme in themes.THEMES:
            if not cleaned.get(f"judgement_{theme.code}"):
                self.add_error(f"judgement_{theme.code}", f"Judge “{theme.title}”: acceptable or unacceptable.")
            if not cleaned.get(f"evidence_{theme.code}", "").strip():
                self.add_error(f"evidence_{theme.code}", f"Give your evidence for “{theme.title}”.")
        return cleaned

    def answers(self):
        """{theme code: (judgement, evidence)} as entered."""
        return {
            theme.code: (
                self.cleaned_data[f"judgement_{theme.code}"], self.cleaned_data[f"evidence_{theme.code}"].strip()
            )
            for theme in themes.THEMES
        }
