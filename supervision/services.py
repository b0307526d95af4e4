"""Writes that touch several models: sessions, their case discussions and the child's record."""
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction

from cases.models import Child, ManagementDecision
from organisation import writes
from organisation.notifications import notify

from .models import (
    CaseDiscussion,
    DiscussionAction,
    Objective,
    SessionAction,
    SupervisionSession,
    TeamMeeting,
    TeamMeetingAction,
)


class AlreadyDone(Exception):
    """Someone else completed, cancelled, filed or acknowledged it first."""


class Incomplete(ValidationError):
    """The record cannot be completed yet: `problems` says why and where each is put right."""

    def __init__(self, problems):
        super().__init__([problem.text for problem in problems])
        self.problems = problems


def _discussion(session, child):
    """A discussion about `child`, opened with the W 3 items of the child's current allocation."""
    allocation = child.allocations.filter(ended_on__isnull=True).first()
    discussion = CaseDiscussion(
        session=session,
        child=child,
        purpose=allocation.purpose if allocation else "",
        expectations=allocation.expectations if allocation else "",
        contingency=allocation.contingency if allocation else "",
        filing_due_on=CaseDiscussion.filing_deadline(session.date),
    )
    discussion.full_clean()
    discussion.save()
    return discussion


def discussable_children(session):
    """Children both parties may see: the supervisee's cases, or a non-case-holder's team's cases (W 4)."""
    return (
        Child.objects.visible_to(session.supervisor)
        .filter(pk__in=Child.objects.visible_to(session.supervisee).values("pk"))
        .open()
        .exclude(case_discussions__session=session)
    )


@transaction.atomic
def start_session(*, supervisor, supervisee, on, children=()):
    """Plan or start a session, with a case discussion for each child picked."""
    session = SupervisionSession(supervisor=supervisor, supervisee=supervisee, date=on)
    session.full_clean()
    session.save()
    for child in children:
        _discussion(session, child)
    return session


@transaction.atomic
def add_case_discussion(*, session, child):
    if not discussable_children(session).filter(pk=child.pk).exists():
        raise ValidationError("This child cannot be discussed in this session.")
    return _discussion(session, child)


def revise_case_discussion(case_discussion, /, **fields):
    if not case_discussion.revise(**fields):
        raise AlreadyDone("This case discussion is already on the child's record and can no longer change.")


@transaction.atomic
def save_record(*, session, on, record):
    """The supervisor's record while the session is open; a new date moves its open discussions' deadline."""
    session.date, session.record = on, record
    session.full_clean()
    if not writes.transition(session, {"status": SupervisionSession.Status.PLANNED}, by=session.supervisor,
                             date=on, record=record):
        raise AlreadyDone("This session is no longer open.")
    due = CaseDiscussion.filing_deadline(on)
    for discussion in session.case_discussions.filter(filed_at__isnull=True).exclude(filing_due_on=due):
        writes.transition(discussion, {"filed_at": None}, by=session.supervisor, filing_due_on=due)


@transaction.atomic
def file_case_discussion(*, discussion, today, now):
    """Put a case discussion on the child's record, its decision as a management decision (K 6, W 3, W 4).

    1. Check the W 3 items are there and the session has taken place.
    2. Mark it filed, only if nobody filed it first.
    3. Record the decision, if any, on the child's record, owned by the supervisor.
    4. Tell the child's allocated worker, unless they filed it.
    """
    session = discussion.session
    if missing := discussion.missing_for_filing():
        raise ValidationError(f"Complete the case discussion first: {', '.join(missing)}.")
    if session.status == SupervisionSession.Status.CANCELLED:
        raise ValidationError("The session was cancelled; its case discussions are not filed.")
    if session.date > today:
        raise ValidationError("A case discussion is filed on or after the day of the session.")
    if not writes.transition(discussion, {"filed_at": None}, by=session.supervisor, filed_at=now):
        raise AlreadyDone("This case discussion is already on the child's record.")
    if discussion.decision:
        decision = ManagementDecision(
            child=discussion.child,
            decided_on=session.date,
            manager=session.supervisor,
            context=ManagementDecision.Context.SUPERVISION,
            decision=discussion.decision,
            rationale=discussion.rationale,
        )
        decision.full_clean()
        writes.save(decision, by=session.supervisor)
        writes.transition(discussion, {}, by=session.supervisor, management_decision=decision)
    child = discussion.child
    notify(
        child.worker, f"{session.supervisor} filed a case discussion on child {child.local_id}'s record.",
        discussion.get_absolute_url(), actor=session.supervisor, now=now,
    )
    return discussion


@transaction.atomic
def complete_session(*, session, today, now):
    """The supervisor completes the record: the session is held and every case discussion filed."""
    session = writes.lock(session, status=SupervisionSession.Status.PLANNED)
    if session is None:
        raise AlreadyDone("This session is no longer open.")
    if problems := session.completion_problems(today):
        raise Incomplete(problems)
    session.status, session.completed_at = SupervisionSession.Status.HELD, now
    writes.save(session, by=session.supervisor)
    for discussion in session.case_discussions.filter(filed_at__isnull=True).select_related("session", "child"):
        file_case_discussion(discussion=discussion, today=today, now=now)
    later = SupervisionSession.objects.filter(
        supervisee=session.supervisee, status=SupervisionSession.Status.HELD, date__gt=session.date
    )
    if not later.exists():
        # Not done by this session: carried forward from the supervisee's earlier sessions, once per session.
        DiscussionAction.objects.filter(
            discussion__session__supervisee=session.supervisee, discussion__session__date__lt=session.date
        ).carry_over(by=session.supervisor)
        SessionAction.objects.filter(
            session__supervisee=session.supervisee, session__date__lt=session.date
        ).carry_over(by=session.supervisor)
    return session


@transaction.atomic
def add_session_action(form, *, session):
    """An action agreed in the session, outside any case discussion, while its record is open."""
    # Locked open, so a record completed meanwhile takes no action it did not carry.
    if writes.lock(session, status=SupervisionSession.Status.PLANNED) is None:
        raise AlreadyDone("This session is no longer open.")
    form.instance.session = session
    return writes.save(form.save(commit=False), by=session.supervisor)


@transaction.atomic
def record_appraisal(appraisal):
    """Save an appraisal and turn its goals for the coming year, one a line, into the person's objectives (W 5.2):
    due a year after the appraisal, reviewed in supervision from then on."""
    writes.save(appraisal, by=appraisal.appraiser)
    for line in appraisal.goals.splitlines():
        goal = line.strip().lstrip("-•*").strip()
        if goal:
            writes.save(Objective(
                staff=appraisal.staff, title=goal[:300], due_on=appraisal.held_on + relativedelta(years=1),
                set_by=appraisal.appraiser, set_on=appraisal.held_on, appraisal=appraisal,
            ), by=appraisal.appraiser)
    return appraisal


@transaction.atomic
def record_team_meeting(form, *, by):
    """Save a new team meeting from its form; the team's actions not done by it are carried forward."""
    meeting = form.save()
    if not TeamMeeting.objects.filter(team=meeting.team, held_on__gt=meeting.held_on).exists():
        TeamMeetingAction.objects.filter(
            meeting__team=meeting.team, meeting__held_on__lt=meeting.held_on
        ).carry_over(by=by)
    return meeting
