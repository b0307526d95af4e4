"""Open flags on the child's record: the source registered with cases.timeline."""
from django.urls import reverse
from django.utils.formats import date_format

from cases.timeline import Entry, Source

from .models import Flag


def _open_flag(flag, reader):
    return Entry(
        on=flag.due_since,
        kind="flag",
        label="Flag",
        title=f"{flag.rule}: {flag.definition.title}",
        body=flag.definition.breach,
        details=(("Standard last met", date_format(flag.due_since, "j F Y")),),
        tags=(("Open flag", "red"),),
        url=reverse("compliance:flags") + f"?child={reader.child.pk}",
    )


open_flags = Source(
    Flag, [("flag", "Flags")], lambda child, user: Flag.objects.open().about(child).visible_to(user),
    "due_since", ("due_since", "rule"), _open_flag,
)
