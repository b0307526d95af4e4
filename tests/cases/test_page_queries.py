"""The key case pages run the same few queries whatever the data holds: none per row, under the target of 30
(the child's record under 12)."""
import datetime

import pytest
from django.urls import reverse

from audits.models import Answer, AuditStatus
from cases import sign_off, timeline
from cases.models import AssessmentVersion, CaseNote, ManagerMeeting
from compliance.models import Flag
from organisation import standards
from organisation.models import Role
from tests.factories import (
    AllocationFactory,
    AssessmentVersionFactory,
    AuditAnswerFactory,
    CaseDiscussionFactory,
    CaseFileAuditFactory,
    CaseNoteFactory,
    ChildFactory,
    ChronologyEntryFactory,
    DiscussionActionFactory,
    DocumentFactory,
    ManagementDecisionFactory,
    ManagerMeetingFactory,
    PlanActionFactory,
    PreProceedingsFactory,
    StaffFactory,
    SupervisionSessionFactory,
)

DAY = datetime.timedelta(days=1)


def queries(client, url, assert_max, bound):
    with assert_max(bound) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.fixture
def same_queries_at_any_size(client, django_assert_max_num_queries):
    """Count the page's queries with a little data, add more, and expect the same count (and at most `bound`)."""

    def check(user, url, add_rows, bound):
        client.force_login(user)
        add_rows(2)
        few = queries(client, url, django_assert_max_num_queries, bound)
        add_rows(40)
        assert queries(client, url, django_assert_max_num_queries, bound) == few

    return check


def test_the_caseload_runs_the_same_few_queries_for_any_caseload(same_queries_at_any_size, social_worker):
    def children(n):
        ChildFactory.create_batch(n, worker=social_worker)

    # Session, user, the children, the header's team, flag and unread counts, the session save (in a
    # transaction), and the worklist: the configured standards, one query per child rule and SUP-FREQ's, the
    # allocations to acknowledge, conferences and pre-proceedings, the actions falling due (one query per kind: case
    # discussions', sessions', team meetings'), drafts, returned work.
    same_queries_at_any_size(social_worker, reverse("home"), children, bound=29)


def test_the_childs_record_runs_the_same_few_queries_however_long_the_record(
    same_queries_at_any_size, social_worker, child
):
    start = datetime.date(2024, 1, 1)

    def record(n):
        for i in range(n):
            on = start + i * DAY
            AllocationFactory(child=child, started_on=on, ended_on=on + DAY)
            ChronologyEntryFactory(child=child, occurred_on=on)
            CaseNoteFactory(child=child, occurred_on=on)
            DocumentFactory(child=child, dated=on)
            ManagementDecisionFactory(child=child, decided_on=on)
            ManagerMeetingFactory(child=child, held_on=on)
            PlanActionFactory(version=AssessmentVersionFactory(assessment__child=child))
            session = SupervisionSessionFactory(supervisee=social_worker, date=on)
            filed_at = datetime.datetime.combine(on + 3 * DAY, datetime.time(12), datetime.UTC)
            CaseDiscussionFactory(session=session, child=child, filed_at=filed_at)
            CaseFileAuditFactory(child=child, status=AuditStatus.COMPLETED, grade="good", audited_on=on)

    # Session, user (with the header's team and unread count), the child (with oversight at a glance), the
    # assessments (with their versions), the page of the timeline, the header's flag count, the access log INSERT
    # and the session save (in a transaction).
    same_queries_at_any_size(social_worker, reverse("child", args=[child.pk]), record, bound=11)
    assert timeline.PAGE_SIZE < len(timeline.for_child(child, social_worker))  # the page showed only the newest


