"""Demo content for children's records: chronologies, visits, documents, decisions,
meetings, and assessments and plans in every state, some deliberately late so
the compliance worker has something to flag.

What is written comes from each child's story (demo_texts), so it fits their age,
category and home. A few pieces awaiting the demo team manager's sign-off are
deliberately poor, for practising a return; every other piece is good.

Only the children a build has just added get any, so a rerun adds nothing.
"""
import random
from datetime import datetime, time, timedelta

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from organisation.working_days import add_working_days

from . import demo_texts as texts
from . import sign_off
from .models import (
    Assessment,
    AssessmentVersion,
    CaseNote,
    Category,
    Child,
    ChronologyEntry,
    Document,
    Grade,
    ManagementDecision,
    ManagerMeeting,
    PlanAction,
)

# The benchmarks' generator (bench/) draws from EVENTS, SAID, CONTENT and ACTIONS; the demo writes from demo_texts.
EVENTS = [
    (ChronologyEntry.EventType.REFERRAL, "School", "Referral from school: attendance has fallen to 70%."),
    (ChronologyEntry.EventType.ASSESSMENT, "Children's services", "Child and family assessment started."),
    (ChronologyEntry.EventType.STRATEGY, "Police and health", "Strategy discussion held."),
    (ChronologyEntry.EventType.HEALTH, "Health visitor", "Missed two health appointments."),
    (ChronologyEntry.EventType.EDUCATION, "School", "Fixed-term exclusion for two days."),
    (ChronologyEntry.EventType.FAMILY, "Mother", "Father has moved back into the family home."),
    (ChronologyEntry.EventType.POLICE, "Police notification", "Police called to a domestic incident at the home."),
]
SAID = [
    "Likes their new school and wants to stay with their friends.",
    "Worries when mum is upset; wants to see grandma more often.",
    "Said the flat is noisy at night and they are tired at school.",
    "Wants to go to football club on Saturdays.",
]
CONTENT = {
    "identity": "White British; close to grandparents and cousins, who live nearby.",
    "seen_and_heard": "Seen alone at school; spoke about friends, bedtime and what worries them.",
    "child_understanding": "Says I visit 'to help mum and me have calmer days'.",
    "life_story": "",
    "lived_experience": "Gets themself ready for school most days; often hungry by mid-morning.",
    "analysis": "Needs routine, school attendance support and help for mum's mental health; strengths in wider family.",
    "body": "",  # assessments and plans are written in the sections above; a court statement or report here
}
ACTIONS = [
    ("Referral to the school nurse for a health check", "Social worker", 14, "Health check completed and shared"),
    ("Mum attends the parenting group weekly", "Family support worker", 42, "Attendance record from the group"),
    ("Attendance reviewed with the school every fortnight", "School and social worker", 28, "Attendance above 90%"),
]
PLAN_FOR = {
    Category.CHILD_IN_NEED: Assessment.Kind.CIN_PLAN,
    Category.CHILD_PROTECTION: Assessment.Kind.CP_PLAN,
    Category.LOOKED_AFTER: Assessment.Kind.CARE_PLAN,
    Category.CARE_LEAVER: Assessment.Kind.PATHWAY_PLAN,
}
Status = AssessmentVersion.Status
DEMO_MANAGER = "teammanager"
POOR_PIECES = 4  # submitted to the demo team manager and clearly poor, each by a different author

def _at(day):
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


