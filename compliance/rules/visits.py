"""VISITS and SEEN-ALONE: statutory visits by category, and the child seen alone (W 4)."""
from datetime import date, timedelta

from django.db.models import Case, DateField, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from cases.models import CaseNote, Category, Child, ChronologyEntry

from .base import Rule, latest, working_days_after, working_days_cutoff

Kind = CaseNote.Kind


class StatutoryVisits(Rule):
    """CP and CIN within working days, CLA within weeks, and within a week of a new placement."""

    code = "VISITS"
    CATEGORIES = (Category.CHILD_PROTECTION, Category.LOOKED_AFTER, Category.CHILD_IN_NEED)

    def population(self, today):
        return Child.objects.open().filter(category__in=self.CATEGORIES)

    def breaches(self, today, figures):
        visits = CaseNote.objects.filter(child=OuterRef("pk"), kind=Kind.STATUTORY_VISIT, occurred_on__lte=today)
        placements = ChronologyEntry.objects.filter(
            child=OuterRef("pk"), event_type=ChronologyEntry.EventType.PLACEMENT, occurred_on__lte=today
        )
        children = self.population(today).annotate(
            last_visit=latest(visits, "occurred_on"),
            last_placement=latest(placements, "occurred_on"),
            since=Coalesce("last_visit", "opened_on"),
        )
        # One comparison per child, so the latest visit is read once whatever the category.
        cp_cut = working_days_cutoff(today, figures["cp_working_days"])
        cin_cut = working_days_cutoff(today, figures["cin_working_days"])
        due_cut = Case(
            When(category=Category.CHILD_PROTECTION, then=Value(cp_cut)),
            When(category=Category.CHILD_IN_NEED, then=Value(cin_cut)),
            default=Value(today - timedelta(weeks=figures["cla_weeks"])),
            output_field=DateField(),
        )
        # The latest placement before the deadline with no visit on or after its day: one probe per looked-after
        # child, the latest placement not read twice.
        all_placements = ChronologyEntry.objects.filter(
            event_type=ChronologyEntry.EventType.PLACEMENT, occurred_on__lte=today
        )
        later = all_placements.filter(child=OuterRef("child"), occurred_on__gt=OuterRef("occurred_on"))
        visited = CaseNote.objects.filter(
            child=OuterRef("child"), kind=Kind.STATUTORY_VISIT, occurred_on__lte=today,
            occurred_on__gte=OuterRef("occurred_on"),
        )
        unvisited = all_placements.filter(
            child=OuterRef("pk"), occurred_on__lt=today - timedelta(weeks=figures["cla_new_placement_weeks"]),
        ).filter(~Exists(later), ~Exists(visited))
        return children.filter(Q(since__lt=due_cut) | Q(category=Category.LOOKED_AFTER) & Exists(unvisited))

    def due_on(self, child, today, figures):
        if child.category == Category.CHILD_PROTECTION:
            return working_days_after(child.since, figures["cp_working_days"])
        if child.category == Category.CHILD_IN_NEED:
            return working_days_after(child.since, figures["cin_working_days"])
        due = [child.since + timedelta(weeks=figures["cla_weeks"])]
        if child.last_placement and (child.last_visit is None or child.last_visit < child.last_placement):
            due.append(child.last_placement + timedelta(weeks=figures["cla_new_placement_weeks"]))
        return min(day for day in due if day < today)


class SeenAlone(Rule):
    """Not seen alone at any of the last N visits; a child with fewer visits is not yet in breach."""

    code = "SEEN-ALONE"

    def population(self, today):
        return Child.objects.open().filter(category__in=(Category.CHILD_PROTECTION, Category.LOOKED_AFTER))

    def breaches(self, today, figures):
        visits = CaseNote.objects.filter(child=OuterRef("pk"), occurred_on__lte=today).exclude(kind=Kind.NOTE)
        n = figures["visits"]
        nth_latest = Subquery(visits.order_by("-occurred_on", "-pk").values("occurred_on")[n - 1:n])
        # None seen alone on or after the Nth latest <=> the latest seen alone (if any) is before it:
        # one comparison, so each subquery runs once per child (no N-th visit: NULL, not in breach).
        last_alone = latest(visits.filter(seen_alone=True), "occurred_on")
        return (
            self.population(today)
            .annotate(since=nth_latest, last_alone=last_alone)
            .filter(since__gt=Coalesce("last_alone", Value(date.min)))
        )

    def due_on(self, child, today, figures):
        return child.since
