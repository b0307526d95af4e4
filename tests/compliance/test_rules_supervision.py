"""SUP-FREQ, SUP-CONTRACT, SUP-FILED, APPRAISAL, OBSERVATION at their boundaries."""
import pytest

from supervision.models import CaseDiscussion
from tests.factories import (
    AppraisalFactory,
    CaseDiscussionFactory,
    ObservationFactory,
    StaffFactory,
    SupervisionContractFactory,
    SupervisionSessionFactory,
)

from .helpers import D, at, breaches, held, supervised

BOUNDARY = [(-1, False), (0, False), (1, True)]  # day before, the last day met, the day after


def shifted(day, days):
    return D.fromordinal(day.toordinal() + days)


@pytest.fixture
def experienced(db):
    return supervised(date_qualified=D(2015, 9, 1), started_in_post=D(2020, 1, 6))


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_sup_freq_experienced_worker_is_due_a_calendar_month_after_the_last_session(experienced, offset, breached):
    held(experienced, D(2026, 10, 15))
    found = breaches("SUP-FREQ", shifted(D(2026, 11, 15), offset))
    assert (experienced.pk in found) is breached
    if breached:
        assert found[experienced.pk] == D(2026, 11, 15)


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_sup_freq_newly_qualified_worker_is_due_after_14_days(db, offset, breached):
    member = supervised(date_qualified=D(2026, 6, 1))
    held(member, D(2026, 11, 2))
    assert (member.pk in breaches("SUP-FREQ", shifted(D(2026, 11, 16), offset))) is breached


@pytest.mark.parametrize("today, breached", [(D(2026, 11, 22), True), (D(2026, 11, 23), False)])
def test_sup_freq_worker_is_monthly_from_12_months_after_qualifying(db, today, breached):
    # Qualified 23 Nov 2025: every 14 days up to 22 Nov 2026, monthly from the 23rd.
    member = supervised(date_qualified=D(2025, 11, 23))
    held(member, D(2026, 11, 1))
    assert (member.pk in breaches("SUP-FREQ", today)) is breached


def test_sup_freq_reads_the_configured_frequency(experienced):
    held(experienced, D(2026, 10, 15))
    assert experienced.pk in breaches("SUP-FREQ", D(2026, 11, 1), standard_months=0, newly_qualified_days=14)
    assert experienced.pk not in breaches("SUP-FREQ", D(2026, 12, 1), standard_months=2)


def test_sup_freq_ignores_planned_and_cancelled_sessions(experienced):
    held(experienced, D(2026, 9, 1))
    SupervisionSessionFactory(supervisee=experienced, date=D(2026, 11, 1))
    assert experienced.pk in breaches("SUP-FREQ", D(2026, 11, 10))


def test_sup_contract_flags_staff_without_a_contract_from_the_day_they_started_in_post(experienced):
    assert breaches("SUP-CONTRACT", D(2026, 11, 23))[experienced.pk] == D(2020, 1, 6)
    SupervisionContractFactory(staff=experienced)
    assert experienced.pk not in breaches("SUP-CONTRACT", D(2026, 11, 23))


@pytest.mark.parametrize("supervisor_signed, staff_signed, breached", [
    (True, True, False), (True, False, True), (False, True, True), (False, False, True),
])
def test_sup_contract_counts_a_contract_only_once_both_have_signed_it(experienced, supervisor_signed, staff_signed,
                                                                      breached):
    SupervisionContractFactory(staff=experienced, supervisor_signed_on=D(2026, 1, 5) if supervisor_signed else None,
                               staff_signed_on=D(2026, 1, 6) if staff_signed else None)
    assert (experienced.pk in breaches("SUP-CONTRACT", D(2026, 11, 23))) is breached


def test_sup_contract_leaves_out_leavers_and_staff_with_no_line_manager(db):
    leaver = supervised(is_active=False)
    top = StaffFactory(role="director", team=None)
    found = breaches("SUP-CONTRACT", D(2026, 11, 23))
    assert leaver.pk not in found and top.pk not in found


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_sup_filed_flags_the_child_the_day_after_the_filing_deadline(db, offset, breached):
    discussion = CaseDiscussionFactory(session__date=D(2026, 11, 19))  # Thursday: due Monday 23rd
    assert discussion.filing_due_on == D(2026, 11, 23)
    found = breaches("SUP-FILED", shifted(D(2026, 11, 23), offset))
    assert (discussion.child_id in found) is breached


def test_sup_filed_counts_working_days_across_christmas(db):
    # Wednesday 23 Dec 2026: 24th is one working day; 25th and 28th are bank holidays; 29th is two.
    discussion = CaseDiscussionFactory(session__date=D(2026, 12, 23))
    assert discussion.filing_due_on == D(2026, 12, 29)
    assert discussion.child_id not in breaches("SUP-FILED", D(2026, 12, 29))
    assert breaches("SUP-FILED", D(2026, 12, 30))[discussion.child_id] == D(2026, 12, 29)


def test_sup_filed_is_mended_by_filing_and_ignores_cancelled_sessions(db):
    filed = CaseDiscussionFactory(session__date=D(2026, 11, 2), filed_at=at(D(2026, 11, 10)))
    cancelled = CaseDiscussionFactory(
        session__date=D(2026, 11, 2), session__status="cancelled", session__cancelled_reason="Sickness"
    )
    found = breaches("SUP-FILED", D(2026, 11, 23))
    assert filed.child_id not in found and cancelled.child_id not in found
    assert CaseDiscussion.objects.count() == 2


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_appraisal_is_due_12_months_after_the_last(experienced, offset, breached):
    AppraisalFactory(staff=experienced, held_on=D(2025, 11, 16))
    found = breaches("APPRAISAL", shifted(D(2026, 11, 16), offset))
    assert (experienced.pk in found) is breached
    if breached:
        assert found[experienced.pk] == D(2026, 11, 16)


def test_appraisal_of_a_new_starter_is_due_12_months_after_starting_in_post(db):
    starter = supervised(started_in_post=D(2026, 3, 2))
    assert starter.pk not in breaches("APPRAISAL", D(2027, 3, 2))
    assert breaches("APPRAISAL", D(2027, 3, 3))[starter.pk] == D(2027, 3, 2)


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_observation_is_due_12_months_after_the_last(experienced, offset, breached):
    ObservationFactory(practitioner=experienced, observed_on=D(2025, 6, 10))
    assert (experienced.pk in breaches("OBSERVATION", shifted(D(2026, 6, 10), offset))) is breached


def test_observation_reads_the_configured_period(experienced):
    ObservationFactory(practitioner=experienced, observed_on=D(2026, 6, 10))
    assert experienced.pk not in breaches("OBSERVATION", D(2026, 11, 23))
    assert experienced.pk in breaches("OBSERVATION", D(2026, 11, 23), months=3)
