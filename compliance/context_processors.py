from functools import cached_property

from django.urls import reverse

from organisation import policy

from .models import Flag


class HeaderFlags:
    """The header's count of open flags in the user's scope: one COUNT, only if the page shows it."""

    def __init__(self, user):
        self.user = user
        self.url = reverse("compliance:flags")

    @cached_property
    def count(self):
        return Flag.objects.open().visible_to(self.user).count()


def flags(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or policy.may_administer(user):
        return {}
    return {"header_flags": HeaderFlags(user)}
