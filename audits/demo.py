"""Demo audits: graded case file audits with corrective actions (some overdue), the demo social worker's
self-checks, and manager practice reviews.

Called by seed_demo after the authority is built. Deterministic (its own
random stream from the demo seed) and rerunnable: a team that already has
audits, or a manager already reviewed by their head of service, is skipped.
"""
import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from cases.models import Category, Child, Grade

from . import checklist, themes
from .models import (
    Answer,
    AuditAnswer,
    AuditKind,
    AuditProgramme,
    AuditStatus,
    CaseFileAudit,
    CorrectiveAction,
    Judgement,
    ManagerPracticeReview,
    ReviewAnswer,
)

AUDITED_TEAMS = 6  # enough for findings across both demo services, whatever the demo's size
GRADES = [(Grade.OUTSTANDING, 1), (Grade.GOOD, 4), (Grade.REQUIRES_IMPROVEMENT, 3), (Grade.INADEQUATE, 1)]
MET_CHANCE = {Grade.OUTSTANDING: 0.97, Grade.GOOD: 0.88, Grade.REQUIRES_IMPROVEMENT: 0.7, Grade.INADEQUATE: 0.45}
NO_ACTION_REASON = "Agreed with the practitioner at the audit; it is put right with the actions above."
NOT_MET = {  # item code: (the auditor's comment, the corrective action)
    "contact_summary": (
        "Address and school out of date on the summary.",
        "Update the contact summary with the new address and school.",
    ),
    "chronology": (
        "No entries since the strategy discussion.",
        "Bring the chronology up to date from the case notes.",
    ),
    "records_owned": (
        "Several entries unsigned and undated.",
        "Sign and date the case notes entered since the last audit.",
    ),
    "visits": (
        "Child not seen alone at the last three visits.",
        "See the child alone at the next visit and record their views.",
    ),
    "management_oversight": (
        "No management decision recorded since allocation.",
        "Record the manager's latest decision on the plan, with its rationale.",
    ),
    "photo": (
        "No photo in the last 12 months.",
        "Add a recent photo, named and dated.",
    ),
    "birth_certificate": (
        "Birth certificate not on file.",
        "Request a copy of the birth certificate and file it.",
    ),
    "quarterly_summary": (
        "No quarterly summary since last autumn.",
        "Write the quarterly summary from recent records and reports.",
    ),
    "plan_and_review": (
        "Latest review minutes missing.",
        "Obtain the review minutes and file them with the plan.",
    ),
    "court_order": (
        "Interim care order not on file.",
        "File the most recent court order.",
    ),
    "reports_owned": (
        "Conference report not dated.",
        "Date and sign the conference report.",
    ),
    "documents_located": (
        "Medical letters filed under correspondence.",
        "Move the medical letters to the health section.",
    ),
    "documents_retained": (
        "Sibling's school reports kept on this file.",
        "Remove the sibling's documents from this file.",
    ),
    "supervision_filed": (
        "Last two case discussions not on the file.",
        "File the last two supervision case discussions.",
    ),
    "confidential_section": (
        "Child's own letter kept in the confidential section.",
        "Move the child's letter out of the confidential section.",
    ),
}
STRENGTHS = [
    "The child's voice is clear throughout; visits are purposeful and well recorded.",
    "Good multi-agency working; the plan is SMART and reviewed on time.",
    "Sensitive direct work with the child about why they have a social worker.",
]
# Under five, the child's voice is observation and play rather than direct work.
YOUNG_STRENGTHS = [
    "Careful observation of the child's care, routines and attachment at every visit.",
    "Good multi-agency working with the health visitor and nursery; the plan is SMART and reviewed on time.",
]
AREAS = [
    "Keep the chronology current and record significant events as they happen.",
    "Make management oversight visible: decisions and their rationale on the file.",
    "Quarterly summaries need to draw together recent reports and case discussion.",
]
RESPONSES = [
    "Agreed. I have started on the chronology and will finish it this week.",
    "Thank you; the review minutes were delayed by the chair, I have chased them.",
]


