"""Every flag has an owner, a plan can be recorded against it, and a flag left open escalates (issue 25)."""
import datetime

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse

from compliance import owners
from compliance.models import Escalation, Flag, FlagPlan, Owner, SubjectKind
from compliance.owners import escalate, escalated, owner_of
from compliance.rules import RULES
from compliance.rules.base import Rule
from compliance.sweep import full_sweep
from organisation.notifications import Notification
from tests.factories import CaseFileAuditFactory, ChildFactory, CorrectiveActionFactory

from .helpers import LONDON, D, at, run

FLAGS = reverse("compliance:flags")


NOVEMBER_2 = D(2026, 11, 2)


def flag(rule, raised_on=NOVEMBER_2, **subject):
    (kind, about), = subject.items()
    fields = {"team": about} if kind == "team" else {kind: about, "team": about.team}
    return Flag.objects.create(rule=rule, kind=kind, due_since=raised_on, raised_at=at(raised_on), **fields)


def plan_url(f):
    return reverse("compliance:flag_plan", args=[f.pk])


# Who owns what.

@pytest.mark.parametrize("rule", RULES, ids=str)
def test_every_rule_names_an_owner_that_its_subject_can_be_read_for(rule):
    assert Owner(rule.owner) and (Owner(rule.owner), rule.subject) in owners._PATHS


def test_a_rule_that_names_no_owner_gets_its_subjects_own():
    class NewChildRule(Rule):
        code = "NEW"

    class NewStaffRule(Rule):
        code = "NEW"
        subject = SubjectKind.STAFF

    assert (NewChildRule().owner, NewStaffRule().owner) == (Owner.WORKER, Owner.LINE_MANAGER)


@pytest.mark.parametrize("rule", ["CHRON-STALE", "CHRON-MISSING", "VISITS", "SEEN-ALONE", "PLAN-MISSING", "SUMMARY"])
def test_a_childs_record_is_owned_by_the_allocated_worker(child, social_worker, rule):
    assert owner_of(flag(rule, child=child)) == social_worker


def test_an_unallocated_childs_flag_is_owned_by_the_team_manager_who_allocates(team, team_manager):
    unallocated = ChildFactory(worker=None, team=team)
    assert owner_of(flag("CHRON-STALE", child=unallocated)) == team_manager


@pytest.mark.parametrize("rule", ["SUP-FREQ", "SUP-CONTRACT", "APPRAISAL", "OBSERVATION", "CASELOAD"])
def test_supervision_and_staff_standards_are_owned_by_the_line_manager(social_worker, team_manager, rule):
    assert owner_of(flag(rule, staff=social_worker)) == team_manager


def test_a_case_discussion_not_filed_is_owned_by_the_workers_supervisor(child, team_manager):
    assert owner_of(flag("SUP-FILED", child=child)) == team_manager


@pytest.mark.parametrize("rule", ["PLAN-UNSIGNED", "MGR-ATTEND"])
def test_sign_off_and_attendance_are_owned_by_the_team_manager(child, team_manager, rule):
    assert owner_of(flag(rule, child=child)) == team_manager


def test_team_standards_are_owned_by_the_team_manager(team, team_manager):
    assert owner_of(flag("TEAM-MEETING", team=team)) == team_manager


def test_an_audit_action_is_owned_by_the_auditor_of_the_earliest_undone_action(child, iro, team_manager):
    earlier = CaseFileAuditFactory(child=child, auditor=iro)
    later = CaseFileAuditFactory(child=child, auditor=team_manager)
    CorrectiveActionFactory(audit=later, due_on=D(2026, 10, 1))
    CorrectiveActionFactory(audit=earlier, due_on=D(2026, 9, 1))
    CorrectiveActionFactory(audit=later, due_on=D(2026, 8, 1), done_on=D(2026, 8, 1))  # done: no longer the point
    assert owner_of(flag("AUDIT-ACTIONS", child=child)) == iro


def test_reallocating_the_child_moves_ownership_with_no_write(child, colleague):
    f = flag("CHRON-STALE", child=child)
    child.worker = colleague
    child.save()
    assert owner_of(f) == colleague
    assert Flag.objects.get(pk=f.pk).raised_at == f.raised_at


def test_a_new_line_manager_takes_over_the_staff_flags(social_worker, head_of_service):
    f = flag("SUP-FREQ", staff=social_worker)
    social_worker.line_manager = head_of_service
    social_worker.save()
    assert owner_of(f) == head_of_service


# Escalation: 10 working days to the owner's manager, 20 to the head of service (settings).

# Raised Monday 14 December 2026: the 10th working day after is Wednesday 30 December, not Monday 28,
# because Christmas Day (Friday) and the Boxing Day substitute (Monday 28) are bank holidays;
# the 20th is Thursday 14 January 2027 (New Year's Day is one too).
RAISED = D(2026, 12, 14)


