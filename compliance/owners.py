"""Who owns each flag, and whom an old flag is escalated to: derived from the records now, never stored.

A flag's owner is the person who can put it right, found from its subject by its
rule's `owner` (compliance/rules): the child's allocated worker, the subject's line
manager, the team manager, or the auditor of the earliest undone corrective action.
Reallocating a child or changing a line manager therefore moves the ownership of
their open flags with no write. A flag with nobody in that place (an unallocated
child) is owned by its team's manager, who allocates.

An open flag escalates to the owner's manager, then to the head of service over
the flag's team, after the working days in settings.FLAG_ESCALATION_WORKING_DAYS;
the daily sweep tells each of them once (escalate()).
"""
from datetime import datetime, time

from django.db.models import Case, F, IntegerField, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from audits.models import CorrectiveAction
from organisation import standards
from organisation.models import StaffMember
from organisation.notifications import notify_each

from .models import Escalation, Flag, Owner, SubjectKind, escalation_days
from .rules import RULES
from .rules.base import working_days_cutoff

# The auditor of the child's earliest undone corrective action: the one AUDIT-ACTIONS is about.
_AUDITOR = Subquery(
    CorrectiveAction.objects.filter(audit__child=OuterRef("child"), done_on__isnull=True)
    .order_by("due_on", "pk")
    .values("audit__auditor")[:1]
)

# (owner kind, subject kind) -> where that person is, from the flag.
_PATHS = {
    (Owner.WORKER, SubjectKind.CHILD): F("child__worker"),
    (Owner.WORKER, SubjectKind.STAFF): F("staff"),
    (Owner.WORKER, SubjectKind.TEAM): F("team__manager"),
    (Owner.LINE_MANAGER, SubjectKind.CHILD): F("child__worker__line_manager"),
    (Owner.LINE_MANAGER, SubjectKind.STAFF): F("staff__line_manager"),
    (Owner.LINE_MANAGER, SubjectKind.TEAM): F("team__manager__line_manager"),
    (Owner.TEAM_MANAGER, SubjectKind.CHILD): F("child__team__manager"),
    (Owner.TEAM_MANAGER, SubjectKind.STAFF): F("staff__team__manager"),
    (Owner.TEAM_MANAGER, SubjectKind.TEAM): F("team__manager"),
    (Owner.AUDITOR, SubjectKind.CHILD): _AUDITOR,
    (Owner.AUDITOR, SubjectKind.STAFF): F("staff__line_manager"),
    (Owner.AUDITOR, SubjectKind.TEAM): F("team__manager"),
}


def owner_expression():
    """The owner's id as one SQL expression: one branch per (owner kind, subject kind) the rules use."""
    codes = {}
    for rule in RULES:
        codes.setdefault((Owner(rule.owner), rule.subject), []).append(rule.code)
    whens = [When(Q(rule__in=rules, kind=subject), then=_PATHS[owner, subject])
             for (owner, subject), rules in codes.items()]
    return Coalesce(Case(*whens, output_field=IntegerField()), F("team__manager"), output_field=IntegerField())


def annotate_owners(flags):
    """`flags` with owner_id, owner_manager_id (whom a flag escalates to first) and head_id (then)."""
    managers = StaffMember.objects.filter(pk=OuterRef("owner_id")).values("line_manager")[:1]
    return flags.annotate(owner_id=owner_expression()).annotate(
        owner_manager_id=Subquery(managers), head_id=F("team__service__head")
    )


def presented(flags, today):
    """The flags (annotated by with_owners()) as a list, each with its `owner` (a StaffMember or None, one
    query for all), its `escalation` level and whether its plan is `plan_overdue` on `today`, for a page."""
    flags = list(flags)
    owners = StaffMember.objects.in_bulk({flag.owner_id for flag in flags if flag.owner_id})
    for flag in flags:
        flag.owner = owners.get(flag.owner_id)
        flag.escalation_level = flag.escalation(today)
        plan = getattr(flag, "plan", None)
        flag.plan_overdue = plan is not None and plan.is_overdue(today)
    return flags


def owner_of(flag):
    """One flag's owner (a StaffMember or None)."""
    owner_id = Flag.objects.filter(pk=flag.pk).with_owners().values_list("owner_id", flat=True).first()
    return StaffMember.objects.filter(pk=owner_id).first() if owner_id else None


def escalated(flags, today, level):
    """The open flags in `flags` at `level` or above on `today`: escalation() as a query, per standard's figures.

    Raised before the cut-off day (local midnight) is exactly `today > escalates_after(level)`.
    """
    by_figure = {}
    for rule in RULES:
        by_figure.setdefault(escalation_days(rule.code)[level - 1], []).append(rule.code)
    past = Q(pk__in=[])
    for days, codes in by_figure.items():
        cut = timezone.make_aware(datetime.combine(working_days_cutoff(today, days), time.min))
        past |= Q(rule__in=codes, raised_at__lt=cut)
    return flags.open().filter(past)


def escalate(*, today, now):
    """Tell whom each open flag has newly escalated to, once per level; how many were told.

    Run by the full sweep, which holds the sweep lock, so no two runs tell anyone twice.
    Highest level first: a flag that passed both figures since the last run tells only the head of service.
    """
    told = 0
    for level, recipient in ((Escalation.HEAD_OF_SERVICE, "head_id"), (Escalation.MANAGER, "owner_manager_id")):
        rows = list(
            escalated(Flag.objects.filter(escalation_notified__lt=level), today, level).with_owners()
            .values_list("pk", "rule", "kind", "child_id", "child__local_id", "staff_id", "team_id", recipient)
        )
        told += notify_each([_notice(*row) for row in rows], now=now)
        Flag.objects.filter(pk__in=[row[0] for row in rows]).update(escalation_notified=level)
    return told


def _notice(pk, rule, kind, child, local_id, staff, team, recipient):
    """(recipient id, text, url): identifiers only, as every notification."""
    title = standards.BY_CODE[rule].title
    if kind == SubjectKind.CHILD:
        about, url = f"child {local_id}", reverse("child", args=[child])
    elif kind == SubjectKind.STAFF:
        about, url = "a member of staff", reverse("staff", args=[staff])
    else:
        about, url = "a team", reverse("team", args=[team])
    return recipient, f"A flag has been escalated to you: {title} ({rule}) for {about}.", url
