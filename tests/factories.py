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
)
from organisation.models import Role, Service, StaffMember, Team


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


class PlanActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanAction

    version = factory.SubFactory(AssessmentVersionFactory)
    what = "Referral to the school nurse for a health check."
    who = "Social worker"
    by_when = datetime.date(2026, 3, 6)
    how_measured = "Health check completed and shared with the family."
