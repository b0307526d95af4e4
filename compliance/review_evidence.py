"""Supervision facts for a head of service's review of a team manager (W Appendix 1).

`audits` and `supervision` never import each other; compliance reads both, so
it hands the audits app these facts (registered in ComplianceConfig.ready()).
"""
from dateutil.relativedelta import relativedelta
from django.db.models import Q

from audits.evidence import Fact, when
from audits.evidence.managers import register
from organisation import standards
from organisation.models import StaffMember
from supervision.models import TeamMeeting
from supervision.selectors import supervision_overdue, with_supervision, without_contract


def _team(manager):
    return StaffMember.objects.managed_by(manager).filter(is_active=True)


def supervision(manager, today):
    staff = _team(manager)
    total = staff.count()
    overdue = supervision_overdue(staff, today).count()
    no_contract = without_contract(staff).count()
    return [
        Fact("Staff supervised within their frequency (SUP-FREQ)", f"{total - overdue} of {total}",
             concern=overdue > 0),
        Fact("Staff without a supervision contract (SUP-CONTRACT)", str(no_contract), concern=no_contract > 0),
    ]


def _within(months, today):
    return today - relativedelta(months=months)


def appraisal(manager, today):
    since = _within(standards.figure("APPRAISAL", "months"), today)
    staff = with_supervision(_team(manager), today)
    total = staff.count()
    # A never-appraised member has a NULL date: exclude(__gte) would drop them from the count.
    missing = staff.filter(Q(last_appraised__isnull=True) | Q(last_appraised__lt=since)).count()
    return [Fact("Staff without an appraisal in the period (APPRAISAL)", f"{missing} of {total}", concern=missing > 0)]


def development(manager, today):
    since = _within(standards.figure("OBSERVATION", "months"), today)
    staff = with_supervision(_team(manager), today)
    total = staff.count()
    missing = staff.filter(Q(last_observed__isnull=True) | Q(last_observed__lt=since)).count()
    return [
        Fact("Staff without an observation of practice in the period (OBSERVATION)", f"{missing} of {total}",
             concern=missing > 0)
    ]


def communication(manager, today):
    weeks = standards.figure("TEAM-MEETING", "weeks")
    last = TeamMeeting.objects.minuted().filter(team__manager=manager).order_by("-held_on").values_list(
        "held_on", flat=True
    ).first()
    stale = last is None or last < today - relativedelta(weeks=weeks)
    return [Fact("Last minuted team meeting (TEAM-MEETING)", when(last, today), concern=stale)]


def register_all():
    for theme, provider in [
        ("supervision", supervision),
        ("appraisal", appraisal),
        ("development", development),
        ("communication", communication),
    ]:
        register(theme, provider)
