from functools import cached_property

from django.urls import reverse

from . import policy
from .notifications import Notification


class UnreadNotifications:
    """The header's count of the user's unread notifications: read with the user (backends.StaffBackend), or one
    indexed COUNT, only if the page shows it, for a user read otherwise (single sign-on)."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def count(self):
        read_with_user = getattr(self.user, "unread_notifications", None)
        if read_with_user is not None:
            return read_with_user
        return Notification.objects.for_user(self.user).unread().count()


def navigation(request):
    """The service navigation for the signed-in user's role."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    items = []
    if policy.is_practitioner(user):
        items.append(("My caseload", reverse("home")))
    elif policy.manages_a_team(user):
        items.append(("My team", reverse("home")))
    elif policy.is_manager(user):
        items.append(("Teams", reverse("home")))
    elif policy.reviews_children(user):
        items.append(("Children I review", reverse("home")))
    elif policy.may_administer(user):
        items.append(("Home", reverse("home")))
        items.append(("Staff", reverse("organisation:staff")))
        items.append(("Teams", reverse("organisation:teams")))
        items.append(("Imports", reverse("returns:imports")))
    if policy.is_manager(user):
        items.append(("Dashboard", reverse("dashboards:home")))
        items.append(("Awaiting my sign-off", reverse("awaiting_sign_off")))
        items.append(("Flags", reverse("compliance:flags")))
    if policy.is_practitioner(user):
        items.append(("Flags", reverse("compliance:flags")))
        items.append(("My supervision", reverse("supervision:mine")))
    elif policy.is_manager(user):
        items.append(("Team supervision", reverse("supervision:team")))
    if policy.sees_team_actions(user):
        items.append(("Team actions", reverse("compliance:team_actions")))
    elif policy.has_actions(user):
        items.append(("My actions", reverse("compliance:my_actions")))
    if policy.may_administer(user):
        items.append(("Practice standards", reverse("compliance:standards")))
        items.append(("Audit programme", reverse("audits:programme")))
        items.append(("Access log", reverse("traceability:access_log")))
        items.append(("Retention", reverse("traceability:retention")))
    else:
        items.append(("Audits", reverse("audits:list")))
    notifications = reverse("notifications")
    items.append(("Notifications", notifications))
    items.append(("My profile", user.get_absolute_url()))
    path = request.path
    unread = UnreadNotifications(user)
    return {
        "navigation": [
            {"text": text, "href": href, "current": href == path, "unread": unread if href == notifications else None}
            for text, href in items
        ]
    }


def permissions(request):
    """What the signed-in user may do, for templates to ask (`{% if can.administer %}`) without naming a role."""
    user = getattr(request, "user", None)
    if user is None:
        return {"can": {}}
    return {
        "can": {
            "administer": policy.may_administer(user),
            "search_children": policy.sees_case_records(user),
            "lead_a_team": policy.manages_a_team(user),
            "review_children": policy.reviews_children(user),
            "see_every_service": policy.sees_everything(user),
            "see_reports": policy.sees_reports(user),
            "see_team_actions": policy.sees_team_actions(user),
            "keep_visible_leadership": policy.keeps_visible_leadership(user),
        }
    }
