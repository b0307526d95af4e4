"""CHRON-MISSING, CHRON-STALE, SUMMARY, CLA-DOCS: what must be on the child's record (W 4)."""
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce

from cases.models import Category, Child, ChronologyEntry, Document, ManagerMeeting
from organisation.working_days import add_working_days

from .base import Rule, cutoff, latest, working_days_cutoff


def _months_cutoff(today, months):
    return cutoff(today, lambda start: start + months, today - months)


class ChronologyMissing(Rule):
    code = "CHRON-MISSING"

    def population(self, today):
        return Child.objects.open()

    def breaches(self, today, figures):
        entries = ChronologyEntry.objects.filter(child=OuterRef("pk"))
        return self.population(today).filter(
            ~Exists(entries), opened_on__lt=working_days_cutoff(today, figures["working_days"])
        )

    def due_on(self, child, today, figures):
        return add_working_days(child.opened_on, figures["working_days"])


class ChronologyStale(Rule):
    """Stale when the latest entry is too old, or older than a conference, court hearing or court order."""

    code = "CHRON-STALE"

    def population(self, today):
        return Child.objects.open().filter(Exists(ChronologyEntry.objects.filter(child=OuterRef("pk"))))

    def breaches(self, today, figures):
        children = self.population(today).annotate(
            last_entry=latest(ChronologyEntry.objects.filter(child=OuterRef("pk")), "occurred_on"),
            last_meeting=latest(ManagerMeeting.objects.filter(child=OuterRef("pk"), held_on__lt=today), "held_on"),
            last_order=latest(
                Document.objects.filter(child=OuterRef("pk"), kind=Document.Kind.COURT_ORDER, dated__lt=today),
                "dated",
            ),
        )
        return children.filter(
            Q(last_entry__lt=today - timedelta(days=figures["days"]))
            | Q(last_meeting__gt=F("last_entry"))
            | Q(last_order__gt=F("last_entry"))
        )

    def due_on(self, child, today, figures):
        stale_from = child.last_entry + timedelta(days=figures["days"])
        missed = [day for day in (child.last_meeting, child.last_order) if day and day > child.last_entry]
        return min([*missed, stale_from] if stale_from < today else missed)


class QuarterlySummary(Rule):
    code = "SUMMARY"

    def population(self, today):
        # Early help is not statutory casework: no quarterly summary on file (W 4).
        return Child.objects.open().exclude(category=Category.EARLY_HELP)

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

    def population(self, today):
        return Child.objects.open().filter(category=Category.LOOKED_AFTER)

    def breaches(self, today, figures):
        documents = Document.objects.filter(child=OuterRef("pk"))
        months = relativedelta(months=figures["photo_months"])
        children = self.population(today).annotate(
            last_photo=latest(documents.filter(kind=Document.Kind.PHOTO), "dated"),
            has_certificate=Exists(documents.filter(kind=Document.Kind.BIRTH_CERTIFICATE)),
        )
        return children.filter(
            Q(last_photo__isnull=True) | Q(last_photo__lt=_months_cutoff(today, months)) | Q(has_certificate=False)
        )

    def due_on(self, child, today, figures):
        if child.last_photo is None or not child.has_certificate:
            return child.opened_on
        return child.last_photo + relativedelta(months=figures["photo_months"])