@pytest.mark.parametrize(
    "today, level",
    [
        (D(2026, 12, 29), Escalation.NONE),  # the working day before the 10th
        (D(2026, 12, 30), Escalation.NONE),  # the 10th working day: open 10 working days, not past them
        (D(2026, 12, 31), Escalation.MANAGER),  # the working day after
        (D(2027, 1, 13), Escalation.MANAGER),
        (D(2027, 1, 14), Escalation.MANAGER),  # the 20th
        (D(2027, 1, 15), Escalation.HEAD_OF_SERVICE),
    ],
)
def test_a_flag_escalates_the_working_day_after_each_figure(child, today, level):
    f = flag("CHRON-STALE", raised_on=RAISED, child=child)
    assert f.escalation(today) == level
    # The query the sweep tells people from agrees with the flag's own reading, day by day.
    for each in (Escalation.MANAGER, Escalation.HEAD_OF_SERVICE):
        assert escalated(Flag.objects.all(), today, each).exists() == (level >= each)


def test_a_flag_raised_late_in_the_evening_counts_from_that_day_in_london(child):
    f = flag("CHRON-STALE", raised_on=RAISED, child=child)
    f.raised_at = datetime.datetime(2026, 12, 14, 23, 30, tzinfo=LONDON)
    f.save()
    assert f.escalation(D(2026, 12, 30)) == Escalation.NONE
    assert not escalated(Flag.objects.all(), D(2026, 12, 30), Escalation.MANAGER).exists()
    assert escalated(Flag.objects.all(), D(2026, 12, 31), Escalation.MANAGER).exists()


def test_a_standard_can_have_its_own_figures(child, settings):
    settings.FLAG_ESCALATION_WORKING_DAYS = {"default": (10, 20), "CHRON-STALE": (2, 4)}
    stale, missing = flag("CHRON-STALE", raised_on=RAISED, child=child), flag("CHRON-MISSING", raised_on=RAISED,
                                                                              child=child)
    assert (stale.escalation(D(2026, 12, 17)), missing.escalation(D(2026, 12, 17))) == (Escalation.MANAGER, 0)
    assert set(escalated(Flag.objects.all(), D(2026, 12, 17), Escalation.MANAGER)) == {stale}


def test_a_resolved_flag_is_not_escalated(child):
    f = flag("CHRON-STALE", raised_on=RAISED, child=child)
    f.resolved_at = at(D(2027, 1, 2))
    assert f.escalation(D(2027, 2, 1)) == Escalation.NONE


def test_the_person_escalated_to_is_told_once_per_level(child, social_worker, team_manager, head_of_service):
    f = flag("CHRON-STALE", raised_on=RAISED, child=child)

    def tell(today):
        with transaction.atomic():
            return escalate(today=today, now=at(today, 6))

    assert tell(D(2026, 12, 30)) == 0
    assert tell(D(2026, 12, 31)) == 1
    assert tell(D(2027, 1, 4)) == 0
    assert tell(D(2027, 1, 15)) == 1
    assert tell(D(2027, 1, 18)) == 0
    told = list(Notification.objects.order_by("created_at").values_list("recipient", "text", "url"))
    assert told == [
        (team_manager.pk, f"A flag has been escalated to you: Chronology up to date (CHRON-STALE) for child "
                          f"{child.local_id}.", child.get_absolute_url()),
        (head_of_service.pk, f"A flag has been escalated to you: Chronology up to date (CHRON-STALE) for child "
                             f"{child.local_id}.", child.get_absolute_url()),
    ]
    assert Flag.objects.get(pk=f.pk).escalation_notified == Escalation.HEAD_OF_SERVICE


def test_the_full_sweep_escalates_an_old_flag_still_in_breach(team, team_manager, head_of_service):
    # A team with no minuted meeting stays in breach of TEAM-MEETING; its manager owns the flag.
    old = flag("TEAM-MEETING", raised_on=RAISED, team=team)
    full_sweep(today=D(2026, 12, 31), now=at(D(2026, 12, 31), 6))
    assert Flag.objects.get(pk=old.pk).is_open
    assert list(Notification.objects.filter(text__contains="escalated").values_list("recipient", "url")) == [
        (head_of_service.pk, team.get_absolute_url())
    ]


# The plan.

NOW = datetime.datetime(2026, 11, 23, 10, tzinfo=LONDON)  # a Monday


def plan_data(text="Update the chronology from the case notes.", day="4", month="12", year="2026"):
    return {"text": text, "plan_by_0": day, "plan_by_1": month, "plan_by_2": year}


@pytest.fixture
def stale(child):
    return flag("CHRON-STALE", child=child)


