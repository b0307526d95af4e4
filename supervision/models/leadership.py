"""Visible leadership (W 6): directors and heads of service visit offices, attend team meetings and hold briefings."""
from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from simple_history.models import HistoricalRecords

from organisation.scoping import leadership_visit_filter


class LeadershipVisitQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Visits to a team the user oversees, kept by a director or head of service (none for anyone else)."""
        return self.filter(leadership_visit_filter(user)).distinct()


class LeadershipVisit(models.Model):
    class Kind(models.TextChoices):
        OFFICE_VISIT = "office_visit", "Office visit"
        TEAM_MEETING = "team_meeting", "Team meeting attended"
        BRIEFING = "briefing", "Briefing or engagement session"

    held_on = models.DateField("date")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    teams = models.ManyToManyField("organisation.Team", related_name="leadership_visits")
    note = models.TextField()
    leader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="leadership_visits")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = LeadershipVisitQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["-held_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.held_on}"


def leadership_by_team(teams, start, end):
    """[[team name, office visits, team meetings attended, briefings], ...] held from `start` to `end` inclusive.

    One query; a team with none shows zeros, so a team no leader has visited stands out (W 6).
    """
    in_month = Q(leadership_visits__held_on__gte=start, leadership_visits__held_on__lte=end)
    counts = {
        kind: Count("leadership_visits", filter=in_month & Q(leadership_visits__kind=kind), distinct=True)
        for kind in LeadershipVisit.Kind.values
    }
    rows = teams.order_by("name").annotate(**counts).values_list("name", *LeadershipVisit.Kind.values)
    return [list(row) for row in rows]
