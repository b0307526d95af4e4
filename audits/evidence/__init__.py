"""What the system already holds, shown beside what the auditor or reviewer judges."""
from dataclasses import dataclass

from django.utils.formats import date_format


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    concern: bool = False  # outside a configured standard, or missing where it is expected


def when(day, today):
    """'3 February 2026 (12 days ago)', or 'None recorded'."""
    if day is None:
        return "None recorded"
    ago = (today - day).days
    if ago == 0:
        return f"{date_format(day, 'j F Y')} (today)"
    return f"{date_format(day, 'j F Y')} ({ago} day{'s' if ago != 1 else ''} ago)"

