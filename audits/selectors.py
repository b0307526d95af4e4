"""Reads the audit pages share: who may audit or review whom, and the findings per team and service."""
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse

from cases.models import Child, Grade
from organisation import policy
from organisation.models import StaffMember

from .models import Answer, AuditAnswer, CaseFileAudit, CorrectiveAction


def auditable_children(user):
    """Children whose files the user may audit: within their scope, and only if their role audits."""
    return Child.objects.visible_to(user) if policy.may_audit(user) else Child.objects.none()


def self_checkable_children(user):
    """Open children the user may self-check (W 4): those allocated to them, if they are a practitioner."""
    if not policy.is_practitioner(user):
        return Child.objects.none()
    return Child.objects.visible_to(user).open().filter(worker=user)


def reviewable_managers(user):
    """Team managers in the user's line of management, whose practice they may review."""
    if not policy.may_review_managers(user):
        return StaffMember.objects.none()
    return StaffMember.objects.managed_by(user).team_managers().filter(is_active=True)


def action_owners(audit):
    """Who may own a corrective action: the team's staff, the practitioner and the auditor."""
    people = [pk for pk in (audit.auditor_id, audit.practitioner_id) if pk]
    return StaffMember.objects.filter(Q(team=audit.team_id) | Q(pk__in=people), is_active=True)


def reviewing_officers():
    return StaffMember.objects.reviewing_officers().filter(is_active=True)


def audits_url(**filters):
    """The audit list filtered as given: how every findings figure drills down."""
    return reverse("audits:list") + "?" + urlencode({k: v for k, v in filters.items() if v not in (None, "")})


@dataclass
class Row:
    """One team (or a service's total): completed audits against programme, grades, overdue actions."""

    label: str
    filters: dict
    team: object = None
    expected: int = 0
    done: int = 0
    grades: dict = field(default_factory=dict)
    overdue: int = 0

    def add(self, other):
        self.expected += other.expected
        self.done += other.done
        self.overdue += other.overdue
        for grade, n in other.grades.items():
            self.grades[grade] = self.grades.get(grade, 0) + n

    @property
    def links(self):
        completed = {**self.filters, "status": "completed"}
        return {
            "done": audits_url(**completed),
            "grades": [(g, self.grades.get(g.value, 0), audits_url(**completed, grade=g.value)) for g in Grade],
            "overdue": audits_url(**{k: v for k, v in self.filters.items() if k != "since"}, overdue="on"),
        }


def findings(user, teams, since, today, months, programme):
    """Per-service rows, each with its teams' rows and a total; and the items most often not met.

    Counts read through the same scoping as the audit list, so a figure and its drill-down agree.
    """
    team_list = list(teams.select_related("service", "manager"))
    audits = CaseFileAudit.objects.visible_to(user).audits().completed().since(since).filter(team__in=teams)
    done = {
        row["team"]: row
        for row in audits.order_by().values("team").annotate(
            n=Count("pk"), **{g.value: Count("pk", filter=Q(grade=g)) for g in Grade}
        )
    }
    overdue = dict(
        CorrectiveAction.objects.visible_to(user).of_audits().overdue(today).filter(audit__team__in=teams)
        .order_by().values_list("audit__team").annotate(n=Count("pk"))
    )
    services = {}
    for team in team_list:
        counts = done.get(team.pk, {})
        row = Row(
            team.name, {"team": team.pk, "since": since.isoformat()}, team=team,
            expected=programme.expected(months) if team.manager_id else 0,
            done=counts.get("n", 0), grades={g.value: counts.get(g.value, 0) for g in Grade},
            overdue=overdue.get(team.pk, 0),
        )
        if team.service_id not in services:
            services[team.service_id] = (
                Row(team.service.name, {"service": team.service_id, "since": since.isoformat()}), []
            )
        total, rows = services[team.service_id]
        total.add(row)
        rows.append(row)
    not_met = (
        AuditAnswer.objects.filter(audit__in=audits, answer=Answer.NOT_MET)
        .order_by().values("item").annotate(n=Count("pk")).order_by("-n", "item")
    )
    return list(services.values()), list(not_met)
