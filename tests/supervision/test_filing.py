"""SUP-FILED (W 4): each case discussion on the child's record within 2 working days of the session."""
import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from cases.models import ManagementDecision
from organisation.models import PracticeStandard
from supervision import services
from supervision.models import CaseDiscussion, SupervisionSession
from tests.factories import (
    AllocationFactory,
    CaseDiscussionFactory,
    ChildFactory,
    PersonalSectionFactory,
    SupervisionSessionFactory,
)

D = datetime.date
LONDON = ZoneInfo("Europe/London")
CHRISTMAS_EVE = D(2026, 12, 24)  # a Thursday; Fri 25 and Mon 28 (Boxing Day observed) are bank holidays


def at(day, hour=12, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), LONDON)


@pytest.fixture
def christmas_discussion(social_worker, child):
    session = SupervisionSessionFactory(supervisee=social_worker, date=CHRISTMAS_EVE, record="Discussed caseload.")
    return CaseDiscussionFactory(session=session, child=child)


def test_the_deadline_skips_weekends_and_bank_holidays(db):
    assert CaseDiscussion.filing_deadline(CHRISTMAS_EVE) == D(2026, 12, 30)
    assert CaseDiscussion.filing_deadline(D(2026, 11, 19)) == D(2026, 11, 23)  # Thursday -> Monday


def test_a_new_discussion_takes_its_deadline_from_the_session(christmas_discussion):
    assert christmas_discussion.filing_due_on == D(2026, 12, 30)


def test_the_deadline_follows_the_configured_figure(db):
    PracticeStandard.objects.update_or_create(code="SUP-FILED", defaults={"values": {"working_days": 1}})
    assert CaseDiscussion.filing_deadline(CHRISTMAS_EVE) == D(2026, 12, 29)


@pytest.mark.parametrize(
    "filed, late",
    [
        (at(D(2026, 12, 29)), False),
        (at(D(2026, 12, 30), 23, 30), False),  # late evening on the due day, London time, is still in time
        (at(D(2026, 12, 31), 0, 15), True),
    ],
)
def test_filed_late_means_after_the_second_working_day(christmas_discussion, filed, late):
    services.file_case_discussion(discussion=christmas_discussion, today=filed.date(), now=filed)
    christmas_discussion.refresh_from_db()
    assert christmas_discussion.is_filed_late() is late
    assert CaseDiscussion.objects.filed_late().filter(pk=christmas_discussion.pk).exists() is late
    assert christmas_discussion.filing_status(filed.date())[0] == ("Filed late" if late else "Filed")


@pytest.mark.parametrize("today, listed", [(D(2026, 12, 30), False), (D(2026, 12, 31), True)])
def test_an_unfiled_discussion_is_flagged_the_day_after_its_deadline(christmas_discussion, today, listed):
    assert CaseDiscussion.objects.not_filed_in_time(today).filter(pk=christmas_discussion.pk).exists() is listed
    assert christmas_discussion.filing_status(today)[0] == ("Not filed: overdue" if listed else "Not filed yet")


def test_a_cancelled_sessions_discussions_are_not_flagged(christmas_discussion):
    christmas_discussion.session.cancel("Practitioner off sick.")
    assert not CaseDiscussion.objects.not_filed_in_time(D(2027, 1, 4)).exists()


def test_completing_the_session_files_every_discussion(social_worker, child):
    session = SupervisionSessionFactory(supervisee=social_worker, date=CHRISTMAS_EVE, record="Caseload reviewed.")
    PersonalSectionFactory(session=session)
    first = CaseDiscussionFactory(session=session, child=child)
    second = CaseDiscussionFactory(session=session)
    services.complete_session(session=session, today=D(2026, 12, 29), now=at(D(2026, 12, 29)))
    session.refresh_from_db()
    assert session.status == SupervisionSession.Status.HELD
    assert session.completed_at == at(D(2026, 12, 29))
    assert {d.filed_at for d in CaseDiscussion.objects.filter(pk__in=[first.pk, second.pk])} == {at(D(2026, 12, 29))}
    assert not CaseDiscussion.objects.filed_late().exists()


def test_rescheduling_an_open_session_moves_the_deadline(christmas_discussion):
    services.save_record(session=christmas_discussion.session, on=D(2027, 1, 7), record="Moved after the holidays.")
    christmas_discussion.refresh_from_db()
    assert christmas_discussion.filing_due_on == D(2027, 1, 11)


