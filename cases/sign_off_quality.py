"""Sign-off quality over time (K 4: evidence of "support and challenge").

For the work of a practitioner, a team or a service decided in a period: how many pieces of work had their
first decision then, how many of those were signed off at that first decision ("first time"), and the grades
the managers gave across every decision. One grouped query for any number of people; the drill-down lists the
decisions behind the figures with the same query.
"""
from dataclasses import dataclass, field
from datetime import datetime, time

from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from .models import AssessmentVersion, Grade

Status = AssessmentVersion.Status


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def decisions(start, end):
    """Versions decided (signed off or returned) from `start` up to but not including `end` (dates), each marked
    `first` when no earlier version of the same work had been decided."""
    earlier = AssessmentVersion.objects.filter(
        assessment=OuterRef("assessment"), number__lt=OuterRef("number"), decided_at__isnull=False
    )
    return (
        AssessmentVersion.objects.filter(
            status__in=[Status.SIGNED_OFF, Status.RETURNED], decided_at__gte=_midnight(start),
            decided_at__lt=_midnight(end),
        )
        .annotate(first=~Exists(earlier))
    )


@dataclass
class Quality:
    first_decisions: int = 0  # pieces of work decided for the first time
    first_time: int = 0  # of those, signed off at that first decision
    grades: dict = field(default_factory=lambda: dict.fromkeys(Grade.values, 0))  # over every decision

    @property
    def decided(self):
        return sum(self.grades.values())

    @property
    def rate(self):
        """% signed off first time, or None with nothing decided for the first time."""
        return round(100 * self.first_time / self.first_decisions) if self.first_decisions else None

    @property
    def grade_list(self):
        return [(label, self.grades[value]) for value, label in Grade.choices]

    def add(self, grade, status, first, n):
        self.grades[grade] = self.grades.get(grade, 0) + n
        if first:
            self.first_decisions += n
            self.first_time += n if status == Status.SIGNED_OFF else 0


def quality_by(versions, key):
    """{key value: Quality} over `versions` (from `decisions()`), grouped by `key` (e.g. "author"), in one query."""
    rows = versions.values(key, "grade", "status", "first").annotate(n=Count("pk")).order_by()
    qualities = {}
    for row in rows:
        qualities.setdefault(row[key], Quality()).add(row["grade"], row["status"], row["first"], row["n"])
    return qualities


def total(qualities):
    """One Quality adding up several."""
    whole = Quality()
    for quality in qualities:
        whole.first_decisions += quality.first_decisions
        whole.first_time += quality.first_time
        for grade, n in quality.grades.items():
            whole.grades[grade] = whole.grades.get(grade, 0) + n
    return whole