@pytest.mark.parametrize("persona", ["social_worker", "team_manager", "head_of_service", "director"])
def test_the_owner_and_their_managers_may_record_a_plan(client, request, stale, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    with time_machine.travel(NOW, tick=False):
        assert client.get(plan_url(stale)).status_code == 200
        response = client.post(plan_url(stale), plan_data())
    assert response.status_code == 302
    plan = FlagPlan.objects.get(flag=stale)
    assert (plan.text, plan.plan_by, plan.planned_by) == ("Update the chronology from the case notes.",
                                                          D(2026, 12, 4), user)
    assert plan.history.get().history_user == user


@pytest.mark.parametrize("persona", ["colleague", "iro", "outsider", "administrator"])
def test_anyone_else_is_told_the_plan_page_does_not_exist(client, request, stale, persona):
    client.force_login(request.getfixturevalue(persona))
    with time_machine.travel(NOW, tick=False):
        assert client.get(plan_url(stale)).status_code == 404
        assert client.post(plan_url(stale), plan_data()).status_code == 404
    assert not FlagPlan.objects.exists()


def test_a_resolved_flag_takes_no_plan(client, social_worker, stale):
    stale.resolved_at = at(D(2026, 11, 20))
    stale.save()
    client.force_login(social_worker)
    assert client.get(plan_url(stale)).status_code == 404


@pytest.mark.parametrize(
    "data, message",
    [
        (plan_data(day="31", month="2", year="2027"), "Done by must be a real date"),
        (plan_data(day="20", month="11", year="2026"), "Done by must be today or in the future"),
        (plan_data(year="2099"), "Done by must be between"),
        (plan_data(text=""), "Enter what will be done"),
    ],
)
def test_a_bad_plan_is_refused_with_the_govuk_error_summary(client, social_worker, stale, data, message):
    client.force_login(social_worker)
    with time_machine.travel(NOW, tick=False):
        response = client.post(plan_url(stale), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and message in page
    assert "<title>Error: " in page
    assert not FlagPlan.objects.exists()


def test_changing_the_plan_keeps_who_changed_it(client, social_worker, team_manager, stale):
    for user, text in ((social_worker, "First."), (team_manager, "Second.")):
        client.force_login(user)
        with time_machine.travel(NOW, tick=False):
            assert client.post(plan_url(stale), plan_data(text=text)).status_code == 302
    plan = FlagPlan.objects.get()
    assert plan.text == "Second."
    assert [h.history_user for h in plan.history.order_by("history_id")] == [social_worker, team_manager]


def test_the_flags_list_shows_the_owner_the_plan_and_when_it_is_overdue(client, social_worker, team_manager, stale):
    FlagPlan.objects.create(flag=stale, text="Chase the notes.", plan_by=D(2026, 11, 20), planned_by=social_worker,
                            planned_at=at(D(2026, 11, 10)))
    client.force_login(team_manager)
    with time_machine.travel(NOW, tick=False):
        page = client.get(FLAGS).content.decode()
        drill_down = client.get(reverse("dashboards:breaches", args=["CHRON-STALE"])).content.decode()
    for html in (page, drill_down):
        assert str(social_worker) in html and "Chase the notes." in html
        assert "Plan overdue" in html
        assert plan_url(stale) in html  # the owner's manager may change it

    with time_machine.travel(datetime.datetime(2026, 11, 20, 10, tzinfo=LONDON), tick=False):
        assert "Plan overdue" not in client.get(FLAGS).content.decode()  # due today is not yet overdue


def test_the_list_offers_a_plan_only_to_whom_may_record_one(client, iro, stale):
    client.force_login(iro)
    page = client.get(FLAGS).content.decode()
    assert stale.rule in page and plan_url(stale) not in page


def test_the_list_and_drill_down_show_the_escalation_level(client, team_manager, child):
    flag("CHRON-STALE", raised_on=RAISED, child=child)
    for today, tag in ((D(2026, 12, 30), None), (D(2026, 12, 31), "Escalated to manager"),
                       (D(2027, 1, 15), "Escalated to head of service")):
        with time_machine.travel(at(today), tick=False):
            client.force_login(team_manager)  # a session lasts hours, not weeks
            pages = [client.get(FLAGS).content.decode(),
                     client.get(reverse("dashboards:breaches", args=["CHRON-STALE"])).content.decode()]
        for html in pages:
            assert ("Escalated to" in html) == (tag is not None)
            assert tag is None or tag in html


def test_a_plan_never_resolves_the_flag(client, team, team_manager):
    today = D(2026, 11, 23)
    run(today, teams=[team.pk])  # no minuted team meeting: TEAM-MEETING is breached
    raised = Flag.objects.open().get(rule="TEAM-MEETING")
    client.force_login(team_manager)
    with time_machine.travel(NOW, tick=False):
        assert client.post(plan_url(raised), plan_data()).status_code == 302
    run(today + datetime.timedelta(days=1), teams=[team.pk])
    assert Flag.objects.open().get(rule="TEAM-MEETING") == raised
    with time_machine.travel(NOW, tick=False):
        assert raised.pk in {f.pk for f in client.get(FLAGS).context["page"]}


def test_a_staff_members_own_flag_is_planned_by_their_line_manager_not_by_them(client, social_worker, team_manager):
    f = flag("SUP-FREQ", staff=social_worker)
    client.force_login(social_worker)
    assert client.get(plan_url(f)).status_code == 404
    client.force_login(team_manager)
    assert client.get(plan_url(f)).status_code == 200


def test_a_head_of_service_owns_a_team_managers_caseload_flag(team_manager, head_of_service):
    assert owner_of(flag("CASELOAD", staff=team_manager)) == head_of_service
