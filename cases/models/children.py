"""Children and their allocation (SPEC section 2, Child; K 2, W 3)."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from organisation.scoping import child_filter

from .. import nhs_number


class Category(models.TextChoices):
    EARLY_HELP = "EH", "Early Help / Family First"
    CHILD_IN_NEED = "CIN", "Child in Need"
    CHILD_PROTECTION = "CP", "Child Protection"
    LOOKED_AFTER = "CLA", "Child Looked After"
    CARE_LEAVER = "CL", "Care Leaver"


class Gender(models.TextChoices):
    # CIN census codes
    MALE = "1", "Male"
    FEMALE = "2", "Female"
    NOT_RECORDED = "0", "Not recorded or unborn"
    INDETERMINATE = "9", "Indeterminate"


class Ethnicity(models.TextChoices):
    # DfE ethnicity codes, as in the CIN census and SSDA903
    WBRI = "WBRI", "White British"
    WIRI = "WIRI", "White Irish"
    WIRT = "WIRT", "Traveller of Irish heritage"
    WOTH = "WOTH", "Any other White background"
    WROM = "WROM", "Gypsy/Roma"
    MWBC = "MWBC", "White and Black Caribbean"
    MWBA = "MWBA", "White and Black African"
    MWAS = "MWAS", "White and Asian"
    MOTH = "MOTH", "Any other mixed background"
    AIND = "AIND", "Indian"
    APKN = "APKN", "Pakistani"
    ABAN = "ABAN", "Bangladeshi"
    AOTH = "AOTH", "Any other Asian background"
    BCRB = "BCRB", "Caribbean"
    BAFR = "BAFR", "African"
    BOTH = "BOTH", "Any other Black background"
    CHNE = "CHNE", "Chinese"
    OOTH = "OOTH", "Any other ethnic group"
    REFU = "REFU", "Refused"
    NOBT = "NOBT", "Information not yet obtained"


class ChildQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(child_filter(user))

    def open(self):
        return self.filter(closed_on__isnull=True)


class Child(models.Model):
    local_id = models.CharField("local identifier", max_length=20, unique=True)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(db_index=True)
    nhs_number = models.CharField(
        "NHS number", max_length=10, blank=True, db_index=True, validators=[nhs_number.validate],
        help_text="10 digits, no spaces.",
    )
    gender = models.CharField(max_length=1, choices=Gender.choices, default=Gender.NOT_RECORDED)
    ethnicity = models.CharField(max_length=4, choices=Ethnicity.choices, default=Ethnicity.NOBT)
    category = models.CharField("category of involvement", max_length=3, choices=Category.choices)
    opened_on = models.DateField("case opened")
    closed_on = models.DateField("case closed", null=True, blank=True)
    # What the statutory returns say of the child, held so the Annex A lists can be filled from Oversight.
    died_on = models.DateField("date of death", null=True, blank=True)
    disabilities = models.CharField(
        max_length=60, blank=True,
        help_text="DfE disability codes, space-separated (NONE: no disability; YES: one, the return not saying which).",
    )
    primary_need = models.CharField("primary need", max_length=2, blank=True, help_text="DfE code N0 to N9.")
    # SSDA903's UASC table: the child was an unaccompanied asylum-seeking child, until this date if it is given.
    uasc = models.BooleanField("unaccompanied asylum-seeking child", default=False)
    uasc_ceased_on = models.DateField("ceased to be UASC", null=True, blank=True)
    # The current allocation, kept in step with the open Allocation row by
    # allocate(); stored here because every scoped query filters on it.
    team = models.ForeignKey("organisation.Team", on_delete=models.PROTECT, related_name="children")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="caseload"
    )
    reviewing_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children_reviewed",
        help_text="Independent reviewing officer or child protection chair.",
    )

    objects = ChildQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "children"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=models.F("opened_on")),
                name="child_closed_after_opened",
            )
        ]

    def __str__(self):
        # An identifier, never a name: this string can reach logs.
        return self.local_id

    def get_absolute_url(self):
        return reverse("child", args=[self.pk])

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def is_open(self):
        return self.closed_on is None

    def age(self, today):
        years = today.year - self.date_of_birth.year
        return years - ((today.month, today.day) < (self.date_of_birth.month, self.date_of_birth.day))


class AllocationQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_on__isnull=True)

    def awaiting_acknowledgement(self):
        """Current allocations to a worker who has not yet confirmed what is required and by when."""
        return self.current().filter(worker__isnull=False, acknowledged_at__isnull=True)


class Allocation(models.Model):
    """One period of a child's allocation to a team and worker (K 2, W 3)."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="allocations")
    team = models.ForeignKey("organisation.Team", on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="allocations"
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.TextField("purpose of allocation", blank=True)
    expectations = models.TextField(
        "expectations of the intervention", blank=True, help_text="Including the purpose of home visits."
    )
    contingency = models.TextField("contingency if expectations cannot be met", blank=True)
    complete_by = models.DateField("work to be completed by", null=True, blank=True)
    # Free text from before K 2's timescales were asked as a date; kept as it was written, never asked again.
    timescale = models.CharField("timescales (as first written)", max_length=200, blank=True)
    suited_because = models.TextField(
        "why the worker has the skills and knowledge for this work", blank=True,
    )
    over_capacity_justification = models.TextField(
        blank=True, help_text="Why the worker takes this case beyond their capacity (K 2)."
    )
    acknowledged_at = models.DateTimeField(
        "worker confirmed they understand what is required and by when", null=True, blank=True
    )

    objects = AllocationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"], condition=models.Q(ended_on__isnull=True), name="one_open_allocation_per_child"
            )
        ]

    def __str__(self):
        return f"{self.child} from {self.started_on}"

    def awaits_acknowledgement_by(self, user):
        """The allocated worker has not yet confirmed what is required of them and by when (K 2)."""
        return self.ended_on is None and self.acknowledged_at is None and self.worker_id == user.pk
