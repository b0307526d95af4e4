"""Every change of state in supervision is a save: history keeps who made it, a re-check is queued."""
import datetime

import pytest
from django.urls import reverse

from compliance import tasks
from compliance.models import Flag
from supervision import services
from supervision.models import SupervisionSession
from tests.conftest import rechecked
from tests.factories import (
    CaseDiscussionFactory,
    PersonalSectionFactory,
    SupervisionContractFactory,
    SupervisionSessionFactory,
)

D = datetime.date
Status = SupervisionSession.Status


@pytest.fixture
def planned(social_worker, monday):
    session = SupervisionSessionFactory(supervisee=social_worker, date=D(2026, 11, 23), record="Workload reviewed.")
    PersonalSectionFactory(session=session)
    return session


@pytest.fixture
def held(planned, monday):
    return services.complete_session(session=planned, today=monday.date(), now=monday)


def test_completing_a_session_is_a_history_row_by_the_supervisor(planned, team_manager, social_worker, monday,
                                                                  rechecks):
    services.complete_session(session=planned, today=monday.date(), now=monday)
    row = planned.history.first()
    assert (row.status, row.completed_at, row.history_user) == (Status.HELD, monday, team_manager)
    assert rechecked(rechecks, "staff", social_worker.pk)


def test_filing_a_case_discussion_is_a_history_row_by_the_supervisor(planned, child, team_manager, monday, rechecks):
    discussion = CaseDiscussionFactory(session=planned, child=child, decision="Step down", rationale="Safe now.")
    services.file_case_discussion(discussion=discussion, today=monday.date(), now=monday)
    row = discussion.history.first()
    assert (row.filed_at, row.history_user) == (monday, team_manager)
    assert row.management_decision_id == discussion.management_decision.pk
    assert rechecked(rechecks, "children", child.pk)


def test_saving_the_record_and_moving_the_date_is_history_for_the_session_and_its_discussions(
    planned, child, team_manager
):
    discussion = CaseDiscussionFactory(session=planned, child=child)
    services.save_record(session=planned, on=D(2026, 11, 20), record="Moved to Friday.")
    assert (planned.history.first().record, planned.history.first().history_user) == ("Moved to Friday.", team_manager)
    assert discussion.history.first().filing_due_on == D(2026, 11, 24)


def test_revising_a_discussion_is_a_history_row_by_the_supervisor(planned, child, team_manager):
    discussion = CaseDiscussionFactory(session=planned, child=child)
    assert discussion.revise(discussion="The child wants to stay at her school.")
    row = discussion.history.first()
    assert (row.discussion, row.history_user) == ("The child wants to stay at her school.", team_manager)


def test_cancelling_is_a_history_row_by_the_supervisor(planned, team_manager, rechecks):
    assert planned.cancel("Court hearing moved.")
    row = planned.history.first()
    assert (row.status, row.cancelled_reason, row.history_user) == (Status.CANCELLED, "Court hearing moved.",
                                                                    team_manager)
    assert not planned.cancel("Twice.")
    assert planned.history.count() == 2


def test_acknowledging_and_commenting_are_history_rows_by_the_supervisee(held, social_worker, monday):
    assert held.add_comment(monday, "I would add the court date.")
    assert held.acknowledge(monday)
    rows = list(held.history.all()[:2])
    assert [(r.acknowledged_at, r.supervisee_comment, r.history_user) for r in rows] == [
        (monday, "I would add the court date.", social_worker),
        (None, "I would add the court date.", social_worker),
    ]


def test_signing_a_contract_is_a_history_row_by_the_staff_member(client, social_worker, monday):
    contract = SupervisionContractFactory(staff=social_worker, staff_signed_on=None)
    client.force_login(social_worker)
    client.post(reverse("supervision:contract_sign", args=[contract.pk]))
    row = contract.history.first()
    assert (row.staff_signed_on, row.history_user) == (monday.date(), social_worker)


@pytest.mark.django_db(transaction=True)
def test_completing_a_session_resolves_the_supervisees_sup_freq_flag_at_once(
    planned, social_worker, monday, settings, django_capture_on_commit_callbacks
):
    """No full sweep: the save's own re-check, run by the worker (eagerly here), mends the flag."""
    from compliance import sweep

    SupervisionSessionFactory(supervisee=social_worker, date=D(2026, 9, 1), status=Status.HELD,
                              completed_at=monday - datetime.timedelta(days=83))
    sweep.sweep(today=monday.date(), now=monday, staff=[social_worker.pk])
    assert Flag.objects.open().filter(rule="SUP-FREQ", staff=social_worker).exists()
    tasks.sweep_subjects.app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.complete_session(session=planned, today=monday.date(), now=monday)
    finally:
        tasks.sweep_subjects.app.conf.task_always_eager = False
    assert not Flag.objects.open().filter(rule="SUP-FREQ", staff=social_worker).exists()
