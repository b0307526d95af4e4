"""Filters for the list of audits: every findings figure links here with its own filters."""
import django_filters
from django import forms
from django.utils.formats import date_format

from cases.forms.base import FilterForm
from cases.models import Grade
from organisation.models import Service, Team

from .. import checklist
from ..models import AuditStatus


class AuditFilterForm(FilterForm):
    submit_label = "Filter audits"


class AuditFilter(django_filters.FilterSet):
    """The audits matching the valid filters; a value outside the user's scope or otherwise invalid is ignored."""

    team = django_filters.ModelChoiceFilter(label="Team", queryset=Team.objects.none(), empty_label="All teams")
    service = django_filters.ModelChoiceFilter(
        label="Service", field_name="team__service", queryset=Service.objects.none(), widget=forms.HiddenInput
    )
    grade = django_filters.ChoiceFilter(label="Grade", choices=Grade.choices, empty_label="Any grade")
    item = django_filters.ChoiceFilter(
        label="Checklist item not met", choices=checklist.CHOICES, empty_label="Any", method="by_item"
    )
    status = django_filters.ChoiceFilter(label="Status", choices=AuditStatus.choices, empty_label="Any status")
    overdue = django_filters.BooleanFilter(
        label="Only audits with overdue corrective actions", widget=forms.CheckboxInput, method="by_overdue"
    )
    since = django_filters.DateFilter(label="Since", widget=forms.HiddenInput, method="by_since")

    class Meta:
        form = AuditFilterForm

    def __init__(self, data, queryset, *, teams, today, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.today = today
        self.filters["team"].queryset = teams
        self.filters["service"].queryset = Service.objects.filter(teams__in=teams).distinct()

    def by_item(self, audits, name, item):
        return audits.not_meeting(item)

    def by_overdue(self, audits, name, overdue):
        # An unticked box arrives as False, which django-filter does not treat as empty.
        return audits.with_overdue_actions(self.today) if overdue else audits

    def by_since(self, audits, name, day):
        return audits.since(day)

    def description(self):
        """The filters applied, in words, e.g. "of Team A, graded good"."""
        if not self.is_bound:
            return ""
        self.form.is_valid()  # cleaned_data then holds the fields that validated; the rest are ignored
        data = self.form.cleaned_data
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
