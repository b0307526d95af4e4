import re
from collections import Counter, defaultdict

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from cases.models import (
    Allocation,
    Assessment,
    AssessmentVersion,
    CaseNote,
    Category,
    Child,
    ChronologyEntry,
    Document,
    Gender,
    ManagementDecision,
    ManagerMeeting,
    PlanAction,
)
from organisation.models import Role, StaffMember, Team
from supervision.models import CaseDiscussion, DiscussionAction

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
    # "Filed" is only for a kind an administrator has set to need no sign-off: the demo keeps every default.
    decided = set(AssessmentVersion.Status.values) - {AssessmentVersion.Status.FILED}
    assert set(AssessmentVersion.objects.values_list("status", flat=True)) == decided
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


# --- a believable demo: each child's records fit their age, category and home ---------------------------

AT_HOME = (Category.EARLY_HELP, Category.CHILD_IN_NEED, Category.CHILD_PROTECTION)
INDEPENDENCE = re.compile(r"independence|independent living|pathway", re.IGNORECASE)
IN_CARE_ONLY = re.compile(r"life.story|foster", re.IGNORECASE)


def written_about(child_ids):
    """Everything the demo wrote about each child, as {child id: [text, ...]}."""
    texts = defaultdict(list)

    def collect(queryset, child, *fields):
        for row in queryset.filter(**{f"{child}__in": child_ids}).values_list(child, *fields):
            texts[row[0]] += [text for text in row[1:] if text]

    collect(Allocation.objects, "child", "purpose", "expectations", "contingency")
    collect(ChronologyEntry.objects, "child", "source", "summary")
    collect(CaseNote.objects, "child", "child_said", "lived_experience", "note")
    collect(ManagementDecision.objects, "child", "decision", "rationale")
    collect(AssessmentVersion.objects, "assessment__child", *AssessmentVersion.CONTENT_FIELDS, "feedback",
            "life_story_not_relevant_reason")
    collect(PlanAction.objects, "version__assessment__child", "what", "who", "how_measured")
    collect(CaseDiscussion.objects, "child", "purpose", "expectations", "contingency", "discussion", "decision",
            "rationale")
    collect(DiscussionAction.objects, "discussion__child", "what")
    return texts


def reads_as_poor(version):
    """Recognisably thin: a line or two of analysis and nothing of what the child said or showed."""
    if version.assessment.is_document:
        return len(version.body) < 200
    return len(version.analysis) < 200 and len(version.seen_and_heard) < 60


def reads_as_good(version):
    if version.assessment.is_document:  # a court statement, summary or report: one document
        return len(version.body) >= 250
    return len(version.analysis) >= 250 and len(version.seen_and_heard) >= 60


def test_no_two_staff_share_a_full_name(db):
    seed()
    names = list(StaffMember.objects.values_list("first_name", "last_name"))
    assert len(names) == len(set(names)) >= 60


def test_every_child_has_a_recorded_gender(db):
    seed()
    assert not Child.objects.filter(gender=Gender.NOT_RECORDED).exists()  # that code is for unborn children
    assert set(Child.objects.values_list("gender", flat=True)) == {Gender.MALE, Gender.FEMALE}


def test_no_child_under_16_has_text_about_independence_or_pathway_plans(db):
    seed()
    today = timezone.localdate()
    under_16 = [child.pk for child in Child.objects.all() if child.age(today) < 16]
    texts = written_about(under_16)
    assert len(texts) > 300
    assert {pk: [t for t in found if INDEPENDENCE.search(t)] for pk, found in texts.items()
            if any(INDEPENDENCE.search(t) for t in found)} == {}
    # ...while the 16-and-overs' records do talk about it.
    older = [child.pk for child in Child.objects.filter(category=Category.CARE_LEAVER)]
    assert any(INDEPENDENCE.search(t) for found in written_about(older).values() for t in found)


def test_no_child_living_at_home_has_life_story_or_foster_carer_text(db):
    seed()
    at_home = list(Child.objects.filter(category__in=AT_HOME).values_list("pk", flat=True))
    texts = written_about(at_home)
    assert len(texts) > 300
    assert {pk: [t for t in found if IN_CARE_ONLY.search(t)] for pk, found in texts.items()
            if any(IN_CARE_ONLY.search(t) for t in found)} == {}
    in_care = list(Child.objects.filter(category=Category.LOOKED_AFTER).values_list("pk", flat=True))
    assert any(IN_CARE_ONLY.search(t) for found in written_about(in_care).values() for t in found)


def test_children_under_five_are_not_written_about_as_at_school(db):
    seed()
    today = timezone.localdate()
    young = [child.pk for child in Child.objects.all() if child.age(today) < 5]
    analyses = AssessmentVersion.objects.filter(assessment__child__in=young).exclude(submitted_at=None)
    assert analyses.exists()
    at_school = re.compile(r"\b(primary|academy|high school|homework|friends)\b", re.IGNORECASE)
    assert [v.analysis for v in analyses if at_school.search(v.analysis + v.seen_and_heard)] == []


def test_no_two_submitted_pieces_of_work_share_an_analysis(db):
    seed()
    analyses = list(AssessmentVersion.objects.exclude(submitted_at=None).exclude(
        assessment__kind__in=Assessment.DOCUMENT_KINDS).values_list("analysis", flat=True))
    assert len(analyses) > 300
    assert [text for text, count in Counter(analyses).items() if count > 1] == []


def test_a_few_pieces_awaiting_the_demo_team_manager_are_clearly_poor_and_the_rest_good(db):
    seed()
    queue = list(AssessmentVersion.objects.awaiting_sign_off_by(StaffMember.objects.get(username="teammanager")))
    poor = [version for version in queue if reads_as_poor(version)]
    assert 3 <= len(poor) <= 5
    assert len({version.author_id for version in poor}) == len(poor)  # not one worker's bad week
    assert all(reads_as_good(version) for version in queue if version not in poor)
    assert len(queue) > len(poor) * 3
    # Elsewhere every submitted or decided piece is good: the poor ones stand out.
    others = AssessmentVersion.objects.exclude(submitted_at=None).exclude(pk__in=[v.pk for v in queue])
    assert all(reads_as_good(version) for version in others)


def test_the_stories_are_deterministic(db):
    def seeded():
        with transaction.atomic():
            seed(teams=2, practitioners_per_team=3, children=30)
            stories = (
                list(AssessmentVersion.objects.order_by("assessment__child__local_id", "assessment__kind", "number")
                     .values_list("assessment__child__local_id", "analysis")),
                list(CaseNote.objects.order_by("child__local_id", "occurred_on").values_list("child_said", "note")),
                sorted(StaffMember.objects.values_list("username", "first_name", "last_name")),
            )
            transaction.set_rollback(True)
        return stories

    assert seeded() == seeded()


def test_the_demo_team_manager_has_court_statements_and_a_closure_summary_to_sign_off(db):
    seed()
    queue = AssessmentVersion.objects.awaiting_sign_off_by(StaffMember.objects.get(username="teammanager"))
    kinds = set(queue.values_list("assessment__kind", flat=True))
    assert {Assessment.Kind.COURT_STATEMENT, Assessment.Kind.CLOSURE_SUMMARY} <= kinds
    statements = AssessmentVersion.objects.filter(assessment__kind=Assessment.Kind.COURT_STATEMENT)
    assert statements.filter(status=AssessmentVersion.Status.SIGNED_OFF).count() >= 2
    assert statements.filter(status=AssessmentVersion.Status.RETURNED).exists()  # not all signed off first time
