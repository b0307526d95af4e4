"""Password sign-in, and reading the signed-in staff member on each request."""
from django.contrib.auth.backends import ModelBackend
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from .models import StaffMember
from .notifications import Notification


class StaffBackend(ModelBackend):
    """Django's sign-in by password; each request reads the staff member with what every page's header shows,
    their team and their count of unread notifications, in the same query."""

    def get_user(self, user_id):
        unread = (
            Notification.objects.unread().filter(recipient=OuterRef("pk")).order_by().values("recipient")
            .annotate(count=Count("pk")).values("count")
        )
        user = (
            StaffMember._default_manager.select_related("team")
            .annotate(unread_notifications=Coalesce(Subquery(unread), 0, output_field=IntegerField()))
            .filter(pk=user_id).first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
