"""VISITS and SEEN-ALONE: statutory visits by category, and the child seen alone (W 4)."""
from datetime import timedelta

from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from cases.models import CaseNote, Category, Child, ChronologyEntry
from organisation.working_days import add_working_days

from .base import Rule, latest, working_days_cutoff

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
        unvisited_placement = Q(last_placement__lt=today - timedelta(weeks=figures["cla_new_placement_weeks"])) & (
            Q(last_visit__isnull=True) | Q(last_visit__lt=F("last_placement"))
        )
        return children.filter(
            Q(category=Category.CHILD_PROTECTION, since__lt=working_days_cutoff(today, figures["cp_working_days"]))
            | Q(category=Category.CHILD_IN_NEED, since__lt=working_days_cutoff(today, figures["cin_working_days"]))
            | Q(category=Category.LOOKED_AFTER)
            & (Q(since__lt=today - timedelta(weeks=figures["cla_weeks"])) | unvisited_placement)
        )

    def due_on(self, child, today, figures):
        if child.category == Category.CHILD_PROTECTION:
            return add_working_days(child.since, figures["cp_working_days"])
        if child.category == Category.CHILD_IN_NEED:
            return add_working_days(child.since, figures["cin_working_days"])
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
        seen_alone_since = visits.filter(seen_alone=True, occurred_on__gte=OuterRef("since"))
        return self.population(today).annotate(since=nth_latest).filter(since__isnull=False).filter(
            ~Exists(seen_alone_since)
        )

    def due_on(self, child, today, figures):
        return child.since
