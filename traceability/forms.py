from django import forms
from django.contrib.auth.forms import SetPasswordForm

from cases.forms.base import GdsForm
from cases.models import Child
from organisation.models import StaffMember

from .models import DisposalRecord, LegalHold


class AccessLogFilterForm(GdsForm, forms.Form):
    """Who looked at a child's record, or what a user looked at: one of the two."""

    submit_label = "Show the access log"

    child = forms.CharField(
        label="Child's local identifier", required=False, max_length=20,
        help_text="Who has looked at this child's record (including disposed records).",
    )
    user = forms.CharField(label="Username", required=False, max_length=150, help_text="What this user has looked at.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_method = "get"

    def clean_child(self):
        local_id = self.cleaned_data["child"].strip()
        if not local_id:
            return None
        pk = Child.objects.filter(local_id=local_id).values_list("pk", flat=True).first()
        if pk is None:
            pk = DisposalRecord.objects.filter(local_id=local_id).values_list("child_pk", flat=True).first()
        if pk is None:
            raise forms.ValidationError("No child has that local identifier")
        return {"pk": pk, "local_id": local_id}

    def clean_user(self):
        username = self.cleaned_data["user"].strip()
        if not username:
            return None
        user = StaffMember.objects.filter(username=username).first()
        if user is None:
            raise forms.ValidationError("No user has that username")
        return user

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("child")) == bool(data.get("user")):
            raise forms.ValidationError("Enter either a child's local identifier or a username")
        return data


class LegalHoldForm(GdsForm, forms.Form):
    submit_label = "Place a legal hold"
    submit_name = "hold"

    local_id = forms.CharField(label="Child's local identifier", max_length=20)
    reason = forms.CharField(
        label="Reference", max_length=200,
        help_text="The legal case, inquiry or request number. Do not write names or case details.",
    )

    def clean_local_id(self):
        child = Child.objects.filter(local_id=self.cleaned_data["local_id"].strip()).first()
        if child is None:
            raise forms.ValidationError("No child has that local identifier")
        if LegalHold.objects.active().filter(child=child).exists():
            raise forms.ValidationError("This child's record is already under a legal hold")
        return child


class SetPasswordLinkForm(GdsForm, forms.Form):
    """An administrator issues a one-time link with which a staff member sets a new password."""

    submit_label = "Create a set-password link"

    username = forms.CharField(label="Username", max_length=150)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        member = StaffMember.objects.filter(username=username, is_active=True).first()
        if member is None:
            raise forms.ValidationError("No active staff member has that username")
        return member


class NewPasswordForm(GdsForm, SetPasswordForm):
    submit_label = "Set my password"
