"""Open flags on the child's record: the source registered with cases.timeline."""
from django.urls import reverse
from django.utils.formats import date_format

from cases.timeline import Entry

from .models import Flag


def open_flags(child, user, limit=None):
    url = reverse("compliance:flags") + f"?child={child.pk}"
    flags = Flag.objects.open().about(child).visible_to(user)
    for flag in flags.order_by("-due_since", "-pk")[:limit]:
        yield Entry(
            on=flag.due_since,
            kind="flag",
            label="Flag",
            title=f"{flag.rule}: {flag.definition.title}",
            body=flag.definition.breach,
            details=(("Standard last met", date_format(flag.due_since, "j F Y")),),
            tags=(("Open flag", "red"),),
            url=url,
        )


open_flags.kinds = [("flag", "Flags")]
