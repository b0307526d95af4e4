"""May this person do this? (SPEC section 1): the one module that compares roles.

Each predicate takes the user (and the object, where the answer depends on it)
and answers for an active, signed-in member of staff only; anyone else may do
nothing. The `*_q()` helpers classify staff in querysets
(`StaffMember.objects.practitioners()` and friends call them).

Scoping (which records a user sees) lives in `scoping.py`, which asks here
whenever the answer turns on a role. Views, forms, services, workers and the
templates' `can` (organisation/context_processors.py) ask here; nothing else
names a role.
"""
from django.db.models import Q

from .models import AUDITOR_ROLES, MANAGER_ROLES, PRACTITIONER_ROLES, Role, StaffMember

# Who reviews team managers' practice (W Appendix 1) and reads the monthly performance report.
SENIOR_MANAGER_ROLES = (Role.HEAD_OF_SERVICE, Role.DIRECTOR)


def _holds(user, roles):
    return user.is_authenticated and user.is_active and user.role in roles


# Who someone is.

def is_practitioner(user):
    """A social worker, senior practitioner or family help lead practitioner: keeps records for the children
    allocated to them, and is supervised under the same standards (SUP-FREQ, CASELOAD)."""
    return _holds(user, PRACTITIONER_ROLES)


def is_manager(user):
    """A team manager, head of service or director: oversees teams, signs off, reads the dashboards."""
    return _holds(user, MANAGER_ROLES)


def manages_a_team(user):
    return _holds(user, (Role.TEAM_MANAGER,))


def heads_a_service(user):
    return _holds(user, (Role.HEAD_OF_SERVICE,))


def sees_everything(user):
    """A director: every child, staff member, team and service."""
    return _holds(user, (Role.DIRECTOR,))


def reviews_children(user):
    """An independent reviewing officer: the children they review."""
    return _holds(user, (Role.IRO,))


def works_a_caseload(user):
    """Whose home is a list of their own children: practitioners and reviewing officers."""
    return is_practitioner(user) or reviews_children(user)


# What they may do.

def may_administer(user):
    """User accounts, teams, practice-standard settings, imports, the access log and retention."""
    return _holds(user, (Role.ADMINISTRATOR,))


def sees_case_records(user):
    """Everyone but an administrator, who keeps the settings and sees no child (SPEC section 1)."""
    return user.is_authenticated and user.is_active and user.role != Role.ADMINISTRATOR


def sees_every_staff_member(user):
    """A director oversees everyone; an administrator manages every account (but sees no supervision file)."""
    return _holds(user, (Role.DIRECTOR, Role.ADMINISTRATOR))


def is_hr_designated(user):
    """Staff an administrator named as HR-designated: they read every support record (K 4, W 5.2)."""
    return user.is_authenticated and user.is_active and user.hr_designated


def may_audit(user):
    """Case file audits (W 4): managers and independent reviewing officers."""
    return _holds(user, AUDITOR_ROLES)


def may_self_check(user, child):
    """A case file self-check (W 4: "regular case file checks ... by social workers"): a practitioner, of a child
    allocated to them and still open."""
    return is_practitioner(user) and child.worker_id == user.pk and child.is_open


def may_record_reviewing_officer_told(user, audit):
    """Recording that the IRO or CP chair was told of a late or missing plan or review minutes an audit found (W 4):
    the auditor, or the manager of the child's team (who is told of a self-check's findings)."""
    if may_audit(user) and audit.auditor_id == user.pk:
        return True
    return manages_a_team(user) and audit.child.team.manager_id == user.pk


def may_review_managers(user):
    """Reviews of team managers' practice (W Appendix 1): heads of service and directors."""
    return _holds(user, SENIOR_MANAGER_ROLES)


def keeps_visible_leadership(user):
    """Office visits, team meetings attended and briefings (W 6): heads of service and directors."""
    return _holds(user, SENIOR_MANAGER_ROLES)


def sees_dashboards(user):
    return is_manager(user)


def has_actions(user):
    """Everyone who works with children or staff may be given actions (the action tracker); not an administrator."""
    return sees_case_records(user)


def sees_team_actions(user):
    """The actions of the staff in one's line of management: managers."""
    return is_manager(user)


def sees_reports(user):
    """The monthly performance report: heads of service (their service) and directors (every service)."""
    return _holds(user, SENIOR_MANAGER_ROLES)


def sign_off_refusal(user, version):
    """Why `user` may not sign off or return `version` (SPEC section 3), or "" when they may.

    The one check of the authority to decide: the sign-off service, the review page and its button use it.
    """
    if user.pk == version.author_id:
        return "You cannot sign off or return your own work."
    if not is_manager(user) or not version.author.is_managed_by(user):
        return "Only a manager in the author's line of management can decide on this."
    return ""


def may_sign_off(user, version):
    return not sign_off_refusal(user, version)


def attendance_refusal(user, meeting, today):
    """Why `user` may not confirm attendance at `meeting` on `today` (K 6), or "" when they may.

    Only the manager named for an initial CP conference or initial PLO hearing says whether they attended, once,
    on or after its day: a practitioner cannot tick it for them.
    """
    if not is_manager(user) or meeting.manager_id != user.pk or not meeting.needs_attendance:
        return "Only the manager named for the meeting can confirm their attendance."
    if meeting.attendance_confirmed:
        return "Your attendance is already recorded."
    if meeting.held_on > today:
        return f"You can confirm your attendance from {meeting.held_on:%-d %B %Y}, the day of the meeting."
    return ""


def may_confirm_attendance(user, meeting, today):
    return not attendance_refusal(user, meeting, today)


def may_plan_for(user, owner):
    """Recording what will be done about a flag: its owner, or anyone in the owner's line of management."""
    if not user.is_authenticated or not user.is_active or owner is None:
        return False
    return owner.pk == user.pk or owner.is_managed_by(user)


def planned_for_by(user, owners):
    """The ids of `owners` (a StaffMember queryset) whose flags `user` may plan for: may_plan_for, for a page."""
    if not user.is_authenticated or not user.is_active:
        return set()
    mine = owners.filter(Q(pk=user.pk) | Q(pk__in=StaffMember.objects.managed_by(user).values("pk")))
    return set(mine.values_list("pk", flat=True))


# Staff by kind, for querysets.

def practitioners_q():
    return Q(role__in=PRACTITIONER_ROLES)


def managers_q():
    return Q(role__in=MANAGER_ROLES)


def team_managers_q():
    return Q(role=Role.TEAM_MANAGER)


def heads_of_service_q():
    return Q(role=Role.HEAD_OF_SERVICE)


def reviewing_officers_q():
    return Q(role=Role.IRO)


def administrators_q():
    return Q(role=Role.ADMINISTRATOR)
