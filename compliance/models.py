"""Flags raised against the configured standards, the sweeps that raise them, and monthly snapshots."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from cases.models import Child
from organisation import policy, standards
from organisation.models import StaffMember
from organisation.scoping import visible_teams
from organisation.working_days import add_working_days


class SubjectKind(models.TextChoices):
    CHILD = "child", "Child"
    STAFF = "staff", "Staff member"
    TEAM = "team", "Team"


class Owner(models.TextChoices):
    """Who can put a breach right, relative to the flag's subject (compliance/owners.py resolves it)."""

    WORKER = "worker", "Allocated worker"
    LINE_MANAGER = "line_manager", "Line manager"
    TEAM_MANAGER = "team_manager", "Team manager"
    AUDITOR = "auditor", "Auditor"


class Escalation(models.IntegerChoices):
    NONE = 0, "Not escalated"
    MANAGER = 1, "Escalated to the owner's manager"
    HEAD_OF_SERVICE = 2, "Escalated to the head of service"


def escalation_days(code):
    """(to the owner's manager, to the head of service): working days a flag of `code` stays open before each."""
    figures = settings.FLAG_ESCALATION_WORKING_DAYS
    return figures.get(code, figures["default"])


class FlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def with_owners(self):
        """Each flag with `owner_id`, `owner_manager_id` and `head_id`, derived from its subject now (owners.py)."""
        from .owners import annotate_owners

        return annotate_owners(self)

    def visible_to(self, user):
        """Child flags as the child's record, staff flags as the staff page, team flags as the team."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if policy.sees_everything(user):
            return self.all()  # every child, staff member and team (organisation/scoping.py)
        # Supervision flags come from the personal file, which an administrator never sees.
        staff = None if policy.may_administer(user) else StaffMember.objects.visible_to(user)
        return self.about_any(
            children=Child.objects.visible_to(user), staff=staff, teams=visible_teams(user).values("pk")
        )

    def about_any(self, *, children, staff, teams):
        """Flags whose subject is among `children`, `staff` (querysets) or `teams` (ids); None leaves a kind out.

        How flags are scoped, for visible_to and the dashboards' filter alike. One indexed
        query per kind of subject, united: an OR of the three joins could use no index and
        would read every flag of the authority. Call it after open(), so that each part reads
        open flags only.
        """
        flags = self.order_by().values("pk")
        parts = []
        if children is not None:
            parts.append(flags.filter(kind=SubjectKind.CHILD, child__in=children.values("pk")))
        if staff is not None:
            parts.append(flags.filter(kind=SubjectKind.STAFF, staff__in=staff.values("pk")))
        if teams is not None:
            parts.append(flags.filter(kind=SubjectKind.TEAM, team__in=teams))
        return self.filter(pk__in=parts[0].union(*parts[1:], all=True))

    def about(self, subject):
        """Flags whose subject is `subject` (a Child, StaffMember or Team)."""
        kind = {"child": SubjectKind.CHILD, "staffmember": SubjectKind.STAFF, "team": SubjectKind.TEAM}[
            subject._meta.model_name
        ]
        return self.filter(kind=kind, **{kind.value: subject})


class Flag(models.Model):
    """One breach of a configured standard by one subject, from when it was raised until it is resolved.

    A flag is never reopened: a breach that comes back raises a new flag, so the
    row's raised_at and resolved_at are its history (like healthchecks' Flip).
    """

    rule = models.CharField(max_length=20, help_text="The standard's code, e.g. SUP-FREQ.")
    kind = models.CharField(max_length=5, choices=SubjectKind.choices)
    child = models.ForeignKey("cases.Child", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The subject's team when raised (for a team flag, the subject itself).
    team = models.ForeignKey("organisation.Team", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    due_since = models.DateField(help_text="The last day the standard was met.")
    raised_at = models.DateTimeField()
    resolved_at = models.DateTimeField(null=True, blank=True)
    # Which escalation the daily sweep has told someone of: the level itself is computed (escalation()).
    # A database default too: the sweep's raw INSERT names only the columns it fills.
    escalation_notified = models.PositiveSmallIntegerField(
        choices=Escalation.choices, default=Escalation.NONE, db_default=Escalation.NONE
    )

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["due_since", "rule", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="child", child__isnull=False, staff__isnull=True)
                | Q(kind="staff", staff__isnull=False, child__isnull=True)
                | Q(kind="team", team__isnull=False, child__isnull=True, staff__isnull=True),
                name="flag_has_one_subject_of_its_kind",
            ),
            # One open flag per rule and subject: the sweep inserts with ON CONFLICT DO NOTHING against these.
            models.UniqueConstraint(
                fields=["rule", "child"], condition=Q(resolved_at__isnull=True, kind="child"),
                name="one_open_flag_per_rule_and_child",
            ),
            models.UniqueConstraint(
                fields=["rule", "staff"], condition=Q(resolved_at__isnull=True, kind="staff"),
                name="one_open_flag_per_rule_and_staff",
            ),
            models.UniqueConstraint(
                fields=["rule", "team"], condition=Q(resolved_at__isnull=True, kind="team"),
                name="one_open_flag_per_rule_and_team",
            ),
        ]
        indexes = [
            models.Index(fields=["team", "resolved_at"]),
            models.Index(fields=["raised_at"]),
            # The open flags of the subjects a user may see (visible_to): one index probe per subject.
            models.Index(fields=["child"], condition=Q(resolved_at__isnull=True), name="open_flags_by_child"),
            models.Index(fields=["staff"], condition=Q(resolved_at__isnull=True), name="open_flags_by_staff"),
        ]

    def __str__(self):
        # Identifiers only: this string can reach logs.
        return f"{self.rule} {self.kind} {self.child_id or self.staff_id or self.team_id}"

    @property
    def definition(self):
        return standards.BY_CODE[self.rule]

    @property
    def subject(self):
        return {SubjectKind.CHILD: self.child, SubjectKind.STAFF: self.staff, SubjectKind.TEAM: self.team}[self.kind]

    @property
    def subject_url(self):
        if self.kind == SubjectKind.CHILD:
            return self.child.get_absolute_url()
        if self.kind == SubjectKind.STAFF:
            return self.staff.get_absolute_url()
        return self.team.get_absolute_url()

    @property
    def is_open(self):
        return self.resolved_at is None

    def days_open(self, today):
        """Days since the standard was last met."""
        return (today - self.due_since).days

    def escalates_after(self, level):
        """The last day before `level` applies: its figure in working days after the day the flag was raised."""
        return add_working_days(timezone.localdate(self.raised_at), escalation_days(self.rule)[level - 1])

    def escalation(self, today):
        """How far an open flag has escalated on `today`: past each figure of working days open, one level up."""
        if not self.is_open:
            return Escalation.NONE
        return Escalation(sum(today > self.escalates_after(level) for level in (1, 2)))


class FlagPlan(models.Model):
    """What the flag's owner (or their manager) will do to meet the standard again, and by when.

    A plan never resolves its flag or hides it: the flag stays open and counted until the
    sweep finds the standard met, and a plan whose date has passed shows as overdue.
    """

    flag = models.OneToOneField(Flag, on_delete=models.CASCADE, related_name="plan")
    text = models.TextField("What will be done")
    plan_by = models.DateField("Done by")
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    planned_at = models.DateTimeField()

    history = HistoricalRecords()

    def __str__(self):
        return f"Plan for flag {self.flag_id}"

    def is_overdue(self, today):
        return self.flag.is_open and self.plan_by < today


class SweepRun(models.Model):
    """A full sweep: when it started and finished, and what it changed per rule.

    A run that never finished (its worker was killed) is marked repaired by the next full sweep, which
    checks every rule again; each rule is one transaction, so the killed run left no half-written flags.
    """

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    repaired_at = models.DateTimeField(
        null=True, blank=True, help_text="When a later full sweep, finding this one unfinished, checked all again.",
    )
    counts = models.JSONField(default=dict, help_text="Rule code -> {raised, resolved, open}.")
    parts = models.PositiveIntegerField(
        default=0, help_text="Parts the sweep was split into across the workers; 0 when one process ran it all.",
    )

    class Meta:
        ordering = ["-started_at"]
        get_latest_by = "started_at"

    def __str__(self):
        return f"Sweep {self.started_at:%Y-%m-%d %H:%M}"

    @classmethod
    def last_finished(cls):
        return cls.objects.filter(finished_at__isnull=False).order_by("-finished_at").first()

    @classmethod
    def unfinished(cls):
        """Runs started and neither finished nor yet repaired: running now, or killed."""
        return cls.objects.filter(finished_at__isnull=True, repaired_at__isnull=True)

    def overdue(self, now, limit):
        """Running longer than a task may (`limit`): its worker is gone, not busy."""
        return self.finished_at is None and now - self.started_at > limit


class PendingRecheck(models.Model):
    """A targeted re-check owed after a save: written in the save's own transaction, deleted once done.

    The transactional outbox: a save while the broker is down still leaves its re-check here, and the
    worker drains what is left every minute, so no re-check waits for the next full sweep.
    """

    children = models.JSONField(default=list)
    staff = models.JSONField(default=list)
    teams = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"Re-check {self.pk}"


class Snapshot(models.Model):
    """A team's compliance with one standard in one month, kept for the 12-month trends."""

    month = models.DateField(help_text="The first day of the month.")
    team = models.ForeignKey("organisation.Team", on_delete=models.CASCADE, related_name="+")
    rule = models.CharField(max_length=20)
    population = models.PositiveIntegerField(help_text="Children, staff or teams the standard applies to.")
    breaches = models.PositiveIntegerField()
    taken_at = models.DateTimeField()
    demonstration = models.BooleanField(
        default=False, help_text="Invented by the demo for the trends, not computed from the records."
    )

    class Meta:
        ordering = ["month", "team", "rule"]
        constraints = [
            models.UniqueConstraint(fields=["month", "team", "rule"], name="one_snapshot_per_month_team_rule"),
            models.CheckConstraint(
                condition=Q(breaches__lte=models.F("population")), name="breaches_within_population"
            ),
        ]

    def __str__(self):
        return f"{self.rule} {self.team_id} {self.month:%Y-%m}"


class Digest(models.Model):
    """A person's digest, once sent (`manager` is its recipient, whatever their role): at most one a day, and where
    the next one's "new" begins."""

    manager = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField()
    new_flags = models.PositiveIntegerField()
    long_open_flags = models.PositiveIntegerField()

    class Meta:
        ordering = ["-sent_at"]
        constraints = [models.UniqueConstraint(fields=["manager", "day"], name="one_digest_per_manager_per_day")]

    def __str__(self):
        return f"Digest {self.manager_id} {self.day}"


from .report_models import MonthlyReport  # noqa: E402,F401
