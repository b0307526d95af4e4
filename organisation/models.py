"""Services, teams and the staff who work in them (SPEC section 2, Organisation)."""
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Cast, Coalesce, Round
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .working_days import first_day


class Role(models.TextChoices):
    SOCIAL_WORKER = "social_worker", "Social worker"
    SENIOR_PRACTITIONER = "senior_practitioner", "Senior practitioner"
    # Not a registered social worker, but holds a caseload and is supervised under the same standards (issue 20).
    FAMILY_HELP_PRACTITIONER = "family_help_practitioner", "Family help lead practitioner"
    TEAM_MANAGER = "team_manager", "Team manager"
    HEAD_OF_SERVICE = "head_of_service", "Head of service"
    DIRECTOR = "director", "Director"
    IRO = "iro", "Independent reviewing officer"
    ADMINISTRATOR = "administrator", "Administrator"


PRACTITIONER_ROLES = (Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER, Role.FAMILY_HELP_PRACTITIONER)
MANAGER_ROLES = (Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.DIRECTOR)
AUDITOR_ROLES = (*MANAGER_ROLES, Role.IRO)  # who audits case files (W 4)

# "Newly qualified" lasts 12 months from qualifying (W 5.2); the default of SUP-FREQ's configured
# `newly_qualified_months`, which a council sets to 24 when it moves to the early career programme.
NEWLY_QUALIFIED_FOR = relativedelta(months=12)


def newly_qualified_for(months=None):
    """The newly-qualified period: `months` as read already, else the configured figure."""
    if months is None:
        from .standards import figure

        months = figure("SUP-FREQ", "newly_qualified_months")
    return relativedelta(months=months)


def newly_qualified(today, months=None):
    """StaffMember.is_newly_qualified(today) as a query: months clamp at month ends, so the first
    qualifying day is searched for rather than subtracted."""
    period = newly_qualified_for(months)
    qualified_from = first_day(lambda d: today < d + period, today - period)
    return models.Q(date_qualified__lte=today, date_qualified__gte=qualified_from)

# Practitioner -> senior practitioner -> team manager -> head of service -> director.
LINE_MANAGEMENT_DEPTH = 5


@dataclass(frozen=True)
class Load:
    """A worker's caseload against capacity (CASELOAD, K 2), as `StaffMember.objects.with_caseload()` reads it."""

    open_cases: int
    weighted: Decimal  # the open cases, each at its category's weight
    capacity: int  # whole cases

    @property
    def is_over(self):
        """The CASELOAD breach: more than capacity."""
        return self.weighted > self.capacity

    @property
    def is_full(self):
        """At or over capacity: allocating more needs a reason (K 2)."""
        return self.weighted >= self.capacity

    @property
    def percent(self):
        if not self.capacity:
            return None
        return round(100 * self.weighted / self.capacity)

    @property
    def shown(self):
        """The weighted caseload as people read it: 13, 13.5, 13.25."""
        return f"{self.weighted.normalize():f}"

    def __str__(self):
        weighted = "" if self.weighted == self.open_cases else f" (weighted; {self.open_cases} open)"
        full = " (at or over capacity)" if self.is_full else ""
        return f"{self.shown} of {self.capacity} cases{weighted}{full}"


