"""SUPERVISOR-TRAINING at its boundaries (issue 20, W 5): anyone who supervises has current supervision-skills
training; a new supervisor has the configured months from their first session held."""
import pytest

from organisation.models import PracticeStandard, Role
from supervision.models import TrainingRecord
from tests.factories import StaffFactory, SupervisionSessionFactory, TrainingRecordFactory

from .helpers import D, at, breaches, supervised

CODE = "SUPERVISOR-TRAINING"
TODAY = D(2026, 11, 23)


def supervisor(**fields):
    """A team manager (in post since 2020) with one supervisee."""
    fields.setdefault("started_in_post", D(2020, 1, 6))
    manager = supervised(role=Role.TEAM_MANAGER, **fields)
    StaffFactory(line_manager=manager)
    return manager


def held_by(manager, on):
    return SupervisionSessionFactory(
        supervisor=manager, supervisee=manager.direct_reports.first(), date=on, status="held", completed_at=at(on, 16),
    )


@pytest.mark.parametrize("expires_on, breached", [
    (TODAY - D.resolution, True), (TODAY, False), (TODAY + D.resolution, False),
])
def test_supervisor_training_counts_up_to_and_including_its_expiry_date(db, expires_on, breached):
    manager = supervisor()
    TrainingRecordFactory(staff=manager, completed_on=D(2023, 11, 1), expires_on=expires_on)
    found = breaches(CODE, TODAY)
    assert (manager.pk in found) is breached
    if breached:
        assert found[manager.pk] == expires_on


@pytest.mark.parametrize("offset, breached", [(-1, False), (0, False), (1, True)])
def test_a_new_supervisor_has_six_months_from_their_first_session(db, offset, breached):
    manager = supervisor()
    held_by(manager, D(2026, 5, 23))
    held_by(manager, D(2026, 8, 1))
    today = D.fromordinal(TODAY.toordinal() + offset)
    found = breaches(CODE, today)
    assert (manager.pk in found) is breached
    if breached:
        assert found[manager.pk] == TODAY


@pytest.mark.parametrize("offset, breached", [(-1, False), (0, False), (1, True)])
def test_a_new_supervisor_yet_to_hold_a_session_counts_from_their_start_in_post(db, offset, breached):
    manager = supervisor(started_in_post=D(2026, 5, 23))
    today = D.fromordinal(TODAY.toordinal() + offset)
    assert (manager.pk in breaches(CODE, today)) is breached


def test_a_supervisor_with_no_start_date_and_no_session_is_due_now(db):
    manager = supervisor(started_in_post=None)
    assert breaches(CODE, TODAY)[manager.pk] == TODAY


def test_only_supervision_skills_training_completed_by_today_counts(db):
    manager = supervisor()
    TrainingRecordFactory(staff=manager, kind=TrainingRecord.Kind.SAFEGUARDING, expires_on=None)
    TrainingRecordFactory(staff=manager, completed_on=TODAY + D.resolution, expires_on=D(2029, 11, 1))
    assert manager.pk in breaches(CODE, TODAY)
    TrainingRecordFactory(staff=manager, completed_on=TODAY, expires_on=None)
    assert manager.pk not in breaches(CODE, TODAY)


def test_who_supervises_nobody_or_has_left_is_not_in_the_population(db):
    worker = supervised(started_in_post=D(2020, 1, 6))
    former = supervisor(is_active=False)
    lost_their_team = supervised(role=Role.TEAM_MANAGER, started_in_post=D(2020, 1, 6))
    StaffFactory(line_manager=lost_their_team, is_active=False)
    assert not {worker.pk, former.pk, lost_their_team.pk} & set(breaches(CODE, TODAY))


def test_the_breach_is_owned_by_the_supervisors_line_manager(db):
    from compliance.models import Owner
    from compliance.rules import BY_CODE

    assert BY_CODE[CODE].owner == Owner.LINE_MANAGER


def test_supervisor_training_reads_the_configured_months(db):
    manager = supervisor()
    held_by(manager, D(2026, 5, 23))
    PracticeStandard.objects.update_or_create(code=CODE, defaults={"values": {"months": 12}})
    assert manager.pk not in breaches(CODE, TODAY)
