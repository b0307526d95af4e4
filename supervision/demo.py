"""Supervision for the demo authority; seed_demo calls `seed(authority)` once it is built.

A year of contracts, sessions (agenda, notes, record, personal section, case
discussions with decisions and actions), observations, appraisals and team
meetings, with the gaps a manager must see: some staff overdue, some case
discussions filed late, some staff without a contract. Each person's history
comes from a generator seeded by their username, so it is deterministic;
people who already have sessions and teams that already have meetings are
skipped, so a rerun adds nothing twice.
"""
import random
from datetime import datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from cases import demo_texts as stories
from cases.models import Allocation, Child, ManagementDecision
from organisation import standards
from organisation.models import Service, StaffMember
from organisation.policy import heads_of_service_q, reviewing_officers_q
from organisation.working_days import add_working_days

from . import demo_text as text
from .frequency import frequency
from .models import (
    AgendaItem,
    Appraisal,
    CaseDiscussion,
    CpdEntry,
    DiscussionAction,
    InductionTick,
    LeadershipVisit,
    Objective,
    ObjectiveReview,
    Observation,
    PersonalSection,
    SupervisionContract,
    SupervisionSession,
    SupportRecord,
    TeamMeeting,
    TeamMeetingAction,
    TrainingRecord,
)
from .models.learning import INDUCTION_ITEMS, INDUCTION_WEEKS

DEMO_SUPERVISEE = "socialworker"
# The demo team manager's own team shows each gap: one colleague overdue, one without a contract.
DEMO_OVERDUE, DEMO_NO_CONTRACT = "sw1-2", "sw1-3"
Status = SupervisionSession.Status


def seed(authority):
    Seeder(authority).run()