class RecordSeeder:
    def __init__(self, authority):
        self.authority = authority
        self.rng = authority.rng
        self.today = authority.today
        self.log = authority.log
        self.rows = {model: [] for model in (ChronologyEntry, CaseNote, Document, ManagementDecision, ManagerMeeting)}
        self.assessments = []
        self.versions = []  # (version, [actions])
        self.demo_queue = 0
        self.poor_authors = []
        self.analyses = set()  # no two pieces of work share an analysis
        self.previous_name = "Jayden"  # whose file a copy-pasted piece came from

    def seed(self, added):
        children = list(
            Child.objects.open()
            .filter(pk__in=[c.pk for c in added], worker__isnull=False)
            .select_related("team__manager", "worker")
            .order_by("local_id")
        )
        for child in children:
            self.child(child)
        self.documents_for_demo_worker([c for c in children if c.worker.username == "socialworker"])
        for model, rows in self.rows.items():
            model.objects.bulk_create(rows, batch_size=5000)
        # In bulk, with their history as if each were created on its own.
        bulk_create_with_history(self.assessments, Assessment, batch_size=2000)
        AssessmentVersion.objects.bulk_create([v for v, _ in self.versions], batch_size=5000)
        PlanAction.objects.bulk_create([a for _, actions in self.versions for a in actions], batch_size=5000)
        ManagementDecision.objects.bulk_create([self.decision(v) for v, _ in self.versions if v.decided_by_id])
        self.log(
            f"records: {len(children)} children; "
            + ", ".join(f"{len(rows)} {model._meta.verbose_name_plural}" for model, rows in self.rows.items())
            + f", {len(self.versions)} assessment versions"
        )

    def child(self, child):
        rng, today = self.rng, self.today
        worker, manager = child.worker, child.team.manager or child.worker
        story = self.authority.story(child)
        open_days = (today - child.opened_on).days
        # Chronology: a few children have none (CHRON-MISSING), some have gone stale (CHRON-STALE).
        if rng.random() > 0.05 or open_days < 10:
            last = today - timedelta(days=rng.randint(120, 200) if rng.random() < 0.1 else rng.randint(1, 60))
            events = texts.chronology(story, rng, rng.randint(2, 6))
            days = sorted(
                max(child.opened_on, last - timedelta(days=n * rng.randint(10, 40))) for n in range(len(events))
            )
            for n in range(1, len(days)):  # entries clamped to the opening date follow it in turn
                days[n] = min(today, max(days[n], days[n - 1] + timedelta(days=rng.randint(2, 9))))
            for day, (event, source, summary) in zip(days, events, strict=True):
                self.rows[ChronologyEntry].append(ChronologyEntry(
                    child=child, occurred_on=day, event_type=event, significant=rng.random() < 0.3,
                    source=source, summary=summary, recorded_by=worker,
                ))
        # Statutory visits at roughly the category's interval; some children overdue.
        if child.category != Category.EARLY_HELP:
            gap = {Category.CHILD_PROTECTION: 12, Category.LOOKED_AFTER: 35}.get(child.category, 25)
            last = today - timedelta(days=rng.randint(1, gap) if rng.random() > 0.12 else rng.randint(gap + 5, gap * 3))
            never_alone = child.category in (Category.CHILD_PROTECTION, Category.LOOKED_AFTER) and rng.random() < 0.1
            for n in range(rng.randint(3, 6)):
                day = last - timedelta(days=n * gap)
                if day < child.opened_on:
                    break
                seen = rng.random() > 0.05
                alone = seen and not never_alone and rng.random() > 0.25
                said, lived = texts.visit(story, rng)
                self.rows[CaseNote].append(CaseNote(
                    child=child, occurred_on=day, kind=CaseNote.Kind.STATUTORY_VISIT, child_seen=seen,
                    seen_alone=alone, views_recorded=alone, child_said=said if alone else "",
                    lived_experience=lived if seen else "", note="" if seen else texts.no_access(story), author=worker,
                ))
        self.documents(child, worker)
        if rng.random() < 0.3:
            decision, rationale = texts.decision(story)
            self.rows[ManagementDecision].append(ManagementDecision(
                child=child, decided_on=today - timedelta(days=rng.randint(5, 120)), manager=manager,
                decision=decision, rationale=rationale,
            ))
        if child.category == Category.CHILD_PROTECTION and open_days > 15:
            attended = rng.random() > 0.1
            self.rows[ManagerMeeting].append(ManagerMeeting(
                child=child, kind=ManagerMeeting.Kind.INITIAL_CONFERENCE,
                held_on=child.opened_on + timedelta(days=15), manager=manager, manager_attended=attended,
                attendance_confirmed_at=_at(child.opened_on + timedelta(days=15)),
                notes="" if attended else "Manager on leave; no deputy attended.", recorded_by=worker,
            ))
        self.assessments_for(child, story, worker, manager)
        self.previous_name = child.first_name

    @staticmethod
    def decision(version):
        """The sign-off decision on the child's record, as sign_off.decide() writes it."""
        verb = "Signed off" if version.status == Status.SIGNED_OFF else "Returned to the author"
        return ManagementDecision(
            child=version.assessment.child, decided_on=timezone.localdate(version.decided_at),
            manager=version.decided_by, context=ManagementDecision.Context.SIGN_OFF,
            decision=f"{verb}: {version.assessment.get_kind_display()}, version {version.number} "
            f"(graded {version.get_grade_display().lower()}).",
            rationale=version.feedback, assessment_version=version,
        )

    def documents(self, child, worker):
        rng, today = self.rng, self.today
        wanted = []
        if child.category == Category.LOOKED_AFTER:
            if rng.random() < 0.85:
                wanted.append((Document.Kind.PHOTO, "Photo", rng.randint(10, 500)))
            if rng.random() < 0.85:
                wanted.append((Document.Kind.BIRTH_CERTIFICATE, "Birth certificate", rng.randint(100, 900)))
        if child.category != Category.EARLY_HELP and rng.random() < 0.8:
            wanted.append((Document.Kind.QUARTERLY_SUMMARY, "Quarterly summary", rng.randint(5, 140)))
        if child.category in (Category.CHILD_PROTECTION, Category.LOOKED_AFTER) and rng.random() < 0.5:
            wanted.append((Document.Kind.REVIEW_MINUTES, "Review minutes", rng.randint(10, 120)))
        if rng.random() < 0.15:
            wanted.append((Document.Kind.REPORT, "Police disclosure (third party)", rng.randint(10, 300)))
        for kind, title, age in wanted:
            dated = max(child.opened_on, today - timedelta(days=age))
            self.rows[Document].append(Document(
                child=child, kind=kind, title=title, dated=dated, owner=worker, added_by=worker,
                confidential=kind == Document.Kind.REPORT,
            ))

    def assessments_for(self, child, story, worker, manager):
        """A plan for CIN/CP/CLA/CL children; an assessment for some; every state represented."""
        rng = self.rng
        if child.category == Category.EARLY_HELP:
            return
        kinds = [PLAN_FOR[child.category]]
        if child.category in (Category.CHILD_IN_NEED, Category.CHILD_PROTECTION) and rng.random() < 0.4:
            kinds.insert(0, Assessment.Kind.CHILD_AND_FAMILY)
        for kind in kinds:
            assessment = Assessment(child=child, kind=kind, created_by=worker)
            self.assessments.append(assessment)
            roll = rng.random()
            if worker.username == "socialworker" and self.demo_queue < 4:
                # The demo team manager's sign-off queue is never empty.
                self.demo_queue += 1
                roll = 0.7
            if roll < 0.55:
                states = [Status.SIGNED_OFF]
            elif roll < 0.65:
                states = [Status.SIGNED_OFF, Status.SUBMITTED]  # revised after sign-off, awaiting a decision
            elif roll < 0.8:
                states = [Status.SUBMITTED]
            elif roll < 0.9:
                states = [Status.RETURNED, Status.DRAFT]
            else:
                states = [Status.DRAFT]
            poor = (
                states[-1] == Status.SUBMITTED and manager.username == DEMO_MANAGER
                and len(self.poor_authors) < POOR_PIECES and worker not in self.poor_authors
            )
            if poor:
                self.poor_authors.append(worker)
            self.versions_for(assessment, story, states, worker, manager, poor=poor)

    def content(self, story, number, poor):
        """A version's sections; the poor style is chosen by how many poor pieces there are so far."""
        if poor:
            return texts.poor(story, len(self.poor_authors) - 1, self.previous_name)
        for _ in range(10):
            content = texts.assessment(story, self.rng, number)
            if content["analysis"] not in self.analyses:
                break
        else:  # ten draws alike: say which review it is, which no other piece does
            content["analysis"] += f" Review {len(self.analyses) + 1}."
        self.analyses.add(content["analysis"])
        return content

    def versions_for(self, assessment, story, states, worker, manager, poor=False):
        rng, today = self.rng, self.today
        opened = assessment.child.opened_on
        for number, status in enumerate(states, start=1):
            poor_version = poor and status == Status.SUBMITTED
            version = AssessmentVersion(
                assessment=assessment, number=number, author=worker, status=status,
                **self.content(story, number, poor_version),
            )
            if status != Status.DRAFT:
                # Most wait 0-4 working days; some far longer (PLAN-UNSIGNED).
                waited = rng.randint(0, 4) if rng.random() > 0.3 else rng.randint(6, 20)
                if status == Status.SUBMITTED:
                    submitted = add_working_days(today, -waited)
                else:
                    submitted = max(opened, today - timedelta(days=rng.randint(30, 300)))
                version.submitted_at = _at(max(opened, submitted))
            if status in (Status.SIGNED_OFF, Status.RETURNED):
                decided = version.submitted_at.date() + timedelta(days=rng.randint(1, 6))
                version.decided_at = _at(min(decided, today))
                version.decided_by = manager
                good = status == Status.SIGNED_OFF
                version.grade = rng.choice([Grade.GOOD, Grade.GOOD, Grade.OUTSTANDING]) if good else (
                    rng.choice([Grade.REQUIRES_IMPROVEMENT, Grade.INADEQUATE]))
                version.feedback = texts.feedback(story, rng, good)
                for field in ("identity", "seen_and_heard", "understanding", "lived_experience", "smart", "holistic"):
                    setattr(version, f"affirmed_{field}", good)
                # Life-story work is for children in or leaving care; for the others the manager gives the reason.
                reason = texts.life_story_not_relevant(story)
                version.affirmed_life_story = good and not reason
                version.life_story_not_relevant_reason = reason if good else ""
            planned = texts.poor_actions(story) if poor_version else texts.plan_actions(story, rng)
            actions = [
                PlanAction(version=version, what=what, who=who, by_when=today + timedelta(days=days),
                           how_measured=how)
                for what, who, days, how in planned
            ]
            self.versions.append((version, actions))


    # The demo worker's court statements, report and closure summary (issue 19), each as (kind, states, grades).
    DEMO_DOCUMENTS = [
        (Assessment.Kind.COURT_STATEMENT, [Status.SUBMITTED], []),
        (Assessment.Kind.COURT_STATEMENT, [Status.SIGNED_OFF], [Grade.GOOD]),
        (Assessment.Kind.COURT_STATEMENT, [Status.RETURNED, Status.SIGNED_OFF],
         [Grade.REQUIRES_IMPROVEMENT, Grade.OUTSTANDING]),
        (Assessment.Kind.QUARTERLY_SUMMARY, [Status.SIGNED_OFF], [Grade.GOOD]),
        (Assessment.Kind.CLOSURE_SUMMARY, [Status.SUBMITTED], []),
    ]

    def documents_for_demo_worker(self, children):
        """A few court statements (one waiting, one signed off, one returned then signed off), a quarterly
        summary and a closure summary waiting for the demo team manager; a report for a CP child's conference.

        Fixed choices, not the seeder's random draws, so the rest of the demo is as it was.
        """
        if not children:
            return
        today = self.today
        wanted = [(children[i % len(children)], *spec) for i, spec in enumerate(self.DEMO_DOCUMENTS)]
        protected = [c for c in children if c.category == Category.CHILD_PROTECTION]
        if protected:
            wanted.append((protected[0], Assessment.Kind.CP_CONFERENCE_REPORT, [Status.SUBMITTED], []))
        for n, (child, kind, states, grades) in enumerate(wanted):
            story, worker, manager = self.authority.story(child), child.worker, child.team.manager
            meeting = add_working_days(today, 6) if kind in Assessment.MEETING_KINDS else None
            assessment = Assessment(child=child, kind=kind, created_by=worker, meeting_date=meeting)
            self.assessments.append(assessment)
            for number, status in enumerate(states, start=1):
                # Waiting a working day or two; decided ones a month or so ago.
                submitted = max(child.opened_on, add_working_days(today, -(1 + n % 2)) if status == Status.SUBMITTED
                                else today - timedelta(days=40 - 15 * number + n))
                version = AssessmentVersion(
                    assessment=assessment, number=number, author=worker, status=status,
                    body=texts.document(story, kind) + ("" if number == 1 else " Updated with the court's timetable."),
                    submitted_at=_at(min(submitted, today)),
                )
                if status in (Status.SIGNED_OFF, Status.RETURNED):
                    good = status == Status.SIGNED_OFF
                    version.decided_by, version.decided_at = manager, _at(min(submitted + timedelta(days=2), today))
                    version.grade = grades[number - 1]
                    rng = random.Random(f"{child.local_id}:{kind}")  # nosec B311: reproducible fictional demo data
                    version.feedback = texts.feedback(story, rng, good)
                    for field, _ in sign_off.k5_items(kind):
                        setattr(version, field, good)
                self.versions.append((version, []))


def seed(authority, added):
    RecordSeeder(authority).seed(added)
