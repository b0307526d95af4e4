"""CHRON-MISSING, CHRON-STALE, SUMMARY, CLA-DOCS: what must be on the child's record (W 4)."""
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce

from cases.models import Category, Child, ChronologyEntry, Document, ManagerMeeting

from ..models import Owner
from .base import Rule, cutoff, latest, working_days_after, working_days_cutoff


def _months_cutoff(today, months):
    return cutoff(today, lambda start: start + months, today - months)


class ChronologyMissing(Rule):
    code = "CHRON-MISSING"
    owner = Owner.WORKER

    def population(self, today):
        return Child.objects.open()

    def breaches(self, today, figures):
        entries = ChronologyEntry.objects.filter(child=OuterRef("pk"))
        return self.population(today).filter(
            ~Exists(entries), opened_on__lt=working_days_cutoff(today, figures["working_days"])
        )

    def due_on(self, child, today, figures):
        return working_days_after(child.opened_on, figures["working_days"])


class ChronologyStale(Rule):
    """Stale when the latest entry is too old, or older than the latest significant event (SPEC 4b).

    The significant events are an initial CP conference, a PLO or court hearing, a court order, a placement
    move, a strategy discussion, or any chronology entry marked significant. Those kept as chronology entries
    (placement moves, strategy discussions, court hearings, entries marked significant) update the chronology
    by being recorded; those kept elsewhere on the record (the meetings a manager attends, court orders) need
    an entry on or after their day.
    """

    code = "CHRON-STALE"
    owner = Owner.WORKER
    SIGNIFICANT_MEETINGS = (ManagerMeeting.Kind.INITIAL_CONFERENCE, ManagerMeeting.Kind.PLO_HEARING)
    SIGNIFICANT_DOCUMENTS = (Document.Kind.COURT_ORDER,)

    def population(self, today):
        return Child.objects.open().filter(Exists(ChronologyEntry.objects.filter(child=OuterRef("pk"))))

    def breaches(self, today, figures):
        entries = ChronologyEntry.objects.filter(child=OuterRef("pk"))
        meetings = ManagerMeeting.objects.filter(
            child=OuterRef("pk"), kind__in=self.SIGNIFICANT_MEETINGS, held_on__lt=today
        )
        orders = Document.objects.filter(child=OuterRef("pk"), kind__in=self.SIGNIFICANT_DOCUMENTS, dated__lt=today)
        # Index probes that stop at the first row, not the latest entry read three times: the latest entry too
        # old <=> entries but none since the cut-off; a meeting or order after it <=> one with no entry on or
        # after its day (and an entry at all: the population, asked here rather than by a semi-join over every
        # entry). Correlated EXISTS, not IN: PostgreSQL rescans an IN set larger than work_mem for every child.
        entry_since = ChronologyEntry.objects.filter(child=OuterRef("child"))
        meeting_after = meetings.filter(
            ~Exists(entry_since.filter(occurred_on__gte=OuterRef("held_on"))), Exists(entry_since)
        )
        order_after = orders.filter(
            ~Exists(entry_since.filter(occurred_on__gte=OuterRef("dated"))), Exists(entry_since)
        )
        cut = today - timedelta(days=figures["days"])
        return (
            Child.objects.open()
            .filter(
                Exists(entries.filter(occurred_on__lt=cut)) & ~Exists(entries.filter(occurred_on__gte=cut))
                | Exists(meeting_after)
                | Exists(order_after)
            )
            .annotate(
                last_entry=latest(entries, "occurred_on"),
                last_meeting=latest(meetings, "held_on"),
                last_order=latest(orders, "dated"),
            )
        )

    def due_on(self, child, today, figures):
        stale_from = child.last_entry + timedelta(days=figures["days"])
        missed = [day for day in (child.last_meeting, child.last_order) if day and day > child.last_entry]
        return min([*missed, stale_from] if stale_from < today else missed)


class QuarterlySummary(Rule):
    """Every open case, Early Help included (K: "across Children's Social Care and Family First"); a case is
    first due 3 months after opening."""

    code = "SUMMARY"
    owner = Owner.WORKER

    def population(self, today):
        return Child.objects.open()

    def breaches(self, today, figures):
        summaries = Document.objects.filter(child=OuterRef("pk"), kind=Document.Kind.QUARTERLY_SUMMARY)
        months = relativedelta(months=figures["months"])
        return (
            self.population(today)
            .annotate(since=Coalesce(latest(summaries, "dated"), "opened_on"))
            .filter(since__lt=_months_cutoff(today, months))
        )

    def due_on(self, child, today, figures):
        return child.since + relativedelta(months=figures["months"])


class LookedAfterDocuments(Rule):
    code = "CLA-DOCS"
    owner = Owner.WORKER

    def population(self, today):
        return Child.objects.open().filter(category=Category.LOOKED_AFTER)

    def breaches(self, today, figures):
        documents = Document.objects.filter(child=OuterRef("pk"))
        months = relativedelta(months=figures["photo_months"])
        photos = documents.filter(kind=Document.Kind.PHOTO)
        certificates = documents.filter(kind=Document.Kind.BIRTH_CERTIFICATE)
        # No photo, or the latest before the cut-off <=> no photo on or after it: one index probe each.
        return (
            self.population(today)
            .filter(~Exists(photos.filter(dated__gte=_months_cutoff(today, months))) | ~Exists(certificates))
            .annotate(
                last_photo=latest(photos, "dated"),
                has_certificate=Exists(certificates),
            )
        )

    def due_on(self, child, today, figures):
        if child.last_photo is None or not child.has_certificate:
            return child.opened_on
        return child.last_photo + relativedelta(months=figures["photo_months"])