def test_a_discussion_cannot_be_filed_before_the_session(christmas_discussion):
    with pytest.raises(ValidationError):
        services.file_case_discussion(discussion=christmas_discussion, today=D(2026, 12, 23), now=at(D(2026, 12, 23)))
    assert not CaseDiscussion.objects.on_record().exists()


def test_a_discussion_missing_a_w3_item_cannot_be_filed(christmas_discussion):
    christmas_discussion.contingency = ""
    christmas_discussion.save()
    with pytest.raises(ValidationError, match="guidance if expectations cannot be met"):
        services.file_case_discussion(discussion=christmas_discussion, today=D(2026, 12, 29), now=at(D(2026, 12, 29)))


def test_the_decision_goes_on_the_childs_record_as_the_supervisors(christmas_discussion, team_manager, child):
    christmas_discussion.decision = "Convene a strategy discussion."
    christmas_discussion.rationale = "No access twice and neglect concerns."
    christmas_discussion.save()
    services.file_case_discussion(discussion=christmas_discussion, today=D(2026, 12, 29), now=at(D(2026, 12, 29)))
    decision = ManagementDecision.objects.get(child=child)
    assert (decision.manager, decision.decided_on, decision.context) == (
        team_manager, CHRISTMAS_EVE, ManagementDecision.Context.SUPERVISION
    )
    assert decision.decision == "Convene a strategy discussion."
    assert CaseDiscussion.objects.get(pk=christmas_discussion.pk).management_decision == decision


def test_no_decision_means_no_management_decision(christmas_discussion):
    services.file_case_discussion(discussion=christmas_discussion, today=D(2026, 12, 29), now=at(D(2026, 12, 29)))
    assert not ManagementDecision.objects.exists()


def test_filing_twice_files_once(christmas_discussion):
    christmas_discussion.decision, christmas_discussion.rationale = "Step down.", "Risks reduced."
    christmas_discussion.save()
    services.file_case_discussion(discussion=christmas_discussion, today=D(2026, 12, 29), now=at(D(2026, 12, 29)))
    stale = CaseDiscussion.objects.get(pk=christmas_discussion.pk)
    stale.filed_at = None  # as another request would still have it
    with pytest.raises(services.AlreadyDone):
        services.file_case_discussion(discussion=stale, today=D(2026, 12, 30), now=at(D(2026, 12, 30)))
    assert ManagementDecision.objects.count() == 1
    assert CaseDiscussion.objects.get(pk=christmas_discussion.pk).filed_at == at(D(2026, 12, 29))


def test_a_non_case_holders_decision_is_recorded_on_the_childs_file(team_manager, head_of_service, child):
    """The head of service supervises the team manager about a child the manager does not hold (W 4)."""
    session = services.start_session(supervisor=head_of_service, supervisee=team_manager, on=D(2026, 11, 19))
    assert child in services.discussable_children(session)
    discussion = services.add_case_discussion(session=session, child=child)
    discussion.purpose, discussion.expectations = "Protect from neglect.", "Visit weekly at home."
    discussion.contingency, discussion.discussion = "No access: police welfare check.", "Plan drifting; escalate."
    discussion.decision, discussion.rationale = "Legal planning meeting.", "No progress in three months."
    discussion.save()
    services.file_case_discussion(discussion=discussion, today=D(2026, 11, 19), now=at(D(2026, 11, 19)))
    decision = ManagementDecision.objects.get(child=child)
    assert decision.manager == head_of_service
    assert decision.context == ManagementDecision.Context.SUPERVISION


def test_a_new_discussion_starts_from_the_childs_allocation(social_worker, team_manager):
    child = ChildFactory(worker=social_worker)
    AllocationFactory(
        child=child, purpose="Assess and plan.", expectations="Weekly home visits to observe routines.",
        contingency="No access: return next day, call school.",
    )
    session = services.start_session(
        supervisor=team_manager, supervisee=social_worker, on=D(2026, 11, 19), children=[child]
    )
    discussion = session.case_discussions.get()
    assert (discussion.purpose, discussion.expectations, discussion.contingency) == (
        "Assess and plan.", "Weekly home visits to observe routines.", "No access: return next day, call school."
    )
    assert discussion.missing_for_filing() == ["discussion"]


def test_only_children_both_can_see_are_discussed(social_worker, team_manager, child, other_child):
    session = services.start_session(supervisor=team_manager, supervisee=social_worker, on=D(2026, 11, 19))
    with pytest.raises(ValidationError):
        services.add_case_discussion(session=session, child=other_child)
    assert list(services.discussable_children(session)) == [child]