def every_kind_of_entry(child, worker, n, start=datetime.date(2024, 1, 1)):
    """`n` entries on the child's record, taking every kind in turn (with the rows their entries list)."""
    rules = iter(code for code in standards.BY_CODE if not Flag.objects.filter(child=child, rule=code).exists())
    kinds = [
        lambda on: AllocationFactory(child=child, started_on=on, ended_on=on + DAY),
        lambda on: ChronologyEntryFactory(child=child, occurred_on=on, significant=True),
        lambda on: CaseNoteFactory(child=child, occurred_on=on),
        lambda on: CaseNoteFactory(child=child, occurred_on=on, kind=CaseNote.Kind.NOTE),
        lambda on: DocumentFactory(child=child, dated=on, confidential=True),
        lambda on: ManagementDecisionFactory(child=child, decided_on=on),
        lambda on: ManagerMeetingFactory(child=child, held_on=on, kind=ManagerMeeting.Kind.INITIAL_CONFERENCE),
        lambda on: PreProceedingsFactory(child=child, started_on=on),
        lambda on: AssessmentVersionFactory(
            assessment__child=child, status=AssessmentVersion.Status.SUBMITTED,
            submitted_at=datetime.datetime.combine(on, datetime.time(10), datetime.UTC),
        ),
        lambda on: DiscussionActionFactory(discussion=CaseDiscussionFactory(
            session=SupervisionSessionFactory(supervisee=worker, date=on), child=child,
            filed_at=datetime.datetime.combine(on + 3 * DAY, datetime.time(12), datetime.UTC),
        )),
        lambda on: AuditAnswerFactory(audit=CaseFileAuditFactory(
            child=child, status=AuditStatus.COMPLETED, grade="good", audited_on=on,
        ), answer=Answer.NOT_MET),
        lambda on: Flag.objects.create(  # one open flag per rule and child: a rule of its own each
            rule=next(rules), kind="child", child=child, team=child.team, due_since=on,
            raised_at=datetime.datetime.combine(on, datetime.time(9), datetime.UTC),
        ),
    ]
    for i in range(n):
        kinds[i % len(kinds)](start + i * DAY)


@pytest.mark.parametrize("reader", ["social_worker", "team_manager"])
def test_the_childs_record_costs_the_same_for_5_entries_as_for_60(
    client, django_assert_max_num_queries, request, reader, child
):
    user = request.getfixturevalue(reader)
    client.force_login(user)
    url = reverse("child", args=[child.pk])
    every_kind_of_entry(child, child.worker, 5)
    few = queries(client, url, django_assert_max_num_queries, 11)
    every_kind_of_entry(child, child.worker, 55, start=datetime.date(2025, 1, 1))
    assert queries(client, url, django_assert_max_num_queries, 11) == few
    kinds = {entry.kind for entry in timeline.page_of(child, user)[0]}
    assert len(timeline.for_child(child, user)) == 60 and len(kinds) == 12  # every kind, past the first page
    assert queries(client, f"{url}?page=2", django_assert_max_num_queries, 11) == few


def test_the_sign_off_queue_runs_the_same_few_queries_however_long_the_queue(
    same_queries_at_any_size, team_manager, social_worker, colleague
):
    senior = StaffFactory(role=Role.SENIOR_PRACTITIONER, team=team_manager.team, line_manager=team_manager)
    practitioner = StaffFactory(team=team_manager.team, line_manager=senior)  # two levels below the manager

    def submitted(n):
        for i in range(n):
            author = (social_worker, colleague, senior, practitioner)[i % 4]
            version = AssessmentVersionFactory(assessment__child=ChildFactory(worker=author), author=author)
            sign_off.submit(version=version, author=author)

    # Session, user, the managed staff's ids, the queue, the header's team and flag count, the session save
    # (in a transaction), and the visible teams' ids that the scoping filters read.
    same_queries_at_any_size(team_manager, reverse("awaiting_sign_off"), submitted, bound=12)


def test_the_team_managers_home_runs_the_same_few_queries_however_much_needs_them(
    same_queries_at_any_size, team_manager, social_worker, colleague
):
    def to_do(n):
        for i in range(n):
            author = (social_worker, colleague)[i % 2]
            version = AssessmentVersionFactory(assessment__child=ChildFactory(worker=author), author=author)
            sign_off.submit(version=version, author=author)
            ChildFactory(worker=None, team=team_manager.team)
            StaffFactory(team=team_manager.team, line_manager=team_manager)  # never supervised: due now

    # Session, user, the header's team, flag and unread counts, the session save; the queue (managed staff's ids, the
    # versions) and its figure; what is due: the configured standards, the visible teams' and managed staff's
    # ids, one query per manager's rule (thirteen, with REPORT-COUNTERSIGN, AUDIT-TARGET and SUPERVISOR-TRAINING),
    # the conferences to attend, the actions falling due (one query per kind), the joiners' inductions, the case
    # discussions to file and the audits whose IRO or CP chair is still to be told; the team and caseload tables.
    same_queries_at_any_size(team_manager, reverse("home"), to_do, bound=35)
