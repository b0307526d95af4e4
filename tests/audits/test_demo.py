"""The demo adds audits with corrective actions (some overdue) and manager reviews; deterministic and rerunnable."""
import datetime

from audits import demo
from audits.models import (
    AuditAnswer,
    AuditProgramme,
    CaseFileAudit,
    CorrectiveAction,
    ManagerPracticeReview,
    ReviewAnswer,
)
from audits.sampling import monthly_sample
from audits.selectors import reviewable_managers
from cases.demo import DemoAuthority, Sizes
from cases.worklist import needs_manager
from organisation.models import StaffMember

TODAY = datetime.date(2026, 3, 10)


def seeded():
    authority = DemoAuthority(Sizes(teams=6, practitioners_per_team=3, children=150), TODAY, log=lambda _: None)
    authority.build()
    demo.seed(authority)
    return authority


def snapshot():
    return (
        list(CaseFileAudit.objects.values_list(
            "child__local_id", "auditor__username", "audited_on", "grade", "actions__due_on", "actions__done_on"
        ).order_by("child__local_id", "auditor__username", "actions__due_on", "actions__done_on")),
        sorted(ManagerPracticeReview.objects.values_list("manager__username", "reviewed_on", "answers__judgement")),
    )


def test_the_demo_adds_audits_with_overdue_actions_and_manager_reviews(db):
    seeded()
    assert CaseFileAudit.objects.completed().count() >= 12
    assert CorrectiveAction.objects.overdue(TODAY).exists()
    assert CorrectiveAction.objects.filter(verified_on__isnull=False).exists()
    assert ManagerPracticeReview.objects.filter(
        manager__username="teammanager", reviewer__username="headofservice", answers__isnull=False
    ).exists()


def test_the_done_when_journey_has_what_it_needs(db):
    seeded()
    team_manager = StaffMember.objects.get(username="teammanager")
    assert monthly_sample(team_manager, AuditProgramme.current(), TODAY)
    assert not CaseFileAudit.objects.filter(auditor=team_manager, audited_on__gte=TODAY.replace(day=1)).exists()
    head = StaffMember.objects.get(username="headofservice")
    assert reviewable_managers(head).filter(pk=team_manager.pk).exists()
    social_worker = StaffMember.objects.get(username="socialworker")
    assert CorrectiveAction.objects.filter(owner=social_worker, done_on__isnull=True).exists()
    assert CaseFileAudit.objects.audits().filter(practitioner=social_worker, practitioner_response="").exists()


def test_the_demo_social_worker_has_self_checks_one_leaving_the_iro_to_tell(db):
    seeded()
    social_worker = StaffMember.objects.get(username="socialworker")
    checks = CaseFileAudit.objects.self_checks().completed().filter(auditor=social_worker)
    assert checks.count() == 2
    assert all(check.actions.exists() for check in checks)
    team_manager = StaffMember.objects.get(username="teammanager")
    assert "Tell the IRO or CP chair" in {item.what for item in needs_manager(manager=team_manager, today=TODAY)}


def test_a_rerun_adds_nothing(db):
    seeded()
    models = (CaseFileAudit, AuditAnswer, CorrectiveAction, ManagerPracticeReview, ReviewAnswer)
    counts = [model.objects.count() for model in models]
    seeded()
    assert [model.objects.count() for model in models] == counts


def test_it_is_deterministic(db):
    seeded()
    first = snapshot()
    CaseFileAudit.objects.all().delete()
    ManagerPracticeReview.objects.all().delete()
    seeded()
    assert snapshot() == first


def test_every_demo_audit_follows_up_each_item_not_met(db):
    seeded()
    completed = CaseFileAudit.objects.completed().prefetch_related("answers")
    assert any(audit.not_met_items() for audit in completed)
    for audit in completed:
        answers = {a.item: (a.answer, a.comment) for a in audit.answers.all()}
        reasons = {a.item: a.no_action_reason for a in audit.answers.all()}
        assert audit.items_without_follow_up(answers, reasons) == [], audit
