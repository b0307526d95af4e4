"""The home pages' due dates, from the rules themselves (cases.worklist).

A rule answers "who is in breach on `day`", with the last day the standard is
met. Asked about a day a fortnight ahead, for the worker's own children, it
lists everything falling due by then with its date: the same query and the
same due date the sweep uses, not a second copy of the standard. A team
manager's list asks the manager's own standards a week ahead.
"""
from datetime import timedelta

from django.urls import reverse
from django.utils.text import Truncator

from cases.models import Child, ManagerMeeting
from cases.worklist import Due, register, register_for_manager
from organisation import actions
from organisation.models import StaffMember, Team
from organisation.standards import configured
from supervision.models import CaseDiscussion

from .models import SubjectKind
from .rules import BY_CODE, RULES

AHEAD = timedelta(days=14)
MANAGER_AHEAD = timedelta(days=7)
# Conferences and hearings the manager must attend are listed from further ahead: a diary needs notice (K 6).
COMING_AHEAD = timedelta(weeks=4)
# Not the worker's to act on: PLAN-UNSIGNED, MGR-ATTEND, OVERSIGHT, UNALLOCATED and REPORT-COUNTERSIGN are the
# manager's; SEEN-ALONE has no date to work to. AUDIT-TARGET is about managers, never a child.
NOT_THE_WORKERS = {
    "PLAN-UNSIGNED", "SEEN-ALONE", "MGR-ATTEND", "OVERSIGHT", "UNALLOCATED", "REPORT-COUNTERSIGN", "AUDIT-TARGET",
}
# One click from being done: where each item is acted on.
ENTRY_FOR = {
    "VISITS": "note", "CHRON-MISSING": "chronology", "CHRON-STALE": "chronology", "CLA-DOCS": "document",
    "CHILD-VIEWS": "note", "REVIEW-MINUTES": "document",
}
START_ASSESSMENT = {"PLAN-MISSING", "ASSESSMENT-DUE"}


def _url(code, child_id):
    if code in ENTRY_FOR:
        return reverse("add_record_entry", args=[child_id, ENTRY_FOR[code]])
    if code in START_ASSESSMENT:
        return reverse("start_assessment", args=[child_id])
    return reverse("child", args=[child_id])


@register
def due_for_worker(*, children, worker, today):
    config = configured()
    horizon = today + AHEAD
    items = []
    for rule in RULES:
        enabled, figures = config[rule.code]
        if not enabled or rule.code in NOT_THE_WORKERS:
            continue
        if rule.subject == SubjectKind.CHILD and children:
            for child in rule.breaches(horizon, figures).filter(pk__in=children).order_by():
                items.append(Due(
                    on=rule.due_on(child, horizon, figures), what=rule.definition.title, code=rule.code,
                    child_id=child.pk, url=_url(rule.code, child.pk),
                ))
    enabled, figures = config["SUP-FREQ"]
    if enabled:
        rule = BY_CODE["SUP-FREQ"]
        for member in rule.breaches(horizon, figures).filter(pk=worker.pk):
            items.append(Due(
                on=rule.due_on(member, horizon, figures), what="My supervision", code=rule.code,
                url=reverse("supervision:mine"),
            ))
    if config["ACTIONS"][0]:
        items.extend(_actions_due([worker.pk], horizon))
    return items


def _actions_due(owners, horizon, *, named=False):
    """The ACTIONS standard's actions of `owners` open and due by `horizon`, one item each, linking to where
    it was agreed (AUDIT-ACTIONS lists a child's corrective actions as the child's own item)."""
    return [
        Due(on=action.due_on, what=f"Action: {Truncator(action.what).words(10)}", code="ACTIONS",
            child_id=action.child.pk if action.child else None, url=action.get_absolute_url(),
            about=action.owner.get_full_name() if named else "")
        for action in actions.tracked(owners=owners, due_by=horizon, standard="ACTIONS")
    ]


