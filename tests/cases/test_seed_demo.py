from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction

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
from organisation.models import Role, StaffMember, Team

DEMO_USERS = {
    "socialworker": Role.SOCIAL_WORKER,
    "teammanager": Role.TEAM_MANAGER,
    "headofservice": Role.HEAD_OF_SERVICE,
    "director": Role.DIRECTOR,
    "admin": Role.ADMINISTRATOR,
}


def seed(**sizes):
    call_command("seed_demo", stdout=open("/dev/null", "w"), **sizes)


def test_it_builds_the_authority_with_the_demo_logins(db):
    seed()
    assert Team.objects.count() >= 6
    assert StaffMember.objects.count() >= 60
    assert Child.objects.open().count() >= 600
    assert set(Child.objects.values_list("category", flat=True)) == set(Category.values)
    for username, role in DEMO_USERS.items():
        user = authenticate(username=username, password="demo-password")
        assert user is not None and user.role == role


def test_the_demo_social_worker_is_managed_by_the_demo_team_manager(db):
    seed()
    social_worker = StaffMember.objects.get(username="socialworker")
    assert social_worker.line_manager.username == "teammanager"
    assert social_worker.team.manager.username == "teammanager"
    assert social_worker.team.service.head.username == "headofservice"
    assert Child.objects.visible_to(social_worker).exists()


def test_only_demo_logins_have_a_password(db):
    seed(teams=2, practitioners_per_team=3, children=20)
    with_password = {u.username for u in StaffMember.objects.all() if u.has_usable_password()}
    assert with_password == set(DEMO_USERS)


def test_a_rerun_adds_nothing(db):
    models = [StaffMember, Child, Allocation, ChronologyEntry, CaseNote, Document, ManagementDecision,
              ManagerMeeting, Assessment, AssessmentVersion, PlanAction]
    seed(teams=2, practitioners_per_team=3, children=50)
    counts = [m.objects.count() for m in models]
    seed(teams=2, practitioners_per_team=3, children=50)
    assert [m.objects.count() for m in models] == counts


def test_the_demo_has_assessments_and_plans_in_every_state(db):
    seed()
    assert set(AssessmentVersion.objects.values_list("status", flat=True)) == set(AssessmentVersion.Status.values)
    assert AssessmentVersion.objects.awaiting_sign_off_by(StaffMember.objects.get(username="teammanager")).exists()


def test_it_is_deterministic(db):
    def seeded():
        with transaction.atomic():
            seed(teams=2, practitioners_per_team=3, children=30)
            children = list(
                Child.objects.order_by("local_id").values_list("local_id", "first_name", "category", "worker__username")
            )
            transaction.set_rollback(True)  # the second run starts from the same empty database
        return children

    assert seeded() == seeded()


def test_every_child_has_one_open_allocation_matching_its_worker(db):
    seed(teams=3, practitioners_per_team=4, children=120)
    for child in Child.objects.open().prefetch_related("allocations"):
        current = [a for a in child.allocations.all() if a.ended_on is None]
        assert len(current) == 1
        assert (current[0].worker_id, current[0].team_id) == (child.worker_id, child.team_id)
