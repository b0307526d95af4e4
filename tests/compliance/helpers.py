"""Shared by the compliance tests: one rule's breaches on a day, and moments in London time."""
import datetime
from zoneinfo import ZoneInfo

from compliance import sweep
from compliance.models import Flag
from compliance.rules import BY_CODE
from organisation import standards
from organisation.models import Role
from supervision.models import SupervisionSession
from tests.factories import StaffFactory, SupervisionSessionFactory

D = datetime.date
LONDON = ZoneInfo("Europe/London")


def at(day, hour=10):
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


def breaches(code, today, **figures):
    """{subject pk: the last day the standard was met} for one rule on `today`."""
    rule = BY_CODE[code]
    figures = {**standards.figures(code), **figures}
    return {subject.pk: rule.due_on(subject, today, figures) for subject in rule.breaches(today, figures)}


def supervised(**fields):
    """A member of staff with a line manager: who the staff standards apply to (SPEC 4b)."""
    fields.setdefault("line_manager", StaffFactory(role=Role.TEAM_MANAGER))
    return StaffFactory(**fields)


def held(member, on):
    return SupervisionSessionFactory(
        supervisee=member, date=on, status=SupervisionSession.Status.HELD, completed_at=at(on, 16)
    )


def run(today, **subjects):
    return sweep.sweep(today=today, now=at(today, 9), **subjects)


def open_flags():
    """The open flags as comparable tuples."""
    return set(Flag.objects.open().values_list("rule", "kind", "child", "staff", "team", "due_since"))
