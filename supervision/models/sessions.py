"""Supervision sessions, their agenda and the personal section (W 3, W 5, W 5.2).

A session, its agenda, notes, record and personal section belong to the
practitioner's personal supervision file: only they and their line-management
chain see them. What reaches the child's record is the case discussions.
"""
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from organisation import writes
from organisation.actions import ActionQuerySet, AgreedAction
from organisation.scoping import personal_file_filter


class Problem(NamedTuple):
    """Why a record cannot be completed yet, and where it is put right (the error summary's link)."""

    text: str
    href: str


class SessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(personal_file_filter(user, prefix="supervisee__"))

    def held(self):
        return self.filter(status=SupervisionSession.Status.HELD)

    def planned(self):
        return self.filter(status=SupervisionSession.Status.PLANNED)

    def awaiting_acknowledgement(self):
        return self.held().filter(acknowledged_at__isnull=True)


class SupervisionSession(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervision_sessions_led"
    )
    supervisee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervision_sessions"
    )
    date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    cancelled_reason = models.TextField("reason for cancelling", blank=True)

    # The supervisee's own notes, before and after the session.
    preparation = models.TextField("my preparation", blank=True)
    reflection = models.TextField("my reflection", blank=True)

    # The supervisor's record; completing it makes the session held.
    record = models.TextField("record of the session", blank=True)
    completed_at = models.DateTimeField("record completed", null=True, blank=True)

    # The supervisee's response to the completed record.
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    supervisee_comment = models.TextField("comment on the record", blank=True)
    commented_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)

    objects = SessionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["supervisee", "status", "-date"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(supervisor=models.F("supervisee")), name="nobody_supervises_themselves"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="cancelled", cancelled_reason=""), name="cancelled_session_has_reason"
            ),
            models.CheckConstraint(
                condition=models.Q(status="held", completed_at__isnull=False)
                | (~models.Q(status="held") & models.Q(completed_at__isnull=True)),
                name="held_means_record_completed",
            ),
            models.CheckConstraint(
                condition=models.Q(acknowledged_at__isnull=True) | models.Q(status="held"),
                name="only_held_records_are_acknowledged",
            ),
        ]

    def __str__(self):
        return f"Supervision {self.supervisee_id} {self.date}"

    def get_absolute_url(self):
        return reverse("supervision:session", args=[self.pk])

    @property
    def is_open(self):
        """Planned: the record is still being written."""
        return self.status == self.Status.PLANNED

    @property
    def awaits_acknowledgement(self):
        return self.status == self.Status.HELD and self.acknowledged_at is None

    def cancel(self, reason):
        """Cancel a planned session; False if it had already been held or cancelled."""
        return writes.transition(
            self, {"status": self.Status.PLANNED}, by=self.supervisor,
            status=self.Status.CANCELLED, cancelled_reason=reason,
        )

    def acknowledge(self, now, comment=""):
        """The supervisee acknowledges the completed record (dated), optionally commenting; once only."""
        fields = {"acknowledged_at": now}
        if comment:
            fields.update(supervisee_comment=comment, commented_at=now)
        awaiting = {"status": self.Status.HELD, "acknowledged_at": None}
        return writes.transition(self, awaiting, by=self.supervisee, **fields)

    def add_comment(self, now, comment):
        """The supervisee comments on the completed record instead of (or before) acknowledging it."""
        return writes.transition(
            self, {"status": self.Status.HELD}, by=self.supervisee, supervisee_comment=comment, commented_at=now
        )

    def completion_problems(self, today):
        """Why the supervisor cannot complete the record yet, each with where to put it right (empty when they can)."""
        problems = []
        if self.date > today:
            problems.append(Problem(
                "The session is planned for a later date; complete the record on or after the day.",
                reverse("supervision:record", args=[self.pk]) + "#id_date_0",
            ))
        if not self.record.strip():
            problems.append(Problem("Write the record of the session.",
                                    reverse("supervision:record", args=[self.pk]) + "#id_record"))
        # The reverse one-to-one, cached on the session: the page reads the same section without another query.
        personal = getattr(self, "personal_section", None) or PersonalSection(session=self)
        for name, label in personal.unanswered():
            problems.append(Problem(
                f"Answer the personal section's question on {label}.",
                reverse("supervision:personal", args=[self.pk]) + f"#id_{name}",
            ))
        for discussion in self.case_discussions.select_related("child"):
            if not discussion.is_filed and discussion.missing_for_filing():
                problems.append(Problem(f"Complete the case discussion about {discussion.child.full_name}.",
                                        reverse("supervision:discussion_edit", args=[discussion.pk])))
        return problems


class AgendaItem(models.Model):
    """Either party adds items before the session: "both parties need an opportunity to prepare" (W 5)."""

    session = models.ForeignKey(SupervisionSession, on_delete=models.CASCADE, related_name="agenda_items")
    text = models.CharField("agenda item", max_length=500)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["added_at", "pk"]

    def __str__(self):
        return f"Agenda item {self.pk}"


class PersonalSectionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(personal_file_filter(user, prefix="session__supervisee__"))


class PersonalSection(models.Model):
    """The personal part of a session (W 3, W 5): in the personal supervision file, never on a child's record."""

    session = models.OneToOneField(SupervisionSession, on_delete=models.CASCADE, related_name="personal_section")
    workload = models.TextField("workload", blank=True)
    wellbeing = models.TextField("wellbeing and support", blank=True)
    risk_to_practitioner = models.TextField("risk to the practitioner", blank=True)
    training_needs = models.TextField("training and development needs", blank=True)
    strengths = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonalSectionQuerySet.as_manager()
    history = HistoricalRecords()

    FIELDS = ("workload", "wellbeing", "risk_to_practitioner", "training_needs", "strengths")
    # Answered before the session is completed (W 3, W 5: workload, well-being, training needs).
    REQUIRED = ("workload", "wellbeing", "training_needs")

    def __str__(self):
        return f"Personal section of session {self.session_id}"

    def unanswered(self):
        """(field name, label) of each required question still empty; whitespace alone is empty (SPEC 4b)."""
        return [
            (name, self._meta.get_field(name).verbose_name)
            for name in self.REQUIRED
            if not getattr(self, name).strip()
        ]

    def rows(self):
        """(label, text) pairs for display."""
        return [(self._meta.get_field(name).verbose_name.capitalize(), getattr(self, name)) for name in self.FIELDS]


class SessionActionQuerySet(ActionQuerySet):
    def visible_to(self, user):
        """In the supervisee's personal supervision file, as the session is."""
        return self.filter(personal_file_filter(user, prefix="session__supervisee__"))


class SessionAction(AgreedAction):
    """An action agreed in a session outside any case discussion (organisation/actions.py): in the supervisee's
    personal file, owned by them or their supervisor, carried to the supervisee's next session."""

    agreed_in_label = "Supervision"
    AGREED_IN_RELATED = ("session",)
    child = None

    session = models.ForeignKey(SupervisionSession, on_delete=models.CASCADE, related_name="actions")

    objects = SessionActionQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta(AgreedAction.Meta):
        pass

    def __str__(self):
        return f"Supervision action {self.pk}"

    @property
    def agreed_in(self):
        return self.session

    @property
    def agreed_by_id(self):
        return self.session.supervisor_id
