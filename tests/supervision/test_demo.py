"""The demo authority's supervision: a year of records with deliberate gaps, and the "done when" journey."""
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cases.models import Category
from organisation.actions import tracked
from organisation.models import StaffMember
from supervision import services
from supervision.models import CaseDiscussion, Observation, PersonalSection, SupervisionSession, TeamMeeting
from supervision.selectors import supervision_overdue, without_contract


def seed(**sizes):
    call_command("seed_demo", stdout=open("/dev/null", "w"), **sizes)


@pytest.fixture
def demo(db):
    seed(teams=2, practitioners_per_team=4, children=60)


def test_it_adds_a_year_of_supervision_with_gaps(demo):
    today = timezone.localdate()
    staff = StaffMember.objects.filter(team__isnull=False)
    assert SupervisionSession.objects.held().filter(date__lt=today.replace(year=today.year - 1, day=1)).count() == 0
    assert SupervisionSession.objects.held().count() > 40
    assert supervision_overdue(staff, today).exists()
    assert without_contract(staff).exists()
    assert CaseDiscussion.objects.filed_late().exists()
    assert Observation.objects.exists() and TeamMeeting.objects.minuted().exists()


def test_the_demo_social_worker_has_a_record_to_acknowledge_and_a_session_to_prepare(demo):
    social_worker = StaffMember.objects.get(username="socialworker")
    today = timezone.localdate()
    assert SupervisionSession.objects.awaiting_acknowledgement().filter(supervisee=social_worker).exists()
    planned = SupervisionSession.objects.planned().get(supervisee=social_worker)
    assert planned.date > today and planned.supervisor.username == "teammanager"


def test_the_demo_team_manager_can_hold_a_session_with_two_of_the_social_workers_children(demo):
    manager = StaffMember.objects.get(username="teammanager")
    social_worker = StaffMember.objects.get(username="socialworker")
    session = services.start_session(supervisor=manager, supervisee=social_worker, on=timezone.localdate())
    assert services.discussable_children(session).count() >= 2


def test_every_held_demo_session_answered_its_personal_section_as_completing_needs(demo):
    held = SupervisionSession.objects.held()
    sections = PersonalSection.objects.filter(session__in=held)
    assert sections.count() == held.count()
    assert not [section.pk for section in sections if section.unanswered()]


def test_a_rerun_adds_no_supervision(demo):
    counts = [model.objects.count() for model in (SupervisionSession, CaseDiscussion, Observation, TeamMeeting)]
    seed(teams=2, practitioners_per_team=4, children=60)
    assert [model.objects.count() for model in (SupervisionSession, CaseDiscussion, Observation, TeamMeeting)] == counts


def test_it_is_deterministic(demo):
    def snapshot():
        return list(
            SupervisionSession.objects.order_by("supervisee__username", "date")
            .values_list("supervisee__username", "date", "status")
        )

    first = snapshot()
    for model in (CaseDiscussion, SupervisionSession, TeamMeeting, Observation):
        model.objects.all().delete()
    seed(teams=2, practitioners_per_team=4, children=60)
    assert snapshot() == first


def test_case_discussions_fit_the_child_discussed(demo):
    today = timezone.localdate()
    discussions = list(CaseDiscussion.objects.select_related("child"))
    under_12 = [d for d in discussions if d.child.age(today) < 12]
    at_home = [d for d in discussions if d.child.category in (Category.EARLY_HELP, Category.CHILD_IN_NEED,
                                                               Category.CHILD_PROTECTION)]
    assert under_12 and at_home
    grown_up = re.compile(r"college|pathway|independen|exploitation|missing overnight", re.IGNORECASE)
    assert [d.discussion for d in under_12 if grown_up.search(d.discussion + d.purpose + d.decision)] == []
    in_care = re.compile(r"foster|placement|life.story|family time", re.IGNORECASE)
    assert [d.discussion for d in at_home if in_care.search(d.discussion + d.purpose + d.decision)] == []
    assert len({d.discussion for d in discussions}) > len(discussions) // 2  # varied, not a handful repeated


