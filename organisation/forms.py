from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms
from django.contrib.auth.forms import AuthenticationForm

from cases.forms.base import GdsForm

from .models import StaffMember


class LoginForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.add_input(Submit("submit", "Sign in"))


class DigestFrequencyForm(GdsForm, forms.ModelForm):
    """How often a person's own flags digest is emailed: daily, or weekly on Mondays."""

    class Meta:
        model = StaffMember
        fields = ["digest_frequency"]
        widgets = {"digest_frequency": forms.RadioSelect}
