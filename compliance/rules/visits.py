"""VISITS and SEEN-ALONE: statutory visits by category, and the child seen alone (W 4)."""
from datetime import timedelta

from django.db.models import Case, DateField, Exists, F, OuterRef, Q, Subquery, Value, When, Window
from django.db.models.functions import Coalesce, RowNumber

from cases.models import CaseNote, Category, Child, ChronologyEntry

from ..models import Owner
from .base import Rule, latest, working_days_after, working_days_cutoff

Kind = CaseNote.Kind


class StatutoryVisits(Rule):
    """CP and CIN within working days, CLA within weeks, and within a week of a new placement.

    Only a visit at which the child was seen counts (SPEC 4b).
    """

    code = "VISITS"
    owner = Owner.WORKER
    CATEGORIES = (Category.CHILD_PROTECTION, Category.LOOKED_AFTER, Category.CHILD_IN_NEED)

    def population(self, today):
        return Child.objects.open().filter(category__in=self.CATEGORIES)

    def breaches(self, today, figures):
        seen = CaseNote.objects.filter(kind=Kind.STATUTORY_VISIT, child_seen=True, occurred_on__lte=today)
        visits = seen.filter(child=OuterRef("pk"))
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
        visited = seen.filter(child=OuterRef("child"), occurred_on__gte=OuterRef("occurred_on"))
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
    """A CP or CLA child with a visit, not seen alone at any of the last N visits (or all, if fewer).

    Visits on one day are ordered by when they were recorded (a visit has a date, no time), then by id.
    """

    code = "SEEN-ALONE"
    owner = Owner.WORKER
    LATEST_FIRST = ("-occurred_on", "-recorded_at", "-pk")

    def population(self, today):
        return Child.objects.open().filter(category__in=(Category.CHILD_PROTECTION, Category.LOOKED_AFTER))

    def breaches(self, today, figures):
        visits = CaseNote.objects.filter(occurred_on__lte=today).exclude(kind=Kind.NOTE)
        n = figures["visits"]
        population = self.population(today)
        of_child = visits.filter(child=OuterRef("pk"))
        # Each visit's place among its child's, newest first, counted per child by the child's index: NOT IN
        # over every child seen alone outgrew work_mem at national scale, and PostgreSQL searched it per child.
        latest_first = [F(order.lstrip("-")).desc() for order in self.LATEST_FIRST]
        place = Window(RowNumber(), partition_by=F("child"), order_by=latest_first)
        # The place of a visit where the child was seen alone (NULL otherwise): a plain `seen_alone` filter
        # would be applied before the places are counted, and count only those visits.
        alone_at_last_n = of_child.annotate(alone_place=Case(When(seen_alone=True, then=place))).filter(
            alone_place__lte=n
        )
        oldest_counted = Coalesce(
            Subquery(of_child.order_by(*self.LATEST_FIRST).values("occurred_on")[n - 1:n]),
            Subquery(of_child.order_by("occurred_on", "recorded_at", "pk").values("occurred_on")[:1]),
        )
        return population.filter(Exists(of_child), ~Exists(alone_at_last_n)).annotate(since=oldest_counted)

    def due_on(self, child, today, figures):
        return child.since
