"""REPORT-COUNTERSIGN at its boundaries: reports to conferences and reviews countersigned before the meeting."""
import pytest

from cases.models import Assessment, AssessmentVersion
from organisation.models import PracticeStandard
from tests.factories import AssessmentFactory, AssessmentVersionFactory, ChildFactory

from .helpers import D, at, breaches

Kind, Status = Assessment.Kind, AssessmentVersion.Status
BOUNDARY = [(-1, False), (0, False), (1, True)]
# Wednesday 30 December 2026: with Christmas Day (Friday) and the Boxing Day holiday (Monday 28th) the third
# working day before it is Wednesday 23 December.
MEETING, LAST_DAY = D(2026, 12, 30), D(2026, 12, 23)


def report(kind=Kind.CP_CONFERENCE_REPORT, meeting=MEETING, status=Status.SUBMITTED, child=None, **fields):
    assessment = AssessmentFactory(kind=kind, meeting_date=meeting, **({"child": child} if child else {}))
    return AssessmentVersionFactory(
        assessment=assessment, status=status, body="The report.",
        submitted_at=None if status == Status.DRAFT else at(D(2026, 12, 1)), **fields,
    )


def shifted(day, days):
    return D.fromordinal(day.toordinal() + days)


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_a_conference_report_not_countersigned_3_working_days_before_christmas_meeting_is_flagged(
    db, offset, breached
):
    version = report()
    child = version.assessment.child
    found = breaches("REPORT-COUNTERSIGN", shifted(LAST_DAY, offset))
    assert (child.pk in found) is breached
    if breached:
        assert found[child.pk] == LAST_DAY


def test_a_review_report_still_in_draft_is_flagged_too(db):
    version = report(kind=Kind.CLA_REVIEW_REPORT, status=Status.DRAFT)
    assert version.assessment.child.pk in breaches("REPORT-COUNTERSIGN", D(2026, 12, 24))


def test_a_countersigned_report_is_not_flagged_even_after_its_meeting(db, team_manager):
    version = report(status=Status.SIGNED_OFF, decided_by=team_manager, decided_at=at(D(2026, 12, 22)), grade="good")
    assert version.assessment.child.pk not in breaches("REPORT-COUNTERSIGN", D(2027, 1, 15))


def test_a_report_returned_and_not_yet_countersigned_stays_flagged(db, team_manager):
    version = report(status=Status.RETURNED, decided_by=team_manager, decided_at=at(D(2026, 12, 22)),
                     grade="requires_improvement")
    assert version.assessment.child.pk in breaches("REPORT-COUNTERSIGN", D(2026, 12, 24))


def test_a_report_filed_where_reports_need_no_sign_off_is_not_flagged(db):
    version = report(status=Status.FILED)
    assert version.assessment.child.pk not in breaches("REPORT-COUNTERSIGN", D(2026, 12, 24))


def test_closed_children_and_work_for_no_meeting_are_not_counted(db):
    closed = report(child=ChildFactory(opened_on=D(2025, 1, 6), closed_on=D(2026, 12, 1)))
    statement = report(kind=Kind.COURT_STATEMENT, meeting=None)
    found = breaches("REPORT-COUNTERSIGN", D(2027, 1, 4))
    assert closed.assessment.child.pk not in found
    assert statement.assessment.child.pk not in found


def test_the_earliest_meeting_not_countersigned_sets_the_due_date(db):
    first = report()
    report(kind=Kind.CLA_REVIEW_REPORT, meeting=D(2027, 1, 20), child=first.assessment.child)
    assert breaches("REPORT-COUNTERSIGN", D(2027, 1, 20))[first.assessment.child.pk] == LAST_DAY


def test_report_countersign_reads_the_configured_working_days(db):
    version = report()
    PracticeStandard.objects.update_or_create(code="REPORT-COUNTERSIGN", defaults={"values": {"working_days": 5}})
    # Five working days before 30 December: 29, 24, 23, 22 and Monday 21 December.
    assert version.assessment.child.pk not in breaches("REPORT-COUNTERSIGN", D(2026, 12, 21))
    assert breaches("REPORT-COUNTERSIGN", D(2026, 12, 22))[version.assessment.child.pk] == D(2026, 12, 21)
