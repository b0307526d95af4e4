"""Who may see what (SPEC section 1): the one place that answers it.

Each function returns a filter; the querysets' `visible_to(user)` methods
apply it and every view reads through them, so a record outside a user's
scope is simply not found (404).
"""
from django.db.models import Q

from . import policy
from .models import Team

NOTHING = Q(pk__in=[])


def visible_teams(user):
    """The teams whose children and staff a manager oversees."""
    if not user.is_authenticated or not user.is_active:
        return Team.objects.none()
    if policy.sees_everything(user):
        return Team.objects.all()
    if policy.heads_a_service(user):
        return Team.objects.filter(service__head=user)
    if policy.manages_a_team(user):
        return Team.objects.filter(manager=user)
    return Team.objects.none()


def _team_ids(user):
    """The visible teams' ids as a list: `team_id IN (1, 2)` lets PostgreSQL use the index inside an OR,
    where `team_id IN (SELECT ...)` would scan every row.

    Read once per user object: each request loads its user afresh, so a page's filters share one query.
    """
    if getattr(user, "_visible_team_ids", None) is None:
        user._visible_team_ids = list(visible_teams(user).values_list("pk", flat=True))
    return user._visible_team_ids


def child_filter(user, prefix=""):
    """Children allocated to the user, reviewed by them, or in the teams they oversee.

    `prefix` scopes a record that belongs to a child, e.g. prefix="child__".
    """
    if not policy.sees_case_records(user):
        return NOTHING
    if policy.sees_everything(user):
        return Q()
    return (
        Q(**{f"{prefix}worker": user})
        | Q(**{f"{prefix}reviewing_officer": user})
        | Q(**{f"{prefix}team__in": _team_ids(user)})
    )


def staff_filter(user):
    """Oneself, one's direct reports and the staff of the teams one oversees.

    Administrators manage user accounts, so they see every staff member
    (but no child: see child_filter).
    """
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if policy.sees_every_staff_member(user):
        return Q()
    return Q(pk=user.pk) | Q(line_manager=user) | Q(team__in=_team_ids(user))


def confidential_filter(user):
    """Confidential documents on a visible record (W 4): the allocated worker and managers above them."""
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if policy.sees_everything(user):
        return Q()
    return Q(confidential=False) | Q(child__worker=user) | Q(child__team__in=_team_ids(user))


def can_manage_child(user, child):
    """Management decisions and allocation: managers over the child, never the practitioner."""
    if not user.is_authenticated or not user.is_active:
        return False
    if policy.sees_everything(user):
        return True
    return policy.is_manager(user) and child.team_id in _team_ids(user)  # the ids the page's filters read already


def can_write_record(user, child):
    """Entries on a child's record: the allocated worker and the managers over the child."""
    return user.is_authenticated and user.is_active and (child.worker_id == user.pk or can_manage_child(user, child))


def personal_file_filter(user, prefix=""):
    """A practitioner's personal supervision file (W 3, W 5): themselves and their line-management chain.

    Also the reviews of a manager's practice (W Appendix 1), which follow the same chain.
    Never widened by role: an administrator, an IRO or a colleague sees none of it.
    `prefix` points at the practitioner, e.g. prefix="supervisee__" (or the manager: "manager__").
    """
    from .models import StaffMember

    if not user.is_authenticated or not user.is_active:
        return NOTHING
    chain = StaffMember.objects.managed_by(user).values("pk")
    return Q(**{f"{prefix}pk": user.pk}) | Q(**{f"{prefix}pk__in": chain})


def support_record_filter(user, prefix="staff__"):
    """The restricted support record (K 4, W 5.2): the person, their line of management and HR-designated
    staff; nobody else, whatever their role. `prefix` points at the person."""
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if policy.is_hr_designated(user):
        return Q()
    return personal_file_filter(user, prefix=prefix)


def may_write_support_record(user, member):
    """Writing in someone's support record: their line of management or HR-designated staff, never themselves."""
    if not user.is_authenticated or not user.is_active or member.pk == user.pk:
        return False
    return policy.is_hr_designated(user) or member.is_managed_by(user)


def objective_filter(user):
    """Objectives: a person's are in their personal file (they and their line of management); a team's are seen
    by its members and the managers over it."""
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    personal = Q(staff__isnull=False) & personal_file_filter(user, prefix="staff__")
    team = Q(team__isnull=False) & team_meeting_filter(user)
    return personal | team


def leadership_visit_filter(user):
    """Leadership visits (W 6): a director sees every one; a head of service those to their service's teams."""
    if not policy.keeps_visible_leadership(user):
        return NOTHING
    if policy.sees_everything(user):
        return Q()
    return Q(teams__in=_team_ids(user))


def team_meeting_filter(user):
    """Team meetings (W 6): the team's own members and the managers over the team."""
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if policy.sees_everything(user):
        return Q()
    own_team = Q(team_id=user.team_id) if user.team_id else NOTHING
    return own_team | Q(team__in=_team_ids(user))