class Seeder:
    def __init__(self, authority):
        self.authority = authority
        self.today = authority.today
        self.now = timezone.now()
        self.figures = standards.figures("SUP-FREQ")
        self.filing_days = standards.figure("SUP-FILED", "working_days")
        self.sessions = []  # (session, agenda, personal, discussions); discussions: (discussion, decision, actions)
        self.contracts, self.observations, self.appraisals = [], [], []

    def rng(self, key):
        return random.Random(f"{self.authority.sizes.seed}:supervision:{key}")  # nosec B311: demo data

    def at(self, day, hour=16):
        """A moment on `day`, never later than now."""
        return min(timezone.make_aware(datetime.combine(day, time(hour))), self.now)

    @transaction.atomic
    def run(self):
        done = set(SupervisionSession.objects.values_list("supervisee_id", flat=True))
        children = self.children()
        for team, _, practitioners in self.authority.teams:
            manager = team.manager
            for member in practitioners:
                if member.pk not in done:
                    self.person(member, manager, children["worker"].get(member.pk, []))
            head = team.service.head
            if head and manager.pk not in done:
                self.person(manager, head, children["team"].get(team.pk, []), case_holder=False)
        # Heads of service and IROs are supervised, contracted, appraised and observed too (SPEC 4b).
        seniors = StaffMember.objects.supervised().filter(heads_of_service_q() | reviewing_officers_q())
        for member in seniors.exclude(pk__in=done).select_related("line_manager").order_by("pk"):
            self.person(member, member.line_manager, [], case_holder=False)
        self.save()
        self.meetings()
        self.objectives_and_support()
        self.learning()
        self.leadership()

    def children(self):
        """Open children by worker and by team, each with their allocation's W 3 items and their story."""
        teams = [team for team, _, _ in self.authority.teams]
        allocations = {
            a["child_id"]: a
            for a in Allocation.objects.filter(ended_on=None, team__in=teams).values(
                "child_id", "purpose", "expectations", "contingency"
            )
        }
        grouped = {"worker": {}, "team": {}}
        for child in Child.objects.open().filter(team__in=teams).order_by("pk"):
            child.allocation = allocations.get(child.pk, {})
            child.story = self.authority.story(child)
            grouped["worker"].setdefault(child.worker_id, []).append(child)
            grouped["team"].setdefault(child.team_id, []).append(child)
        return grouped

    # --- one person's year ------------------------------------------------

    def person(self, member, supervisor, children, case_holder=True):
        rng, today = self.rng(member.username), self.today
        demo = member.username == DEMO_SUPERVISEE
        overdue = member.username == DEMO_OVERDUE or (not demo and rng.random() < 0.15)

        def interval(day):
            return frequency(member, day, self.figures).interval

        days = (today - (today - interval(today))).days  # the current interval, in days
        gap = 5 if demo else days + rng.randint(5, 25) if overdue else rng.randint(1, days - 3)
        start = today - timedelta(days=365)
        if member.date_qualified and member.date_qualified > start:
            start = member.date_qualified + timedelta(days=7)
        day, dates = today - timedelta(days=gap), []
        while day >= start:
            dates.append(day)
            day = day - interval(day) + timedelta(days=rng.randint(0, 2))
        for n, on in enumerate(reversed(dates)):
            latest = n == len(dates) - 1
            if not latest and rng.random() < 0.05:
                self.cancelled(member, supervisor, on, rng)
            elif case_holder:
                self.held(member, supervisor, on, rng, children, 2 if demo and latest else rng.randint(1, 3),
                          awaiting=demo and latest)
            else:
                # A non-case-holder discussing a team's child: the decision still goes on the child's file (W 4).
                self.held(member, supervisor, on, rng, children, 1 if rng.random() < 0.3 else 0, decides=True)
        self.planned(member, supervisor, dates[0] if dates else today, interval(today), rng, overdue, demo)
        self.development(member, supervisor, start, rng, demo)

    def session(self, member, supervisor, on, status, **fields):
        return SupervisionSession(supervisor=supervisor, supervisee=member, date=on, status=status, **fields)

    def cancelled(self, member, supervisor, on, rng):
        session = self.session(member, supervisor, on, Status.CANCELLED, cancelled_reason=rng.choice(text.CANCELLED))
        self.sessions.append((session, [], None, []))

    def held(self, member, supervisor, on, rng, children, count, awaiting=False, decides=False):
        """A held session; `awaiting` keeps its record waiting for the supervisee's acknowledgement."""
        late = not awaiting and rng.random() < 0.08
        completed = self.at(add_working_days(on, rng.randint(3, 6) if late else rng.randint(0, 1)))
        recent = (self.now - completed).days < 10
        acknowledged = not awaiting and rng.random() < (0.5 if recent else 0.95)
        acknowledged_at = min(completed + timedelta(days=rng.randint(0, 3)), self.now) if acknowledged else None
        comment = acknowledged and rng.random() < 0.1
        session = self.session(
            member, supervisor, on, Status.HELD,
            record=rng.choice(text.RECORDS), completed_at=completed, acknowledged_at=acknowledged_at,
            preparation=rng.choice(text.PREPARATION) if rng.random() < 0.4 else "",
            reflection=rng.choice(text.REFLECTION) if rng.random() < 0.3 and not awaiting else "",
            supervisee_comment="Agreed; I would add that the family asked for visits after school." if comment else "",
            commented_at=acknowledged_at if comment else None,
        )
        personal = {name: rng.choice(options) for name, options in text.PERSONAL.items()}
        agenda = [(rng.choice(text.AGENDA), rng.choice([member, supervisor])) for _ in range(rng.randint(1, 3))]
        eligible = [child for child in children if child.opened_on <= on]
        picked = rng.sample(eligible, min(count, len(eligible)))
        discussions = [
            self.discussion(session, child, completed, rng, member, supervisor, decides) for child in picked
        ]
        self.sessions.append((session, agenda, personal, discussions))

    def discussion(self, session, child, filed_at, rng, member, supervisor, decides):
        story = child.story
        decision_text, rationale = stories.decision(story) if decides or rng.random() < 0.4 else ("", "")
        purpose, expectations, contingency = stories.allocation(story)
        discussion = CaseDiscussion(
            child=child,
            purpose=child.allocation.get("purpose") or purpose,
            expectations=child.allocation.get("expectations") or expectations,
            contingency=child.allocation.get("contingency") or contingency,
            discussion=stories.discussion(story, rng),
            decision=decision_text,
            rationale=rationale,
            filing_due_on=add_working_days(session.date, self.filing_days),
            filed_at=filed_at,
        )
        decision = ManagementDecision(
            child=child, decided_on=session.date, manager=supervisor,
            context=ManagementDecision.Context.SUPERVISION, decision=decision_text, rationale=rationale,
        ) if decision_text else None
        actions = [
            DiscussionAction(
                what=what, owner=rng.choice([member, member, supervisor]),
                due_on=session.date + timedelta(days=rng.randint(7, 28)),
            )
            for what in stories.discussion_actions(story, rng, rng.randint(1, 2))
        ]
        return discussion, decision, actions

    def planned(self, member, supervisor, last, interval, rng, overdue, demo):
        if demo:
            on = self.today + timedelta(days=9)
        elif overdue:
            roll = rng.random()
            if roll < 0.4:
                return
            # Some overdue staff have a session booked; a few were held but the record never completed.
            on = self.today + timedelta(days=rng.randint(2, 10)) if roll < 0.8 else self.today - timedelta(days=2)
        else:
            on = max(last + interval - timedelta(days=rng.randint(0, 2)), self.today + timedelta(days=1))
        session = self.session(member, supervisor, on, Status.PLANNED)
        self.sessions.append((session, [("Caseload review", supervisor)], None, []))

    def development(self, member, supervisor, start, rng, demo):
        today = self.today
        if demo or (member.username != DEMO_NO_CONTRACT and rng.random() > 0.1):
            agreed = start - timedelta(days=rng.randint(0, 10))
            staff_signed = agreed + timedelta(days=rng.randint(0, 5)) if demo or rng.random() > 0.06 else None
            self.contracts.append(SupervisionContract(
                staff=member, supervisor=supervisor, agreed_on=agreed, review_on=agreed + relativedelta(months=12),
                frequency=SupervisionContract.frequency_for(frequency(member, agreed, self.figures)),
                arrangements="Fortnightly or monthly in a private room, 90 minutes; both bring agenda items.",
                supervisor_signed_on=agreed, staff_signed_on=staff_signed,
            ))
        qualified = member.date_qualified or start
        # Observed in the last year (after qualifying), except for some; and once the year before.
        current = demo or rng.random() < 0.85
        latest = rng.randint(14, max(14, min(330, (today - qualified).days - 7)))
        observed = [today - timedelta(days=latest)] if current else []
        observed.append((observed[0] if observed else today) - timedelta(days=rng.randint(380, 450)))
        for on in (day for day in observed if day > qualified):
            self.observations.append(Observation(
                practitioner=member, observer=supervisor, observed_on=on,
                setting=rng.choice([Observation.Setting.HOME_VISIT] * 3 + list(Observation.Setting.values)),
                feedback=rng.choice(text.OBSERVATION_FEEDBACK),
            ))
        # The worker without a contract has also gone over a year since their appraisal: one sure example.
        roll = 0 if demo else 0.85 if member.username == DEMO_NO_CONTRACT else rng.random()
        held_on = today - timedelta(days=rng.randint(20, 340) if roll < 0.8 else rng.randint(380, 450))
        if roll < 0.92 and held_on > qualified:
            appraisal = Appraisal(staff=member, appraiser=supervisor, held_on=held_on, **text.APPRAISAL)
            self.appraisals.append((member, appraisal))

    # --- saving -----------------------------------------------------------

    def objectives_and_support(self):
        """Each team's objective; the demo social worker's objectives, reviewed in their latest sessions; one
        restricted support record in the demo team manager's team. Skipped where already there."""
        start = self.today - relativedelta(months=4)
        for team, _, _ in self.authority.teams:
            if team.manager and not Objective.objects.filter(team=team).exists():
                title, success = text.TEAM_OBJECTIVE
                Objective.objects.create(team=team, title=title, success=success, set_by=team.manager, set_on=start,
                                         due_on=start + relativedelta(months=12))
        worker = StaffMember.objects.filter(username=DEMO_SUPERVISEE).select_related("line_manager").first()
        if worker and worker.line_manager and not Objective.objects.filter(staff=worker).exists():
            held = SupervisionSession.objects.held().filter(supervisee=worker).order_by("-date").first()
            for title, success, progress, note in text.OBJECTIVES:
                objective = Objective.objects.create(
                    staff=worker, title=title, success=success, set_by=worker.line_manager, set_on=start,
                    due_on=start + relativedelta(months=12),
                )
                if held:
                    ObjectiveReview.objects.create(
                        objective=objective, staff=worker, session=held, progress=progress, note=note,
                        reviewed_by=held.supervisor, reviewed_on=held.date,
                    )
        supported = StaffMember.objects.filter(username=DEMO_OVERDUE).select_related("line_manager").first()
        if supported and supported.line_manager and not SupportRecord.objects.filter(staff=supported).exists():
            SupportRecord.objects.create(
                staff=supported, recorded_by=supported.line_manager, recorded_on=self.today - timedelta(days=20),
                review_on=self.today + timedelta(days=22), **text.SUPPORT_RECORD,
            )

    def learning(self):
        """Supervision-skills training for everyone who supervises, lapsed for one team's manager (SUPERVISOR-
        TRAINING flags it); the demo social worker's training and CPD; joiners' inductions part done. Skipped where
        already there."""
        if TrainingRecord.objects.exists():
            return
        supervisors = StaffMember.objects.filter(is_active=True, direct_reports__is_active=True).distinct()
        lapsed = [team.manager.pk for team, _, _ in self.authority.teams[1:2] if team.manager]
        records = []
        for member in supervisors.order_by("pk"):
            completed = self.today - timedelta(days=self.rng(f"training:{member.pk}").randint(60, 900))
            if member.pk in lapsed:
                completed = self.today - relativedelta(years=3, days=40)
            records.append(TrainingRecord(
                staff=member, kind=TrainingRecord.Kind.SUPERVISION_SKILLS, course=text.SUPERVISION_SKILLS_COURSE,
                completed_on=completed, expires_on=completed + relativedelta(years=3), recorded_by=member,
            ))
        worker = StaffMember.objects.filter(username=DEMO_SUPERVISEE).first()
        if worker:
            course, evidence = text.SAFEGUARDING_COURSE
            records.append(TrainingRecord(
                staff=worker, kind=TrainingRecord.Kind.SAFEGUARDING, course=course, evidence=evidence,
                completed_on=self.today - timedelta(days=75), expires_on=self.today + relativedelta(years=3, days=-75),
                recorded_by=worker,
            ))
            CpdEntry.objects.bulk_create(
                CpdEntry(staff=worker, done_on=self.today - timedelta(days=30 * (n + 1)), activity=activity,
                         reflection=reflection, hours=hours)
                for n, (activity, reflection, hours) in enumerate(text.CPD_ENTRIES)
            )
        TrainingRecord.objects.bulk_create(records)
        joiners = StaffMember.objects.filter(
            is_active=True, line_manager__isnull=False,
            started_in_post__gte=self.today - timedelta(weeks=INDUCTION_WEEKS), started_in_post__lte=self.today,
        )
        InductionTick.objects.bulk_create(
            InductionTick(staff=joiner, item=key, done_on=min(joiner.started_in_post + timedelta(days=n), self.today),
                          ticked_by=joiner.line_manager)
            for joiner in joiners for n, (key, _label) in enumerate(INDUCTION_ITEMS[:4])
        )

    def leadership(self):
        """W 6: the demo head of service's office visits and team meetings attended, and the director's
        briefings, over the last ten weeks, for the head of service's teams. Skipped if any are there."""
        leaders = {m.username: m for m in StaffMember.objects.filter(username__in=("headofservice", "director"))}
        service = Service.objects.filter(head__username="headofservice").first()
        teams = list(service.teams.order_by("name")) if service else []
        if not teams or len(leaders) < 2 or LeadershipVisit.objects.exists():
            return
        for days_ago, who, kind, which, note in text.LEADERSHIP_VISITS:
            visit = LeadershipVisit.objects.create(
                held_on=self.today - timedelta(days=days_ago), kind=kind, note=note, leader=leaders[who],
            )
            visit.teams.set(teams if which == "all" else [teams[n % len(teams)] for n in which])
        self.authority.log(f"visible leadership: {len(text.LEADERSHIP_VISITS)} visits, team meetings and briefings")

    def save(self):
        sessions = SupervisionSession.objects.bulk_create([s for s, _, _, _ in self.sessions], batch_size=2000)
        agenda, personal, discussions, decisions = [], [], [], []
        for session, (_, items, notes, talks) in zip(sessions, self.sessions, strict=True):
            agenda += [AgendaItem(session=session, text=t, added_by=by) for t, by in items]
            if notes:
                personal.append(PersonalSection(session=session, **notes))
            for discussion, decision, actions in talks:
                discussion.session = session
                discussions.append((discussion, decision, actions))
                decisions += [decision] if decision else []
        AgendaItem.objects.bulk_create(agenda, batch_size=5000)
        PersonalSection.objects.bulk_create(personal, batch_size=5000)
        ManagementDecision.objects.bulk_create(decisions, batch_size=5000)
        for discussion, decision, _ in discussions:
            discussion.management_decision = decision
        CaseDiscussion.objects.bulk_create([d for d, _, _ in discussions], batch_size=5000)
        actions = []
        held = _held_dates((s.supervisee_id, s.date) for s in sessions if s.status == Status.HELD)
        rng = self.rng("discussion-actions")
        for discussion, _, items in discussions:
            for action in items:
                action.discussion = discussion
                _settle(action, held.get(discussion.session.supervisee_id, []), discussion.session.date, rng,
                        self.today)
                actions.append(action)
        DiscussionAction.objects.bulk_create(actions, batch_size=5000)
        SupervisionContract.objects.bulk_create(self.contracts, batch_size=5000)
        observations = Observation.objects.bulk_create(self.observations, batch_size=5000)
        latest = {}
        for observation in sorted(observations, key=lambda o: o.observed_on):
            latest.setdefault(observation.practitioner_id, []).append(observation)
        appraisals = []
        for member, appraisal in self.appraisals:
            before = [o for o in latest.get(member.pk, []) if o.observed_on <= appraisal.held_on]
            appraisal.observation = before[-1] if before else None
            appraisals.append(appraisal)
        Appraisal.objects.bulk_create(appraisals, batch_size=5000)
        late = sum(1 for d, _, _ in discussions if d.is_filed_late())
        self.authority.log(
            f"supervision: {len(sessions)} sessions, {len(discussions)} case discussions ({late} filed late), "
            f"{len(self.contracts)} contracts, {len(observations)} observations, {len(appraisals)} appraisals"
        )

    def meetings(self):
        seeded = set(TeamMeeting.objects.values_list("team_id", flat=True))
        meetings, attendance, actions = [], [], []
        for index, (team, _, practitioners) in enumerate(self.authority.teams):
            if team.pk in seeded or team.manager is None:
                continue
            rng = self.rng(f"team:{team.name}")
            # The second team has let its meetings lapse: TEAM-MEETING should flag it.
            until = self.today - timedelta(weeks=8 if index == 1 else 1)
            day = self.today - timedelta(weeks=52) + timedelta(days=rng.randint(0, 6))
            while day <= until:
                people = [team.manager] + [p for p in practitioners if rng.random() < 0.85]
                meetings.append((TeamMeeting(
                    team=team, held_on=day, chair=team.manager, agenda=text.MEETING_AGENDA,
                    minutes=text.MEETING_MINUTES, recorded_by=team.manager,
                ), people, rng.choice(practitioners) if practitioners else team.manager))
                day += timedelta(weeks=4)
            if index == 0:
                meetings.append((TeamMeeting(
                    team=team, held_on=self.today + timedelta(days=7), chair=team.manager,
                    agenda=text.MEETING_AGENDA, recorded_by=team.manager,
                ), [], None))
        saved = TeamMeeting.objects.bulk_create([m for m, _, _ in meetings], batch_size=2000)
        Through = TeamMeeting.attendees.through
        held = _held_dates((m.team_id, m.held_on) for m in saved if m.minutes and m.held_on <= self.today)
        rng = self.rng("meeting-actions")
        for meeting, (_, people, owner) in zip(saved, meetings, strict=True):
            attendance += [Through(teammeeting_id=meeting.pk, staffmember_id=p.pk) for p in people]
            if owner and meeting.minutes:
                action = TeamMeetingAction(
                    meeting=meeting, what=rng.choice(text.MEETING_ACTIONS), owner=owner,
                    due_on=meeting.held_on + timedelta(days=14),
                )
                _settle(action, held.get(meeting.team_id, []), meeting.held_on, rng, self.today)
                actions.append(action)
        Through.objects.bulk_create(attendance, batch_size=5000)
        TeamMeetingAction.objects.bulk_create(actions, batch_size=5000)
        self.authority.log(f"team meetings: {len(saved)} added")


def _held_dates(pairs):
    """{group id: [dates]}: the sessions held by each supervisee, or the minuted meetings of each team."""
    held = {}
    for group, day in pairs:
        held.setdefault(group, []).append(day)
    return held


def _settle(action, held, agreed_on, rng, today):
    """Most actions past their date were done (nearly all the old ones), by their owner; each open at a later
    session or meeting was carried over to it, as organisation/actions.py carry_over() counts."""
    if action.due_on < today and rng.random() < (0.97 if action.due_on < today - timedelta(days=60) else 0.7):
        action.done_on = max(agreed_on, min(today, action.due_on + timedelta(days=rng.randint(-10, 3))))
        action.done_by = action.owner
    until = action.done_on or today + timedelta(days=1)
    action.carried = sum(1 for day in held if agreed_on < day < until)
