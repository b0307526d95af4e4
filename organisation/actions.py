"""One action tracker: an action agreed in a case discussion, a team meeting or a case file audit.

Every action is one kind of thing, whatever it was agreed in: who (`owner`), what, by when (`due_on`),
done (`done_on`, `done_by`) and how many times it was carried over to the next session or meeting
(`carried`). Each app keeps its actions beside what they were agreed in (supervision's case discussions and
team meetings, audits' corrective actions), as concrete models of `AgreedAction`, so a child's disposal
takes its actions with it and no app imports another; this module holds their one set of fields and
behaviour, and `tracked()` reads them all as one list for the action pages and the home pages.
"""
from django.apps import apps
from django.conf import settings
from django.db import models, transaction

from . import writes


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_on__isnull=True)

    def overdue(self, today):
        """Past its date and not done (ACTIONS, AUDIT-ACTIONS): due today is not yet overdue."""
        return self.open().filter(due_on__lt=today)

    def falling_due(self, until):
        """Open and due on or before `until` (overdue ones included)."""
        return self.open().filter(due_on__lte=until)

    @transaction.atomic
    def carry_over(self, *, by):
        """Carry each open action forward to the next session or meeting, counting it; how many were carried.

        Each is locked, checked still open and saved, so history keeps who carried it and when.
        """
        carried = 0
        for action in self.open().order_by("pk"):
            locked = writes.lock(action, done_on=None)
            if locked is not None:
                locked.carried += 1
                writes.save(locked, by=by)
                carried += 1
        return carried


class AgreedAction(models.Model):
    """What every action is; a concrete model names where it was agreed (`agreed_in`) and by whom."""

    # Where it was agreed, as people read it ("Case discussion"); set by each concrete model.
    agreed_in_label = ""
    # The practice standard that flags it when overdue; an audit's corrective actions are AUDIT-ACTIONS'.
    standard = "ACTIONS"
    # Which actions still count: a case discussion's only while the child's case is open.
    IN_FORCE = models.Q()

    what = models.TextField("action")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField("due by")
    done_on = models.DateField("done on", null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name="recorded done by",
    )
    carried = models.PositiveSmallIntegerField("times carried over", default=0)

    objects = ActionQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["owner", "done_on", "due_on"], name="%(class)s_open")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done_on__isnull=True, done_by__isnull=True)
                | models.Q(done_on__isnull=False, done_by__isnull=False),
                name="%(app_label)s_%(class)s_done_by_whom_and_when",
            ),
        ]

    def get_absolute_url(self):
        """Where it was agreed."""
        return self.agreed_in.get_absolute_url()

    @property
    def agreed_in(self):
        """The discussion, meeting or audit the action was agreed in."""
        raise NotImplementedError

    @property
    def agreed_by_id(self):
        """Who agreed it with the owner (the supervisor, the meeting's chair, the auditor)."""
        raise NotImplementedError

    @property
    def kind(self):
        """The URL's name for this kind of action."""
        return kind_of(type(self))

    @property
    def is_done(self):
        return self.done_on is not None

    def is_overdue(self, today):
        return self.done_on is None and self.due_on < today

    def status(self, today):
        """(label, tag colour) for the action on `today`."""
        if self.is_done:
            return "Done", "green"
        if self.is_overdue(today):
            return "Overdue", "red"
        if self.due_on == today:
            return "Due today", "yellow"
        return "Open", "grey"

    def can_mark_done(self, user):
        """Its owner, or whoever agreed it with them, records it done."""
        return self.done_on is None and user.pk in (self.owner_id, self.agreed_by_id)

    def mark_done(self, on, *, by=None):
        """Record the action done on `on` by `by` (its owner, unless said); a second, concurrent record changes
        nothing (False)."""
        by = by or self.owner
        return writes.transition(self, {"done_on": None}, by=by, done_on=on, done_by=by)


def action_models(standard=None):
    """Every concrete kind of action (or those `standard` flags), in a fixed order."""
    return sorted(
        (
            model for model in apps.get_models()
            if issubclass(model, AgreedAction) and standard in (None, model.standard)
        ),
        key=lambda m: m._meta.label,
    )


def kind_of(model):
    """The URL's name for a kind of action (e.g. "supervision.discussionaction")."""
    return model._meta.label_lower


def model_of(kind):
    """The kind of action a URL names, or None."""
    return next((model for model in action_models() if kind_of(model) == kind), None)


def tracked(*, owners, overdue_on=None, due_by=None, standard=None):
    """The open actions of `owners` (ids or a queryset) of every kind (or those `standard` flags), as one list,
    oldest due first; only those overdue on `overdue_on`, or due by `due_by`, if given.

    One query per kind, each with its owner and where it was agreed.
    """
    rows = []
    for model in action_models(standard):
        actions = model.objects.filter(model.IN_FORCE, owner__in=owners).open()
        if overdue_on is not None:
            actions = actions.overdue(overdue_on)
        if due_by is not None:
            actions = actions.falling_due(due_by)
        rows.extend(actions.select_related("owner", *model.AGREED_IN_RELATED))
    return sorted(rows, key=lambda action: (action.due_on, action.agreed_in_label, action.pk))
