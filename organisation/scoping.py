"""Who may see what (SPEC section 1): the one place that answers it.

Each function returns a filter; the querysets' `visible_to(user)` methods
apply it and every view reads through them, so a record outside a user's
scope is simply not found (404).
"""
from django.db.models import Q

from .models import Role, Team

NOTHING = Q(pk__in=[])


def visible_teams(user):
    """The teams whose children and staff a manager oversees."""
    if not user.is_authenticated or not user.is_active:
        return Team.objects.none()
    if user.role == Role.DIRECTOR:
        return Team.objects.all()
    if user.role == Role.HEAD_OF_SERVICE:
        return Team.objects.filter(service__head=user)
    if user.role == Role.TEAM_MANAGER:
        return Team.objects.filter(manager=user)
    return Team.objects.none()


def child_filter(user, prefix=""):
    """Children allocated to the user, reviewed by them, or in the teams they oversee.

    `prefix` scopes a record that belongs to a child, e.g. prefix="child__".
    """
    if not user.is_authenticated or not user.is_active or user.role == Role.ADMINISTRATOR:
        return NOTHING
    if user.role == Role.DIRECTOR:
        return Q()
    return (
        Q(**{f"{prefix}worker": user})
        | Q(**{f"{prefix}reviewing_officer": user})
        | Q(**{f"{prefix}team__in": visible_teams(user)})
    )


def staff_filter(user):
    """Oneself, one's direct reports and the staff of the teams one oversees.

    Administrators manage user accounts, so they see every staff member
    (but no child: see child_filter).
    """
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.role in (Role.DIRECTOR, Role.ADMINISTRATOR):
        return Q()
    return Q(pk=user.pk) | Q(line_manager=user) | Q(team__in=visible_teams(user))


def confidential_filter(user):
    """Confidential documents on a visible record (W 4): the allocated worker and managers above them."""
    if not user.is_authenticated or not user.is_active:
        return NOTHING
    if user.role == Role.DIRECTOR:
        return Q()
    return Q(confidential=False) | Q(child__worker=user) | Q(child__team__in=visible_teams(user))