def test_the_demo_has_objectives_reviewed_in_supervision_and_one_restricted_support_record(demo):
    from supervision.models import Objective, ObjectiveReview, SupportRecord

    worker = StaffMember.objects.get(username="socialworker")
    assert Objective.objects.filter(staff=worker).count() == 3
    assert ObjectiveReview.objects.filter(staff=worker, session__isnull=False).count() == 3
    assert Objective.objects.filter(team__isnull=False).count() == 2
    record = SupportRecord.objects.get()
    assert record.staff.username == "sw1-2" and not SupportRecord.objects.visible_to(
        StaffMember.objects.get(username="admin")
    ).exists()
    seed(teams=2, practitioners_per_team=4, children=60)  # a rerun adds none twice
    assert (Objective.objects.count(), SupportRecord.objects.count()) == (5, 1)


def test_the_demo_has_training_with_one_lapsed_supervisor_and_the_social_workers_cpd(demo):
    from compliance.rules import BY_CODE
    from organisation import standards
    from supervision.models import CpdEntry, TrainingRecord

    today = timezone.localdate()
    rule = BY_CODE["SUPERVISOR-TRAINING"]
    in_breach = {m.username for m in rule.breaches(today, standards.figures("SUPERVISOR-TRAINING"))}
    assert "teammanager" not in in_breach
    assert len(in_breach) == 1
    worker = StaffMember.objects.get(username="socialworker")
    assert CpdEntry.objects.filter(staff=worker).count() == 3
    assert TrainingRecord.objects.filter(staff=worker).exists()
    counts = (TrainingRecord.objects.count(), CpdEntry.objects.count())
    seed(teams=2, practitioners_per_team=4, children=60)  # a rerun adds none twice
    assert (TrainingRecord.objects.count(), CpdEntry.objects.count()) == counts


def test_the_early_career_view_shows_a_newly_qualified_workers_evidence_from_the_demo(demo, client):
    today = timezone.localdate()
    newly = next(member for member in StaffMember.objects.filter(is_active=True, line_manager__isnull=False)
                 if member.is_newly_qualified(today))
    client.force_login(newly.line_manager)
    response = client.get(reverse("supervision:readiness", args=[newly.pk]))
    assert response.status_code == 200
    held = list(response.context["sessions"])
    assert held and all(session.date >= newly.date_qualified for session in held)
    assert response.context["observations"].exists() or response.context["sign_offs"].exists()
    assert held[0].date.strftime("%-d %B %Y") in response.content.decode()


def test_the_demo_has_open_overdue_and_carried_actions_some_of_them_the_social_workers(demo):
    today = timezone.localdate()
    everyone = StaffMember.objects.values("pk")
    open_actions = tracked(owners=everyone, standard="ACTIONS")
    assert any(action.is_overdue(today) for action in open_actions)
    assert any(not action.is_overdue(today) for action in open_actions)
    assert any(action.carried for action in open_actions)
    assert tracked(owners=StaffMember.objects.filter(username="socialworker").values("pk"))


def test_the_demo_head_of_service_and_director_have_visited_their_teams_and_the_report_counts_them(demo):
    from compliance.models import MonthlyReport
    from supervision.models import LeadershipVisit

    today = timezone.localdate()
    leaders = set(LeadershipVisit.objects.values_list("leader__username", flat=True))
    assert leaders == {"headofservice", "director"}
    assert set(LeadershipVisit.objects.values_list("kind", flat=True)) == set(LeadershipVisit.Kind.values)
    assert not LeadershipVisit.objects.filter(held_on__gt=today).exists()
    service = StaffMember.objects.get(username="headofservice").services_headed.get()
    latest = MonthlyReport.objects.filter(service=service).order_by("-month").first()
    assert sum(sum(counts) for _, *counts in latest.figures["leadership_teams"]) > 0
    count = LeadershipVisit.objects.count()
    seed(teams=2, practitioners_per_team=4, children=60)  # a rerun adds none twice
    assert LeadershipVisit.objects.count() == count