@transaction.atomic
def seed(authority):
    rng = random.Random(f"audits:{authority.sizes.seed}")  # nosec B311: reproducible fictional demo data
    today = authority.today
    AuditProgramme.objects.get_or_create(pk=1)
    audits = actions = 0
    for n, (team, _, practitioners) in enumerate(authority.teams[:AUDITED_TEAMS]):
        if team.manager is None or CaseFileAudit.objects.audits().filter(team=team).exists():
            continue
        demo_worker = practitioners[0] if n == 0 else None
        made = _team_audits(team, rng, today, count=6 if n == 0 else 3, demo_worker=demo_worker)
        audits += len(made)
        actions += sum(made)
    reviews = _reviews({team.manager for team, _, _ in authority.teams[:2] if team.manager}, rng, today)
    overdue = CorrectiveAction.objects.overdue(today).count()
    authority.log(f"audits: {audits} audits, {actions} corrective actions ({overdue} overdue in all), "
                  f"{reviews} manager reviews")


def _team_audits(team, rng, today, count, demo_worker=None):
    """Completed audits of the team's files over the last four months; returns the actions each got.

    In the demo team the demo social worker's files come first, with an open action and no response
    yet, so they have something to do; and the demo team manager has this month's programme to do.
    """
    children = list(Child.objects.open().filter(team=team).select_related("worker", "reviewing_officer")
                    .order_by("local_id"))
    theirs = [child for child in children if demo_worker and child.worker_id == demo_worker.pk][:2]
    others = [child for child in children if child not in theirs]
    chosen = theirs + rng.sample(others, min(count - len(theirs), len(others)))
    month_start = today.replace(day=1)
    made = []
    for child in chosen:
        auditor = team.manager
        if demo_worker and child is chosen[-1] and child.reviewing_officer:
            auditor = child.reviewing_officer  # an IRO audits a file they review (W 4)
        latest = month_start - timedelta(days=1) if demo_worker and auditor == team.manager else today
        audited_on = max(child.opened_on, latest - timedelta(days=rng.randint(0, 110)))
        audit = _audit(child, auditor, audited_on, rng, today, respond=child not in theirs)
        if child in theirs:
            CorrectiveAction.objects.create(
                audit=audit, owner=demo_worker, due_on=today + timedelta(days=14),
                what="Write the quarterly summary from the recent visits and the review minutes.",
            )
        made.append(audit.actions.count())
    if demo_worker:
        _self_checks(demo_worker, [c for c in children if c.worker_id == demo_worker.pk and c not in theirs], today)
    return made


def _audit(child, auditor, audited_on, rng, today, respond=True):
    grade = rng.choices([g for g, _ in GRADES], weights=[w for _, w in GRADES])[0]
    strengths = YOUNG_STRENGTHS if child.age(audited_on) < 5 else STRENGTHS
    audit = CaseFileAudit.objects.create(
        child=child, team=child.team, practitioner=child.worker, auditor=auditor, audited_on=audited_on,
        status=AuditStatus.COMPLETED, grade=grade, strengths=rng.choice(strengths),
        areas_for_improvement=rng.choice(AREAS) if grade != Grade.OUTSTANDING else "",
    )
    answers, not_met = [], []
    for item in checklist.ITEMS:
        if not _applicable(item, child):
            answers.append(AuditAnswer(audit=audit, item=item.code, answer=Answer.NOT_APPLICABLE))
        elif rng.random() < MET_CHANCE[grade]:
            answers.append(AuditAnswer(audit=audit, item=item.code, answer=Answer.MET))
        else:
            comment = NOT_MET[item.code][0]
            answers.append(AuditAnswer(audit=audit, item=item.code, answer=Answer.NOT_MET, comment=comment))
            not_met.append(item.code)
    for answer in answers:  # the first three items not met get an action each; the rest a reason (the gate)
        if answer.item in not_met[3:]:
            answer.no_action_reason = NO_ACTION_REASON
    AuditAnswer.objects.bulk_create(answers)
    owner = child.worker or audit.auditor
    for code in not_met[:3]:
        _action(audit, code, NOT_MET[code][1], owner, rng, today)
    if "plan_and_review" in not_met and child.reviewing_officer and rng.random() < 0.7:
        audit.reviewing_officer_told = child.reviewing_officer
        audit.reviewing_officer_told_on = min(today, audited_on + timedelta(days=1))
    if respond and child.worker and rng.random() < 0.6:
        audit.practitioner_response = rng.choice(RESPONSES)
        responded = min(today, audited_on + timedelta(days=rng.randint(1, 7)))
        audit.responded_at = timezone.make_aware(datetime.combine(responded, time(16)))
    audit.save()
    return audit


