"""Each person's digest of their flags, by email, daily or weekly as they choose.

A person's flags are those they own, those escalated to them (compliance/owners.py), and,
for a manager, every flag newly raised in their scope: all within what they may see, so
each link opens for them. A digest is sent only when something is new since the last one:
a flag raised, a flag newly escalated to them, or a plan whose date has newly passed.
"""
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from organisation import policy
from organisation.models import DigestFrequency, StaffMember
from organisation.scoping import personal_file_filter

from .models import Digest, Escalation, Flag, SubjectKind
from .owners import presented

# A flag still open this long after the standard was last met counts as long-open in the Digest row.
LONG_OPEN = timedelta(days=14)
# Lines in one email; new and escalated lines first, the rest on the Flags page.
LISTED = 100
MONDAY = 0


@dataclass
class Line:
    flag: Flag
    about: str
    url: str
    days: int  # since the standard was last met
    plan_url: str = ""
    is_new: bool = False
    escalated: bool = False
    newly_escalated: bool = False
    plan_newly_overdue: bool = False

    @property
    def is_news(self):
        return self.is_new or self.newly_escalated or self.plan_newly_overdue


@dataclass
class Group:
    worker: StaffMember | None
    standards: list = field(default_factory=list)  # [(Definition, [Line, ...])], by name then code


def is_due(person, today):
    """Daily people every day; weekly people on Mondays."""
    return person.digest_frequency == DigestFrequency.DAILY or today.weekday() == MONDAY


def recipients(today):
    """Active people with an email address, due a digest today, who have not had today's."""
    already = Digest.objects.filter(day=today).values("manager")
    people = StaffMember.objects.filter(is_active=True).exclude(email="").exclude(pk__in=already)
    if today.weekday() != MONDAY:
        people = people.filter(digest_frequency=DigestFrequency.DAILY)
    return people


def last_sent(person):
    return Digest.objects.filter(manager=person).values_list("sent_at", flat=True).first()


def since(person, now):
    """Where this digest's "new" begins: the last digest sent, else one period back."""
    return last_sent(person) or now - timedelta(days=7 if person.digest_frequency == DigestFrequency.WEEKLY else 1)


def absolute(path):
    return settings.OVERSIGHT_BASE_URL.rstrip("/") + path


def build(person, *, today, now):
    """The digest's context for `person`, or None when nothing is new since their last one."""
    start = since(person, now)
    start_day = timezone.localdate(start)
    pk = person.pk
    mine = Q(owner_id=pk) | Q(owner_manager_id=pk) | Q(head_id=pk)
    if policy.is_manager(person):
        mine |= Q(raised_at__gt=start)
    flags = Flag.objects.open().visible_to(person).with_owners().filter(mine)
    flags = presented(flags.select_related("child", "staff", "team", "plan"), today)
    files = set(StaffMember.objects.filter(personal_file_filter(person)).values_list("pk", flat=True))
    plans_for = policy.planned_for_by(person, StaffMember.objects.filter(pk__in={f.owner_id for f in flags}))
    lines = []
    for flag in flags:
        level = flag.escalation_level
        mine_from = _escalated_to(flag, pk, level)
        is_new = flag.raised_at > start
        if flag.owner_id != pk and not mine_from and not (is_new and policy.is_manager(person)):
            continue  # annotated as theirs only at a level not yet reached
        plan = getattr(flag, "plan", None)
        lines.append(Line(
            flag=flag,
            about=_about(flag),
            url=absolute(_where_fixed(flag, files, pk)),
            days=flag.days_open(today),
            plan_url=absolute(reverse("compliance:flag_plan", args=[flag.pk])) if flag.owner_id in plans_for else "",
            is_new=is_new,
            escalated=bool(mine_from),
            newly_escalated=bool(mine_from) and flag.escalates_after(mine_from) >= start_day,
            plan_newly_overdue=flag.plan_overdue and plan.plan_by >= start_day,
        ))
    if not any(line.is_news for line in lines):
        return None
    # Worst first: the longest since the standard was last met; news kept when the list is cut.
    lines.sort(key=lambda line: (line.flag.due_since, line.flag.rule, line.flag.pk))
    listed = {id(line) for line in sorted(lines, key=lambda line: not line.is_news)[:LISTED]}
    return {
        "person": person,
        "today": today,
        "since": start,
        "first": last_sent(person) is None,
        "weekly": person.digest_frequency == DigestFrequency.WEEKLY,
        "groups": _grouped([line for line in lines if id(line) in listed], person),
        "new_count": sum(line.is_new for line in lines),
        "escalated_count": sum(line.newly_escalated for line in lines),
        "plans_overdue_count": sum(line.plan_newly_overdue for line in lines),
        "open_count": len(lines),
        "long_open_count": sum(line.flag.due_since <= today - LONG_OPEN for line in lines),
        "unlisted": len(lines) - len(listed),
        "identifiers_only": settings.DIGEST_IDENTIFIERS_ONLY,
        "flags_url": absolute(reverse("compliance:flags")),
        "profile_url": absolute(person.get_absolute_url()),
    }


