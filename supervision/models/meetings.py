"""Team meetings with agenda, minutes, attendees and actions (W 6, W Appendix 1)."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from organisation.actions import AgreedAction
from organisation.scoping import team_meeting_filter


class TeamMeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(team_meeting_filter(user))

    def minuted(self):
        """What TEAM-MEETING counts: "staff meetings have formal agendas and are fully minuted"."""
        # Minutes of only spaces are not minutes (SPEC 4b), as is_minuted says.
        return self.exclude(minutes__regex=r"^\s*$")


class TeamMeeting(models.Model):
    team = models.ForeignKey("organisation.Team", on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField("date")
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    agenda = models.TextField()
    minutes = models.TextField(blank=True)
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="team_meetings_attended")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = TeamMeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["team", "-held_on"])]

    def __str__(self):
        return f"{self.team} meeting {self.held_on}"

    def get_absolute_url(self):
        return reverse("supervision:meeting", args=[self.pk])

    @property
    def is_minuted(self):
        return bool(self.minutes.strip())


class TeamMeetingAction(AgreedAction):
    """An action agreed in a team meeting (organisation/actions.py): carried to the team's next meeting."""

    agreed_in_label = "Team meeting"
    AGREED_IN_RELATED = ("meeting__team",)
    child = None

    meeting = models.ForeignKey(TeamMeeting, on_delete=models.CASCADE, related_name="actions")

    history = HistoricalRecords()

    class Meta(AgreedAction.Meta):
        pass

    def __str__(self):
        return f"Team meeting action {self.pk}"

    @property
    def agreed_in(self):
        return self.meeting

    @property
    def agreed_by_id(self):
        return self.meeting.chair_id
