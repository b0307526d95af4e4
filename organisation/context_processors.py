from functools import cached_property

from django.urls import reverse

from .models import MANAGER_ROLES, PRACTITIONER_ROLES, Role
from .notifications import Notification


class UnreadNotifications:
    """The header's count of the user's unread notifications: one indexed COUNT, only if the page shows it."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def count(self):
        return Notification.objects.for_user(self.user).unread().count()


def navigation(request):
    """The service navigation for the signed-in user's role."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    items = []
    if user.role in PRACTITIONER_ROLES:
        items.append(("My caseload", reverse("home")))
    elif user.role == Role.TEAM_MANAGER:
        items.append(("My team", reverse("home")))
    elif user.role in MANAGER_ROLES:
        items.append(("Teams", reverse("home")))
    elif user.role == Role.IRO:
        items.append(("Children I review", reverse("home")))
    elif user.role == Role.ADMINISTRATOR:
        items.append(("Home", reverse("home")))
        items.append(("Staff", reverse("organisation:staff")))
        items.append(("Teams", reverse("organisation:teams")))
        items.append(("Imports", reverse("returns:imports")))
    if user.role in MANAGER_ROLES:
        items.append(("Dashboard", reverse("dashboards:home")))
        items.append(("Awaiting my sign-off", reverse("awaiting_sign_off")))
        items.append(("Flags", reverse("compliance:flags")))
    if user.role in PRACTITIONER_ROLES:
        items.append(("Flags", reverse("compliance:flags")))
        items.append(("My supervision", reverse("supervision:mine")))
    elif user.role in MANAGER_ROLES:
        items.append(("Team supervision", reverse("supervision:team")))
    if user.role == Role.ADMINISTRATOR:
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