# The manager's standards, each with what it asks for and where that is done (one click from done).
# PLAN-UNSIGNED is the sign-off queue, shown whole beside this list; MGR-ATTEND is each conference or hearing
# the manager is named for (a missed one cannot be put right afterwards; it stays on the flags list).
FOR_MANAGER = {
    "SUP-FREQ": ("Supervision", lambda m: reverse("supervision:session_start", args=[m.pk])),
    "SUP-CONTRACT": ("Supervision contract", lambda m: reverse("supervision:contract_new", args=[m.pk])),
    "APPRAISAL": ("Appraisal", lambda m: reverse("supervision:appraisal_new", args=[m.pk])),
    "OBSERVATION": ("Observation of practice", lambda m: reverse("supervision:observation_new", args=[m.pk])),
    "CASELOAD": ("Caseload above capacity", lambda m: reverse("staff", args=[m.pk])),
    "AUDIT-ACTIONS": ("Audit action overdue", lambda c: c.get_absolute_url()),
    "TEAM-MEETING": ("Team meeting", lambda t: reverse("supervision:meeting_new", args=[t.pk])),
    "OVERSIGHT": ("Management oversight", lambda c: reverse("add_record_entry", args=[c.pk, "decision"])),
    "UNALLOCATED": ("Allocate a worker", lambda c: reverse("allocate", args=[c.pk])),
    "CONTRACT-REVIEW": ("Review the supervision contract", lambda m: reverse("supervision:contract_new", args=[m.pk])),
    "REPORT-COUNTERSIGN": ("Countersign the report before the meeting", lambda c: c.get_absolute_url()),
    "SUPERVISOR-TRAINING": ("Supervision-skills training", lambda m: reverse("supervision:training_new", args=[m.pk])),
    "AUDIT-TARGET": ("Case file audits last month", lambda m: reverse("staff", args=[m.pk])),
}

NAMED = {
    SubjectKind.STAFF: lambda member: member.get_full_name(),
    SubjectKind.CHILD: lambda child: f"{child.full_name} ({child.local_id})",
    SubjectKind.TEAM: lambda team: team.name,
}


@register_for_manager
def due_for_manager(*, manager, today):
    config = configured()
    horizon = today + MANAGER_AHEAD
    teams = list(Team.objects.visible_to(manager).values_list("pk", flat=True))
    # The few managed staff's ids first: as a subquery, the chain's self-joins would run per row.
    staff = list(StaffMember.objects.managed_by(manager).filter(is_active=True).values_list("pk", flat=True))
    scope = {
        SubjectKind.STAFF: {"pk__in": staff},
        SubjectKind.CHILD: {"team__in": teams},
        SubjectKind.TEAM: {"pk__in": teams},
    }
    items = []
    for code, (what, url) in FOR_MANAGER.items():
        enabled, figures = config[code]
        if not enabled:
            continue
        rule = BY_CODE[code]
        # AUDIT-TARGET is also the manager's own: asked of them and their staff in the one query.
        own = code == "AUDIT-TARGET"
        subjects = {"pk__in": [*staff, manager.pk]} if own else scope[rule.subject]
        for subject in rule.breaches(horizon, figures).filter(**subjects).order_by():
            if own and subject.pk == manager.pk:
                items.append(_own(rule, subject, horizon, figures))
                continue
            items.append(Due(on=rule.due_on(subject, horizon, figures), what=what, code=code,
                             url=url(subject), about=NAMED[rule.subject](subject)))
    if config["ACTIONS"][0]:
        items.extend(_actions_due([manager.pk, *staff], horizon, named=True))
    if config["MGR-ATTEND"][0]:
        items.extend(_conferences(manager, today))
    if config["SUP-FILED"][0]:
        # One item per discussion (the rule's subject is the child), so each links to the one to file.
        discussions = CaseDiscussion.objects.not_filed_in_time(horizon).filter(
            session__supervisor=manager, child__in=Child.objects.open(),
        ).select_related("child")
        items.extend(
            Due(on=discussion.filing_due_on, what="File the case discussion", code="SUP-FILED",
                url=discussion.get_absolute_url(), about=NAMED[SubjectKind.CHILD](discussion.child))
            for discussion in discussions
        )
    return items


def _own(rule, manager, horizon, figures):
    """The manager's own AUDIT-TARGET: the month about to end (or just ended) short of its audits."""
    return Due(on=rule.due_on(manager, horizon, figures), what=f"Complete {manager.audit_target} case file audits "
               "this month", code=rule.code, url=reverse("audits:sample"), about="Me")


def _conferences(manager, today):
    """Initial CP conferences and PLO hearings the manager is named for, coming in the next weeks or held with
    their attendance not yet confirmed: each links to where they confirm it (K 6)."""
    meetings = (
        ManagerMeeting.objects.attendance_to_confirm_by(manager)
        .filter(held_on__lte=today + COMING_AHEAD, child__in=Child.objects.open())
        .select_related("child")
    )
    return [
        Due(on=meeting.held_on, what=f"{meeting.get_kind_display()}: attend, then confirm", code="MGR-ATTEND",
            url=meeting.get_absolute_url(), about=NAMED[SubjectKind.CHILD](meeting.child))
        for meeting in meetings
    ]
