"""The dashboards' filters (service, team, category of involvement, worker) and the scope they describe.

Every dashboard, drill-down and CSV reads through one `Scope`, so a figure,
the list behind it and its export always agree. The choices offered are
already within the user's scope; a value outside it fails validation and is
ignored, so the scope can only narrow.
"""
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

import django_filters
from django import forms
from django.db.models import Q

from cases.forms.base import FilterForm, QuickSelect
from cases.models import Category, Child
from organisation import standards
from organisation.models import Service, StaffMember, Team

from ..models import SubjectKind


@dataclass
class Scope:
    # A Team queryset within the user's scope (Team.objects.visible_to): the dashboards' flags are scoped through
    # it with Flag.objects.about_any, the parts of visible_to (visible_to's union nested in this one plans badly).
    teams: object
    category: str = ""
    worker: StaffMember | None = None

    @cached_property
    def team_ids(self):
        """A list, not a subquery: `team_id IN (1, 2)` lets PostgreSQL start from the team index."""
        return list(self.teams.values_list("pk", flat=True))

    def applies_to(self, rule):
        """A category is about children only; a worker about their children and themselves."""
        if self.category:
            return rule.subject == SubjectKind.CHILD
        if self.worker:
            return rule.subject in (SubjectKind.CHILD, SubjectKind.STAFF)
        return True

    def subjects(self, rule, queryset):
        """`queryset` (of the rule's subjects) narrowed to the scope."""
        if rule.subject == SubjectKind.TEAM:
            return queryset.filter(pk__in=self.team_ids)
        queryset = queryset.filter(team__in=self.team_ids)
        if rule.subject == SubjectKind.CHILD:
            if self.category:
                queryset = queryset.filter(category=self.category)
            if self.worker:
                queryset = queryset.filter(worker=self.worker)
        elif self.worker:
            queryset = queryset.filter(pk=self.worker.pk)
        return queryset

    def flags(self, flags):
        """Flags whose subject is now in the scope (its team today, not when the flag was raised)."""
        teams = self.team_ids
        children = Child.objects.filter(team__in=teams)
        if self.category:
            children = children.filter(category=self.category)
        if self.worker:
            children = children.filter(worker=self.worker)
        staff = StaffMember.objects.filter(team__in=teams)
        if self.worker:
            staff = staff.filter(pk=self.worker.pk)
        narrowed = self.category or self.worker
        return flags.about_any(children=children, staff=staff, teams=None if narrowed else teams)

    def query(self):
        """The filters as URL parameters, for links to the lists behind a figure."""
        return {
            key: value for key, value in (("category", self.category), ("worker", self.worker and self.worker.pk))
            if value
        }


class TeamFilter(django_filters.FilterSet):
    """Service and team: what the kept monthly snapshots can be narrowed by."""

    service = django_filters.ModelChoiceFilter(
        label="Service", queryset=Service.objects.none(), empty_label="All", widget=QuickSelect
    )
    team = django_filters.ModelChoiceFilter(
        label="Team", queryset=Team.objects.none(), empty_label="All", widget=QuickSelect
    )

    class Meta:
        form = FilterForm

    def __init__(self, data, queryset, *, user, **kwargs):
        # Always bound (an empty QueryDict included): the scope applies with no filter chosen.
        super().__init__(data, queryset, **kwargs)
        self.user = user
        self.visible_teams = Team.objects.visible_to(user)
        self.filters["service"].queryset = Service.objects.filter(pk__in=self.visible_teams.values("service"))
        self.filters["team"].queryset = self.visible_teams.select_related("service")

    @cached_property
    def data_in_scope(self):
        return self.form.cleaned_data if self.is_valid() else {}

    @property
    def narrowed(self):
        return bool(self.data_in_scope.get("service") or self.data_in_scope.get("team"))

    @cached_property
    def scope(self):
        data = self.data_in_scope
        teams = self.visible_teams
        if data.get("service"):
            teams = teams.filter(service=data["service"])
        if data.get("team"):
            teams = teams.filter(pk=data["team"].pk)
        return Scope(teams=teams, category=data.get("category") or "", worker=data.get("worker"))

    def filter_queryset(self, queryset):
        return self.scope.flags(queryset)


