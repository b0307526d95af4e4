import datetime

import factory

from cases.models import (
    Allocation,
    Assessment,
    AssessmentVersion,
    CaseNote,
    Category,
    Child,
    ChronologyEntry,
    Document,
    ManagementDecision,
    ManagerMeeting,
    PlanAction,
    PreProceedings,
)
from organisation.models import Notification, Role, Service, StaffMember, Team


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    name = factory.Sequence(lambda n: f"Service {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    service = factory.SubFactory(ServiceFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMember
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.test")
    role = Role.SOCIAL_WORKER
    team = factory.SubFactory(TeamFactory)
    date_qualified = datetime.date(2015, 9, 1)
    password = factory.django.Password("a-long-test-password")


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(StaffFactory)
    text = "Your manager returned your child and family assessment for child C0001 (version 1) with feedback."
    url = "/"


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    local_id = factory.Sequence(lambda n: f"C{n:06d}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    date_of_birth = datetime.date(2015, 5, 17)
    category = Category.CHILD_IN_NEED
    opened_on = datetime.date(2026, 1, 5)
    worker = factory.SubFactory(StaffFactory)
    team = factory.LazyAttribute(lambda o: o.worker.team if o.worker else TeamFactory())


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    child = factory.SubFactory(ChildFactory)
    team = factory.LazyAttribute(lambda o: o.child.team)
    worker = factory.LazyAttribute(lambda o: o.child.worker)
    started_on = factory.LazyAttribute(lambda o: o.child.opened_on)


class ChronologyEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChronologyEntry

    child = factory.SubFactory(ChildFactory)
    occurred_on = datetime.date(2026, 2, 2)
    event_type = ChronologyEntry.EventType.REFERRAL
    source = "School"
    summary = "Referral from school about attendance."
    recorded_by = factory.LazyAttribute(lambda o: o.child.worker)


class CaseNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseNote

    child = factory.SubFactory(ChildFactory)
    occurred_on = datetime.date(2026, 2, 3)
    kind = CaseNote.Kind.STATUTORY_VISIT
    child_seen = True
    seen_alone = True
    views_recorded = True
    child_said = "Said they like their new school."
    author = factory.LazyAttribute(lambda o: o.child.worker)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    child = factory.SubFactory(ChildFactory)
    kind = Document.Kind.PHOTO
    title = "Photo"
    dated = datetime.date(2026, 2, 3)
    owner = factory.LazyAttribute(lambda o: o.child.worker)
    added_by = factory.LazyAttribute(lambda o: o.owner)


class ManagementDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ManagementDecision

    child = factory.SubFactory(ChildFactory)
    decided_on = datetime.date(2026, 2, 4)
    manager = factory.LazyAttribute(lambda o: o.child.team.manager or StaffFactory(role=Role.TEAM_MANAGER))
    decision = "Step down to child in need."
    rationale = "Risks reduced; family engaging."


class ManagerMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ManagerMeeting

    child = factory.SubFactory(ChildFactory)
    kind = ManagerMeeting.Kind.INITIAL_CONFERENCE
    held_on = datetime.date(2026, 2, 5)
    manager = factory.LazyAttribute(lambda o: o.child.team.manager)
    manager_attended = True
    # Confirmed by the manager on the day; pass attendance_confirmed_at=None for one not yet confirmed.
    attendance_confirmed_at = factory.LazyAttribute(
        lambda o: datetime.datetime.combine(o.held_on, datetime.time(17), tzinfo=datetime.UTC)
    )
    recorded_by = factory.LazyAttribute(lambda o: o.child.worker)


class PreProceedingsFactory(factory.django.DjangoModelFactory):
    """Pre-proceedings begun with no family group decision-making meeting offered yet; pass fgdm_offered_on."""

    class Meta:
        model = PreProceedings

    child = factory.SubFactory(ChildFactory)
    started_on = datetime.date(2026, 9, 1)
    recorded_by = factory.LazyAttribute(lambda o: o.child.worker)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    child = factory.SubFactory(ChildFactory)
    kind = Assessment.Kind.CHILD_AND_FAMILY
    created_by = factory.LazyAttribute(lambda o: o.child.worker)


class AssessmentVersionFactory(factory.django.DjangoModelFactory):
    """A complete draft by the child's worker; pass status/submitted_at for other states."""

    class Meta:
        model = AssessmentVersion

    assessment = factory.SubFactory(AssessmentFactory)
    number = factory.LazyAttribute(lambda o: o.assessment.versions.count() + 1)
    author = factory.LazyAttribute(lambda o: o.assessment.created_by)
    identity = "Mixed White and Black Caribbean heritage; proud of her grandmother's Jamaican cooking."
    seen_and_heard = "Seen alone at school on 3 February; spoke about her friends and worries at home."
    child_understanding = "Knows I help her family keep her safe and make home calmer."
    life_story = "Life-story book started with her foster carer."
    lived_experience = "Mornings are chaotic; she often gets herself to school without breakfast."
    analysis = "Needs: routine, school attendance support, parental mental health support."


class DocumentVersionFactory(AssessmentVersionFactory):
    """A draft court statement (or, with assessment__kind, any document kind): one body, no K 5 sections."""

    assessment = factory.SubFactory(AssessmentFactory, kind=Assessment.Kind.COURT_STATEMENT)
    identity = seen_and_heard = child_understanding = life_story = lived_experience = analysis = ""
    body = "Social work evidence: the child's wishes and feelings, the parents' capacity to change, the plan."


class PlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanAction

    version = factory.SubFactory(AssessmentVersionFactory)
    what = "Referral to the school nurse for a health check."
    who = "Social worker"
    by_when = datetime.date(2026, 3, 6)
    how_measured = "Health check completed and shared with the family."


# --- supervision ---
from supervision.models import (  # noqa: E402  (appended section: other apps append their own)
    CaseDiscussion,
    DiscussionAction,
    Observation,
    PersonalSection,
    SessionAction,
    SupervisionContract,
    SupervisionSession,
    TeamMeeting,
    TeamMeetingAction,
)


class SupervisionSessionFactory(factory.django.DjangoModelFactory):
    """A planned session of the supervisee with their line manager; pass status/completed_at to hold it."""

    class Meta:
        model = SupervisionSession

    supervisee = factory.SubFactory(StaffFactory)
    supervisor = factory.LazyAttribute(lambda o: o.supervisee.line_manager or StaffFactory(role=Role.TEAM_MANAGER))
    date = datetime.date(2026, 11, 19)


class PersonalSectionFactory(factory.django.DjangoModelFactory):
    """A personal section with the questions a session needs answered before it is completed (W 3, W 5)."""

    class Meta:
        model = PersonalSection

    session = factory.SubFactory(SupervisionSessionFactory)
    workload = "Manageable; one court case next month."
    wellbeing = "Well supported by the team."
    training_needs = "Court skills training."


class CaseDiscussionFactory(factory.django.DjangoModelFactory):
    """A complete, unfiled discussion of a child allocated to the session's supervisee."""

    class Meta:
        model = CaseDiscussion

    session = factory.SubFactory(SupervisionSessionFactory)
    child = factory.LazyAttribute(lambda o: ChildFactory(worker=o.session.supervisee))
    purpose = "Complete the child and family assessment."
    expectations = "Visit fortnightly at home; purpose of home visits: see the child's routines."
    contingency = "If no access, return within 24 hours and tell the team manager."
    discussion = "Assessment on track; school reports better attendance."
    filing_due_on = factory.LazyAttribute(lambda o: CaseDiscussion.filing_deadline(o.session.date))


class SupervisionContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionContract

    staff = factory.SubFactory(StaffFactory)
    supervisor = factory.LazyAttribute(lambda o: o.staff.line_manager or StaffFactory(role=Role.TEAM_MANAGER))
    agreed_on = datetime.date(2026, 1, 5)
    frequency = SupervisionContract.Frequency.MONTHLY
    review_on = datetime.date(2027, 1, 5)
    supervisor_signed_on = datetime.date(2026, 1, 5)
    staff_signed_on = datetime.date(2026, 1, 6)


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    practitioner = factory.SubFactory(StaffFactory)
    observer = factory.LazyAttribute(lambda o: o.practitioner.line_manager or StaffFactory(role=Role.TEAM_MANAGER))
    observed_on = datetime.date(2026, 6, 10)
    setting = Observation.Setting.HOME_VISIT
    feedback = "Warm and clear with the family; next time check the child's own words are recorded."


class TeamMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMeeting

    team = factory.SubFactory(TeamFactory)
    held_on = datetime.date(2026, 11, 4)
    chair = factory.LazyAttribute(lambda o: o.team.manager or StaffFactory(role=Role.TEAM_MANAGER, team=o.team))
    agenda = "1. Caseloads\n2. New procedures"
    minutes = "Caseloads reviewed; new procedure shared."
    recorded_by = factory.LazyAttribute(lambda o: o.chair)


class AgreedActionFactory(factory.django.DjangoModelFactory):
    """What every kind of action has (organisation/actions.py): open, unless given done_on (then done by its owner)."""

    class Meta:
        abstract = True

    due_on = datetime.date(2026, 11, 30)
    done_on = None
    done_by = factory.LazyAttribute(lambda o: o.owner if o.done_on else None)


class DiscussionActionFactory(AgreedActionFactory):
    """An action from a case discussion, owned by the session's supervisee."""

    class Meta:
        model = DiscussionAction

    discussion = factory.SubFactory(CaseDiscussionFactory)
    what = "Arrange the core group meeting before the next review."
    owner = factory.LazyAttribute(lambda o: o.discussion.session.supervisee)


class SessionActionFactory(AgreedActionFactory):
    """An action agreed in a session outside any case discussion, owned by the session's supervisee."""

    class Meta:
        model = SessionAction

    session = factory.SubFactory(SupervisionSessionFactory)
    what = "Book a place on the court skills course."
    owner = factory.LazyAttribute(lambda o: o.session.supervisee)


class TeamMeetingActionFactory(AgreedActionFactory):
    class Meta:
        model = TeamMeetingAction

    meeting = factory.SubFactory(TeamMeetingFactory)
    what = "Share the new escalation procedure with the duty workers."
    owner = factory.LazyAttribute(lambda o: o.meeting.chair)


# --- audits ---
from audits.models import (  # noqa: E402  (appended section: other apps append their own)
    AuditAnswer,
    CaseFileAudit,
    CorrectiveAction,
    ManagerPracticeReview,
)


class CaseFileAuditFactory(factory.django.DjangoModelFactory):
    """A draft audit of a child's file by the child's team manager; pass status and grade to complete it."""

    class Meta:
        model = CaseFileAudit

    child = factory.SubFactory(ChildFactory)
    team = factory.LazyAttribute(lambda o: o.child.team)
    practitioner = factory.LazyAttribute(lambda o: o.child.worker)
    auditor = factory.LazyAttribute(lambda o: o.child.team.manager or StaffFactory(role=Role.TEAM_MANAGER))
    audited_on = datetime.date(2026, 3, 2)


class AuditAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditAnswer

    audit = factory.SubFactory(CaseFileAuditFactory)
    item = "chronology"
    answer = "met"


class CorrectiveActionFactory(AgreedActionFactory):
    class Meta:
        model = CorrectiveAction

    audit = factory.SubFactory(CaseFileAuditFactory)
    what = "Bring the chronology up to date from the case notes since January."
    owner = factory.LazyAttribute(lambda o: o.audit.practitioner or o.audit.auditor)
    due_on = datetime.date(2026, 3, 16)


class ManagerPracticeReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ManagerPracticeReview

    manager = factory.SubFactory(StaffFactory, role=Role.TEAM_MANAGER)
    reviewer = factory.LazyAttribute(lambda o: o.manager.line_manager or StaffFactory(role=Role.HEAD_OF_SERVICE))
    reviewed_on = datetime.date(2026, 3, 9)


# --- compliance ---
from supervision.models import Appraisal  # noqa: E402  (appended section: other apps append their own)


class AppraisalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appraisal

    staff = factory.SubFactory(StaffFactory)
    appraiser = factory.LazyAttribute(lambda o: o.staff.line_manager or StaffFactory(role=Role.TEAM_MANAGER))
    held_on = datetime.date(2026, 6, 17)
    achievements = "Completed three assessments on time; strong direct work."
    goals = "Take on a child protection case with support."
    development_needs = "Court skills training."


# --- people: objectives and the support record ---
from supervision.models import Objective, SupportRecord  # noqa: E402


class ObjectiveFactory(factory.django.DjangoModelFactory):
    """A person's objective set by their line manager; pass team= (and staff=None) for a team's."""

    class Meta:
        model = Objective

    staff = factory.SubFactory(StaffFactory)
    title = "Complete child and family assessments within 45 working days."
    success = "Every assessment signed off within timescale."
    due_on = datetime.date(2027, 3, 31)
    set_by = factory.LazyAttribute(
        lambda o: (o.staff.line_manager if o.staff else o.team.manager) or StaffFactory(role=Role.TEAM_MANAGER)
    )
    set_on = datetime.date(2026, 10, 1)


class SupportRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportRecord

    staff = factory.SubFactory(StaffFactory)
    recorded_by = factory.LazyAttribute(lambda o: o.staff.line_manager or StaffFactory(role=Role.TEAM_MANAGER))
    recorded_on = datetime.date(2026, 11, 2)
    concern = "Two assessments returned as requiring improvement: analysis thin."
    support_offered = "Weekly reflective supervision for six weeks; shadowing a senior practitioner."


from supervision.models import CpdEntry, InductionTick, TrainingRecord  # noqa: E402  (appended section)


class TrainingRecordFactory(factory.django.DjangoModelFactory):
    """Supervision-skills training completed 1 March 2026, lasting three years."""

    class Meta:
        model = TrainingRecord

    staff = factory.SubFactory(StaffFactory)
    kind = TrainingRecord.Kind.SUPERVISION_SKILLS
    course = "Reflective supervision for managers"
    completed_on = datetime.date(2026, 3, 1)
    expires_on = datetime.date(2029, 2, 28)
    recorded_by = factory.SelfAttribute("staff")


class InductionTickFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InductionTick

    staff = factory.SubFactory(StaffFactory)
    item = "welcome"
    done_on = datetime.date(2026, 11, 2)
    ticked_by = factory.LazyAttribute(lambda o: o.staff.line_manager or StaffFactory(role=Role.TEAM_MANAGER))


class CpdEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CpdEntry

    staff = factory.SubFactory(StaffFactory)
    done_on = datetime.date(2026, 10, 7)
    activity = "Trauma-informed practice workshop"
    reflection = "I now ask about a child's day before the incident."
    hours = 3


from supervision.models import LeadershipVisit  # noqa: E402  (appended section)


class LeadershipVisitFactory(factory.django.DjangoModelFactory):
    """An office visit by the team's head of service; pass `teams=[...]` for the teams it concerned."""

    class Meta:
        model = LeadershipVisit
        skip_postgeneration_save = True

    held_on = datetime.date(2026, 10, 14)
    kind = LeadershipVisit.Kind.OFFICE_VISIT
    note = "Sat with the duty desk; heard about the backlog of visits."
    leader = factory.SubFactory(StaffFactory, role=Role.HEAD_OF_SERVICE, team=None)

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        if create and extracted:
            self.teams.set(extracted)
