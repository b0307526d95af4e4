"""Filters for the list of audits: every findings figure links here with its own filters."""
from django import forms
from django.utils.formats import date_format

from cases.models import Grade
from organisation.models import Service

from .. import checklist
from ..models import AuditStatus
from .base import GdsFormMixin


class AuditFilterForm(GdsFormMixin, forms.Form):
    submit_label = "Filter audits"

    team = forms.ModelChoiceField(queryset=None, required=False, empty_label="All teams")
    service = forms.ModelChoiceField(queryset=None, required=False, widget=forms.HiddenInput)
    grade = forms.ChoiceField(choices=[("", "Any grade"), *Grade.choices], required=False)
    item = forms.ChoiceField(label="Checklist item not met", choices=[("", "Any"), *checklist.CHOICES], required=False)
    status = forms.ChoiceField(choices=[("", "Any status"), *AuditStatus.choices], required=False)
    overdue = forms.BooleanField(label="Only audits with overdue corrective actions", required=False)
    since = forms.DateField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["service"].queryset = Service.objects.filter(teams__in=teams).distinct()

    def apply(self, audits, today):
        """The audits matching the valid filters; invalid values are ignored."""
        self.is_valid()
        data = self.cleaned_data  # only the fields that validated
        if data.get("team"):
            audits = audits.filter(team=data["team"])
        if data.get("service"):
            audits = audits.filter(team__service=data["service"])
        if data.get("grade"):
            audits = audits.filter(grade=data["grade"])
        if data.get("item"):
            audits = audits.not_meeting(data["item"])
        if data.get("status"):
            audits = audits.filter(status=data["status"])
        if data.get("overdue"):
            audits = audits.with_overdue_actions(today)
        if data.get("since"):
            audits = audits.since(data["since"])
        return audits

    def description(self):
        """The filters applied, in words, e.g. "of Team A, graded good"."""
        data = self.cleaned_data
        parts = []
        if data.get("status"):
            parts.append(AuditStatus(data["status"]).label.lower())
        if data.get("team"):
            parts.append(f"of {data['team']}")
        if data.get("service"):
            parts.append(f"in {data['service']}")
        if data.get("since"):
            parts.append(f"since {date_format(data['since'], 'j F Y')}")
        if data.get("grade"):
            parts.append(f"graded {Grade(data['grade']).label.lower()}")
        if data.get("item"):
            parts.append(f"not meeting “{checklist.BY_CODE[data['item']].label}”")
        if data.get("overdue"):
            parts.append("with overdue corrective actions")
        return ", ".join(parts)