class DashboardFilter(TeamFilter):
    """Service, team, category of involvement and worker: what the live figures can be narrowed by."""

    category = django_filters.ChoiceFilter(
        label="Category of involvement", choices=Category.choices, empty_label="All"
    )
    worker = django_filters.ModelChoiceFilter(
        label="Worker", queryset=StaffMember.objects.none(), empty_label="All", widget=QuickSelect
    )

    def __init__(self, data, queryset, *, user, **kwargs):
        super().__init__(data, queryset, user=user, **kwargs)
        self.filters["worker"].queryset = StaffMember.objects.visible_to(user).filter(
            is_active=True, team__in=self.visible_teams.values("pk")
        ).practitioners()


class TeamChoiceForm(FilterForm):
    submit_label = "Show team"

    team = forms.ModelChoiceField(queryset=Team.objects.none(), empty_label=None)

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class BreachFilter(DashboardFilter):
    """The drill-down from a figure: the same filters, and a sortable list."""

    sort = django_filters.OrderingFilter(
        label="Sort by",
        empty_label="Longest in breach first",
        fields=(
            ("due_since", "since"),
            ("team__name", "team"),
            ("child__last_name", "name"),
            ("child__worker__last_name", "worker"),
        ),
        field_labels={"since": "Standard last met", "team": "Team", "name": "Child's name", "worker": "Worker"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # django-filter's CSV select is not recognised by the GOV.UK template pack, so style it here.
        self.filters["sort"].field.widget.attrs["class"] = "govuk-select"

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return self.filters["sort"].filter(queryset, self.data_in_scope.get("sort"))


class FlagFilter(django_filters.FilterSet):
    """The flags list's filters: open unless resolved ones are asked for; every choice within the user's scope."""

    AGES = [("7", "Over a week"), ("30", "Over 30 days"), ("90", "Over 90 days")]

    status = django_filters.ChoiceFilter(
        choices=[("resolved", "Resolved")], empty_label="Open", method="by_status"
    )
    rule = django_filters.ChoiceFilter(label="Standard", empty_label="All")
    team = django_filters.ModelChoiceFilter(
        queryset=Team.objects.none(), empty_label="All", widget=QuickSelect
    )
    worker = django_filters.ModelChoiceFilter(
        queryset=StaffMember.objects.none(), empty_label="All", widget=QuickSelect, method="by_worker"
    )
    age = django_filters.ChoiceFilter(label="Standard last met", choices=AGES, empty_label="Any", method="by_age")
    child = django_filters.NumberFilter(field_name="child_id", widget=forms.HiddenInput)
    staff = django_filters.NumberFilter(field_name="staff_id", widget=forms.HiddenInput)

    class Meta:
        form = FilterForm

    def __init__(self, data, queryset, *, user, today, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.today = today
        self.filters["rule"].extra["choices"] = [(d.code, f"{d.code}: {d.title}") for d in standards.DEFINITIONS]
        self.filters["team"].queryset = Team.objects.visible_to(user)
        self.filters["worker"].queryset = StaffMember.objects.visible_to(user).practitioners().filter(is_active=True)

    def filter_queryset(self, queryset):
        # Open flags unless the resolved ones are chosen: the status filter runs only when it has a value.
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.filter(resolved_at__isnull=True)
        return super().filter_queryset(queryset)

    def by_status(self, flags, name, value):
        return flags.filter(resolved_at__isnull=False)

    def by_worker(self, flags, name, worker):
        return flags.filter(Q(child__worker=worker) | Q(staff=worker))

    def by_age(self, flags, name, days):
        return flags.filter(due_since__lt=self.today - timedelta(days=int(days)))