class StaffQuerySet(models.QuerySet):
    def visible_to(self, user):
        from .scoping import staff_filter

        return self.filter(staff_filter(user))

    # Staff by kind: the roles behind each live in policy.py.
    def practitioners(self):
        from .policy import practitioners_q

        return self.filter(practitioners_q())

    def managers(self):
        from .policy import managers_q

        return self.filter(managers_q())

    def team_managers(self):
        from .policy import team_managers_q

        return self.filter(team_managers_q())

    def reviewing_officers(self):
        from .policy import reviewing_officers_q

        return self.filter(reviewing_officers_q())

    def administrators(self):
        from .policy import administrators_q

        return self.filter(administrators_q())

    def supervised(self):
        """Who is supervised, contracted, appraised and observed: every current member of staff with a line
        manager in Oversight, whatever their role (SPEC 4b; W 5 "every member of staff and their manager")."""
        return self.filter(is_active=True, line_manager__isnull=False)

    def with_caseload(self, today, figures=None):
        """Each member with their caseload against capacity (CASELOAD, K 2): the one place both are computed.

        Annotates `open_cases` (a count), `weighted_cases` (hundredths of a case: each open case at its
        category's configured weight) and `capacity` (whole cases: cases per FTE, the newly-qualified share of
        that while newly qualified, truncated); read them together as `member.load`. `figures` is CASELOAD's,
        when the caller has read them already. Over capacity is `over_capacity()`.
        """
        from .standards import CASE_WEIGHTS
        from .standards import figures as read

        figures = figures or read("CASELOAD")
        # An open case, not the empty row the join gives a member with none (its closed_on is null too).
        open_case = models.Q(caseload__isnull=False, caseload__closed_on__isnull=True)
        weight = models.Case(
            *(models.When(caseload__category=category, then=models.Value(figures[name]))
              for category, name in CASE_WEIGHTS.items()),
            default=models.Value(100), output_field=models.IntegerField(),
        )

        def per_member(aggregate):
            # A subquery each, so a caller's other joins (supervisees, say) cannot multiply the sums.
            own = StaffMember.objects.filter(pk=models.OuterRef("pk")).values("pk")
            return Coalesce(models.Subquery(own.annotate(n=aggregate).values("n")), 0)

        percent = models.Case(
            models.When(newly_qualified(today), then=models.Value(figures["newly_qualified_percent"])),
            default=models.Value(100), output_field=models.IntegerField(),
        )
        # FTE in hundredths times a percentage: ten-thousandths of a case, truncated to whole cases in integers.
        fte = Cast(Round(models.F("fte") * 100), models.IntegerField())
        return self.annotate(
            open_cases=per_member(models.Count("caseload", filter=open_case)),
            weighted_cases=per_member(models.Sum(weight, filter=open_case)),
            capacity=fte * models.Value(figures["cases_per_fte"]) * percent / models.Value(10000),
        )

    def over_capacity(self):
        """Of `with_caseload()`, those whose weighted caseload exceeds their capacity (equal is within it)."""
        return self.filter(weighted_cases__gt=models.F("capacity") * 100)

    def managed_by(self, manager):
        """Staff with `manager` anywhere above them in their line-management chain."""
        chain = models.Q()
        path = "line_manager"
        for _ in range(LINE_MANAGEMENT_DEPTH):
            chain |= models.Q(**{path: manager})
            path += "__line_manager"
        return self.filter(chain)


class TeamQuerySet(models.QuerySet):
    def visible_to(self, user):
        from .scoping import visible_teams

        return self.filter(pk__in=visible_teams(user))


class StaffManager(UserManager.from_queryset(StaffQuerySet)):
    pass


