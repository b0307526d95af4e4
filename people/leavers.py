"""A leaver: their open children, supervisees, teams and open actions reallocated in one transaction, then the
account deactivated (which ends their sessions at once: traceability/signals.py).

Above cases, supervision and audits (it reallocates across them); nothing imports it but its views.
"""
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q

from cases.services import allocate
from organisation import policy, standards, writes
from organisation.actions import tracked
from organisation.models import StaffMember, Team
from supervision.models import DiscussionAction, SessionAction, TeamMeetingAction


class WorkChanged(Exception):
    """Something was given to the leaver, or taken from them, after the page was read."""


def open_actions(member):
    """The actions the leaver still owns and has not done, of every kind (the action tracker)."""
    return tracked(owners=[member.pk])


def may_take(action, person):
    """A supervision session's action stays in the supervisee's personal file: only the supervisee or their line
    of management may take it over (other actions are about a child or a team the colleagues offered work in)."""
    if not isinstance(action, SessionAction):
        return True
    return SessionAction.objects.visible_to(person).filter(pk=action.pk).exists()


def reassign_action(action, *, to, by):
    action.owner = to
    writes.save(action, by=by, update_fields=["owner"])


def action_label(action):
    """What an administrator reads of an action: where it came from and when it is due, never its content."""
    due = f"due {action.due_on:%-d %b %Y}"
    if isinstance(action, DiscussionAction):
        return f"Case discussion action for {action.discussion.child}, {due}"
    if isinstance(action, TeamMeetingAction):
        return f"{action.meeting.team} team meeting action, {due}"
    if isinstance(action, SessionAction):
        return f"Supervision action from {action.session.date:%-d %b %Y}, {due}"
    return f"Audit corrective action for {action.audit.child}, {due}"


def key(item):
    """The form field's name for one item of work."""
    return f"{item._meta.model_name}-{item.pk}"


@dataclass
class OpenWork:
    children: list = field(default_factory=list)
    supervisees: list = field(default_factory=list)
    teams: list = field(default_factory=list)
    actions: list = field(default_factory=list)

    @classmethod
    def of(cls, member):
        return cls(
            children=list(member.caseload.open().select_related("team").order_by("local_id")),
            supervisees=list(member.direct_reports.filter(is_active=True).select_related("team")),
            teams=list(Team.objects.filter(manager=member)),
            actions=open_actions(member),
        )

    def items(self):
        return [*self.children, *self.supervisees, *self.teams, *self.actions]

    def keys(self):
        return {key(item) for item in self.items()}

    def __bool__(self):
        return bool(self.items())


def with_caseloads(staff, today, figures):
    return staff.with_caseload(today, figures).annotate(
        supervisees=Count("direct_reports", filter=Q(direct_reports__is_active=True), distinct=True),
    ).select_related("team").order_by("last_name", "first_name")


def colleagues(member, today):
    """Who may take over each kind of work: (workers by team id, managers, team managers, action owners).
    Each with their caseload against capacity and number of supervisees, read in one query per kind."""
    figures = standards.figures("CASELOAD")
    active = StaffMember.objects.filter(is_active=True).exclude(pk=member.pk)
    workers = {}
    for worker in with_caseloads(active.practitioners(), today, figures):
        workers.setdefault(worker.team_id, []).append(worker)
    managers = list(with_caseloads(active.managers(), today, figures))
    team_manager_ids = set(active.team_managers().values_list("pk", flat=True))
    near = Q(team_id=member.team_id) if member.team_id else Q(pk__in=[])
    if member.line_manager_id:
        near |= Q(pk=member.line_manager_id)
    owners = list(with_caseloads(active.filter(near).filter(policy.practitioners_q() | policy.managers_q()),
                                 today, figures))
    return workers, managers, [m for m in managers if m.pk in team_manager_ids], owners or managers


@transaction.atomic
def deactivate_leaver(*, member, choices, by, on):
    """Reallocate everything open of `member` as `choices` says (field key -> colleague), then deactivate them.

    Locks the leaver's row first, so two administrators at once deactivate once; raises WorkChanged when the open
    work is no longer what the page listed, and changes nothing. False if they had already been deactivated.
    """
    if writes.lock(member, is_active=True) is None:
        return False
    work = OpenWork.of(member)
    if work.keys() != set(choices):
        raise WorkChanged
    for child in work.children:
        allocate(child=child, team=child.team, worker=choices[key(child)], by=by, on=on,
                 purpose=f"Reallocated: {member} left on {on:%-d %B %Y}.")
    for supervisee in work.supervisees:
        writes.transition(supervisee, {}, by=by, line_manager=choices[key(supervisee)])
    for team in work.teams:
        writes.transition(team, {}, by=by, manager=choices[key(team)])
    for action in work.actions:
        reassign_action(action, to=choices[key(action)], by=by)
    writes.transition(member, {"is_active": True}, by=by, is_active=False)
    return True