def _applicable(item, child):
    if item.code == "court_order" or item.looked_after_only:
        return child.category == Category.LOOKED_AFTER
    return True


# The demo social worker's self-checks: (item not met, with the corrective action they set themselves).
SELF_CHECKS = (("plan_and_review", 40), ("chronology", 12))


def _self_checks(worker, children, today):
    """The demo social worker's self-checks of two more of their files (W 4), one finding the review minutes
    missing: so their team manager has the IRO or CP chair to tell. Returns how many were made."""
    if CaseFileAudit.objects.self_checks().filter(auditor=worker).exists():
        return 0
    for child, (code, days_ago) in zip(children, SELF_CHECKS, strict=False):
        check = CaseFileAudit.objects.create(
            child=child, team=child.team, practitioner=worker, auditor=worker, kind=AuditKind.SELF_CHECK,
            audited_on=max(child.opened_on, today - timedelta(days=days_ago)), status=AuditStatus.COMPLETED,
            strengths="Visits are up to date and the child's views are recorded at each one.",
        )
        AuditAnswer.objects.bulk_create([
            AuditAnswer(
                audit=check, item=item.code,
                answer=(Answer.NOT_MET if item.code == code else Answer.MET) if _applicable(item, child)
                else Answer.NOT_APPLICABLE,
                comment=NOT_MET[code][0] if item.code == code else "",
            )
            for item in checklist.ITEMS
        ])
        CorrectiveAction.objects.create(
            audit=check, item=code, what=NOT_MET[code][1], owner=worker, due_on=today + timedelta(days=10),
        )
    return min(len(children), len(SELF_CHECKS))


def _action(audit, item, what, owner, rng, today):
    due_on = audit.audited_on + timedelta(days=rng.randint(10, 28))
    action = CorrectiveAction(audit=audit, item=item, what=what, owner=owner, due_on=due_on)
    if due_on < today and rng.random() < 0.6:  # the rest of the past-due ones are overdue
        action.done_on = min(today, due_on + timedelta(days=rng.randint(-7, 4)))
        action.done_by = owner
        if rng.random() < 0.7:
            action.verified_by, action.verified_on = audit.auditor, min(today, action.done_on + timedelta(days=3))
    action.save()


def _reviews(managers, rng, today):
    """A completed W Appendix 1 review of each manager by their head of service, if they have none yet."""
    made = 0
    for manager in sorted(managers, key=lambda m: m.username):
        head = manager.line_manager
        if head is None or ManagerPracticeReview.objects.filter(manager=manager, reviewer=head).exists():
            continue
        review = ManagerPracticeReview.objects.create(
            manager=manager, reviewer=head, reviewed_on=today - timedelta(days=rng.randint(60, 330)),
            status=AuditStatus.COMPLETED,
            agreed_actions="Audit two files a month and follow each corrective action to verification; "
                           "minute every team meeting; agree a development plan with each practitioner.",
        )
        ReviewAnswer.objects.bulk_create([
            ReviewAnswer(
                review=review, theme=theme.code,
                judgement=Judgement.UNACCEPTABLE if rng.random() < 0.2 else Judgement.ACCEPTABLE,
                evidence=f"Discussed with {manager.first_name} and checked on the system: {theme.title.lower()}.",
            )
            for theme in themes.THEMES
        ])
        made += 1
    return made