class Service(models.Model):
    name = models.CharField(max_length=100, unique=True)
    head = models.ForeignKey(
        "StaffMember", null=True, blank=True, on_delete=models.SET_NULL, related_name="services_headed"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Team(models.Model):
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=100, unique=True)
    manager = models.ForeignKey(
        "StaffMember", null=True, blank=True, on_delete=models.SET_NULL, related_name="teams_managed"
    )
    complex_work = models.BooleanField(
        "complex work", default=False,
        help_text="For example assessment work, where caseloads change within weeks: its staff are supervised "
                  "more often (W 5.2).",
    )

    objects = TeamQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["service__name", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("team", args=[self.pk])


class DigestFrequency(models.TextChoices):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly, on Mondays"


class StaffMember(AbstractUser):
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.SOCIAL_WORKER)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="members")
    line_manager = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="direct_reports"
    )
    fte = models.DecimalField("FTE", max_digits=3, decimal_places=2, default=1)
    # The workforce census and the SSDA903 social worker table name a worker by this number.
    swe_number = models.CharField("Social Work England number", max_length=12, unique=True, null=True, blank=True)
    agency_worker = models.BooleanField(default=False)
    date_qualified = models.DateField(null=True, blank=True)
    started_in_post = models.DateField(
        "started in post",
        null=True,
        blank=True,
        help_text="Supervision, appraisal and observation are first due from this date; with none they are due now.",
    )
    returning_until = models.DateField(
        "returning or changed role until",
        null=True,
        blank=True,
        help_text="Supervised as a returner or in a changed role until this date (W 5.2).",
    )
    # Sees every restricted support record (K 4, W 5.2); set by an administrator for the council's HR staff.
    hr_designated = models.BooleanField(
        "HR-designated", default=False,
        help_text="Reads every member of staff's support record (concerns about practice, support and HR steps).",
    )
    # How often the flags digest is emailed (compliance/digest.py); the person chooses on their profile.
    digest_frequency = models.CharField(
        "how often to email your digest", max_length=6, choices=DigestFrequency.choices, default=DigestFrequency.DAILY
    )

    objects = StaffManager()
    # Password hashes and sign-in times stay out of the history (sign-ins are in the access log).
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = "staff member"

    def __str__(self):
        return self.get_full_name() or self.username

    def get_absolute_url(self):
        return reverse("staff", args=[self.pk])

    def is_newly_qualified(self, today, months=None):
        """Within the newly-qualified period (configured: 12 months, 24 under the early career programme) since
        qualifying, on `today`."""
        if self.date_qualified is None or self.date_qualified > today:
            return False
        return today < self.date_qualified + newly_qualified_for(months)

    def experience(self, today):
        """Their experience in words, for a manager choosing whom to allocate to (K 2)."""
        if self.date_qualified is None:
            return "qualification date not recorded"
        if self.is_newly_qualified(today):
            return f"newly qualified ({self.date_qualified:%B %Y})"
        years = relativedelta(today, self.date_qualified).years
        return f"qualified {years} year{'s' if years != 1 else ''} ({self.date_qualified:%B %Y})"

    def clock_start(self, last_held):
        """When a standard's clock runs from: the last record, else the start in post (SPEC 4b).

        Never the account's creation: accounts made at go-live would exempt everyone for a year.
        None means due now.
        """
        return last_held or self.started_in_post

    def is_managed_by(self, manager):
        """Whether `manager` is in this staff member's line of management."""
        return StaffMember.objects.managed_by(manager).filter(pk=self.pk).exists()

    @property
    def load(self):
        """Their caseload against capacity, from `StaffMember.objects.with_caseload()`."""
        return Load(self.open_cases, Decimal(self.weighted_cases) / 100, self.capacity)

    def start_changed_role(self, today):
        """A move of team or role: supervised as a changed role (W 5.2) for the configured period from `today`,
        unless an agreed date already runs longer; the manager may then agree another date."""
        from .standards import figure

        until = today + relativedelta(months=figure("SUP-FREQ", "changed_role_months"))
        if self.returning_until is None or self.returning_until < until:
            self.returning_until = until

    def is_returning(self, today):
        return self.returning_until is not None and today <= self.returning_until


class PracticeStandard(models.Model):
    """A configured practice standard (SPEC section 4); definitions live in standards.py."""

    code = models.CharField(max_length=20, unique=True)
    enabled = models.BooleanField(default=True)
    values = models.JSONField(default=dict, help_text="Figure name -> configured value.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return self.code


class StandardChange(models.Model):
    """Who changed which figure of a standard, when, from what to what (never edited)."""

    code = models.CharField(max_length=20)
    field = models.CharField(max_length=50, help_text="A figure's name, or 'enabled'.")
    old_value = models.CharField(max_length=50)
    new_value = models.CharField(max_length=50)
    changed_by = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at"]

    def __str__(self):
        return f"{self.code}.{self.field}"


# Its own module, imported here so Django finds the model.
from .notifications import Notification  # noqa: E402, F401