def _escalated_to(flag, pk, level):
    """The escalation level at which `flag` reached this person (0: not escalated to them)."""
    if flag.owner_manager_id == pk and level >= Escalation.MANAGER:
        return Escalation.MANAGER
    if flag.head_id == pk and level >= Escalation.HEAD_OF_SERVICE:
        return Escalation.HEAD_OF_SERVICE
    return 0


def _about(flag):
    """Whom the flag is about: a child by local identifier only unless the council allows names."""
    if flag.kind == SubjectKind.CHILD:
        if settings.DIGEST_IDENTIFIERS_ONLY:
            return f"child {flag.child.local_id}"
        return f"{flag.child.full_name} ({flag.child.local_id})"
    if flag.kind == SubjectKind.STAFF:
        return str(flag.staff)
    return f"team {flag.team}"


def _where_fixed(flag, files, reader_id):
    """The page where the breach is put right: the child's record, the supervision file, the team; overdue
    actions on the action tracker (the reader's own, or the person's among their team's)."""
    if flag.rule == "ACTIONS":
        if flag.staff_id == reader_id:
            return reverse("compliance:my_actions")
        return f"{reverse('compliance:team_actions')}?person={flag.staff_id}&overdue=on"
    if flag.kind == SubjectKind.CHILD:
        return flag.child.get_absolute_url()
    if flag.kind == SubjectKind.STAFF:
        if flag.staff_id in files:
            return reverse("supervision:staff", args=[flag.staff_id])
        return flag.staff.get_absolute_url()
    return flag.team.get_absolute_url()


def _grouped(lines, person):
    """By worker (the flag's owner; the reader's own first), worst first, then by standard's name and code."""
    by_worker = {}
    for line in lines:  # already worst first
        by_worker.setdefault(line.flag.owner_id, []).append(line)
    groups = []
    for _, worker_lines in sorted(by_worker.items(), key=lambda item: item[0] != person.pk):
        by_rule = {}
        for line in worker_lines:
            by_rule.setdefault(line.flag.rule, []).append(line)
        standards = sorted(by_rule.items(), key=lambda item: (item[1][0].flag.definition.title, item[0]))
        groups.append(Group(worker_lines[0].flag.owner, [(rule_lines[0].flag.definition, rule_lines)
                                                         for _, rule_lines in standards]))
    return groups


def subject(context):
    escalated = f", {context['escalated_count']} escalated to you" if context["escalated_count"] else ""
    return f"Oversight: {context['new_count']} new flags{escalated}, {context['open_count']} open in all"


def render(context):
    """(subject, plain text, HTML) of a digest."""
    context = {**context, "subject": subject(context)}
    return (
        context["subject"],
        render_to_string("compliance/email/digest.txt", context),
        render_to_string("compliance/email/digest.html", context),
    )


def send_email(person, subject, text, html):
    """The default sender: Django's EMAIL_BACKEND (SMTP in production), a plain-text and an HTML part."""
    message = EmailMultiAlternatives(subject, text, None, [person.email])
    message.attach_alternative(html, "text/html")
    message.send()


def send_all(*, today, now):
    """Send each person due one today their digest, if anything is new; how many were sent."""
    return sum(send_one(person, today=today, now=now) for person in recipients(today))


def send_one(person, *, today, now):
    context = build(person, today=today, now=now)
    if context is None:
        return False
    import_string(settings.DIGEST_SENDER)(person, *render(context))
    Digest.objects.create(
        manager=person, day=today, sent_at=now,
        new_flags=context["new_count"], long_open_flags=context["long_open_count"],
    )
    return True
