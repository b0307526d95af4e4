"""SPEC 4b for the staff standards: who they apply to, when the clock starts, observation before appraisal."""
import datetime

import pytest
import time_machine

from compliance.models import Flag
from organisation.models import Role
from tests.factories import AppraisalFactory, ObservationFactory, StaffFactory, SupervisionContractFactory

from .helpers import LONDON, D, breaches, run, supervised

STAFF_RULES = ("SUP-FREQ", "SUP-CONTRACT", "APPRAISAL", "OBSERVATION")
BOUNDARY = [(-1, False), (0, False), (1, True)]  # day before, the last day met, the day after


def shifted(day, days):
    return day + datetime.timedelta(days=days)


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER, Role.TEAM_MANAGER,
                                  Role.IRO, Role.HEAD_OF_SERVICE])
def test_everyone_with_a_line_manager_is_supervised_contracted_appraised_and_observed(db, role):
    member = supervised(role=role, team=None, started_in_post=D(2020, 1, 6))
    for code in STAFF_RULES:
        assert member.pk in breaches(code, D(2026, 11, 23)), code


def test_nobody_without_a_line_manager_in_oversight_is_in_the_staff_standards(db):
    director = StaffFactory(role=Role.DIRECTOR, team=None, started_in_post=D(2020, 1, 6))
    for code in STAFF_RULES:
        assert director.pk not in breaches(code, D(2026, 11, 23)), code


@time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=LONDON))
def test_accounts_created_at_go_live_for_staff_long_in_post_are_flagged_as_the_standard_says(db):
    """Every account made "today"; the clocks run from the posts' start dates, years ago."""
    today = D(2026, 12, 1)
    manager = StaffFactory(role=Role.HEAD_OF_SERVICE, team=None)
    long_in_post = [
        supervised(line_manager=manager, role=role, started_in_post=D(2016, 9, 5))
        for role in (Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.IRO)
    ]
    no_start_date = supervised(line_manager=manager, started_in_post=None)
    new_starter = supervised(line_manager=manager, started_in_post=D(2026, 11, 23))
    SupervisionContractFactory(staff=new_starter)
    assert all(member.date_joined.date() == today for member in [*long_in_post, no_start_date, new_starter])

    run(today)

    flagged = set(Flag.objects.open().values_list("rule", "staff"))
    for member in [*long_in_post, no_start_date]:
        assert {(code, member.pk) for code in STAFF_RULES} <= flagged, member.role
    assert not {code for code, pk in flagged if pk == new_starter.pk}
    since = dict(Flag.objects.open().filter(staff=long_in_post[0]).values_list("rule", "due_since"))
    assert since == {"SUP-FREQ": D(2016, 10, 5), "SUP-CONTRACT": D(2016, 9, 5),
                     "APPRAISAL": D(2017, 9, 5), "OBSERVATION": D(2017, 9, 5)}
    assert Flag.objects.open().get(staff=no_start_date, rule="APPRAISAL").due_since == today


@pytest.mark.parametrize("code", ["APPRAISAL", "OBSERVATION"])
@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_a_first_appraisal_or_observation_is_due_12_months_after_starting_in_post(db, code, offset, breached):
    starter = supervised(started_in_post=D(2025, 12, 1))
    found = breaches(code, shifted(D(2026, 12, 1), offset))
    assert (starter.pk in found) is breached
    if breached:
        assert found[starter.pk] == D(2026, 12, 1)


@pytest.mark.parametrize("code", ["SUP-FREQ", "APPRAISAL", "OBSERVATION"])
def test_with_no_start_date_and_no_record_someone_is_due_now(db, code):
    member = supervised(started_in_post=None)
    assert breaches(code, D(2026, 12, 1)) == {member.pk: D(2026, 12, 1)}


def test_a_record_restarts_the_clock_whatever_the_start_date(db):
    member = supervised(started_in_post=None)
    AppraisalFactory(staff=member, held_on=D(2026, 6, 1))
    ObservationFactory(practitioner=member, observed_on=D(2026, 5, 1))
    assert member.pk not in breaches("APPRAISAL", D(2026, 12, 1))
    assert member.pk not in breaches("OBSERVATION", D(2026, 12, 1))


@pytest.mark.parametrize(
    "observed_on, breached",
    [
        (D(2025, 9, 16), True),  # 12 months and a day before the appraisal
        (D(2025, 9, 17), False),  # 12 months to the day
        (D(2026, 9, 17), False),  # on the day of the appraisal
        (D(2026, 9, 18), True),  # the day after: not before it
    ],
)
def test_an_appraisal_with_no_observation_in_the_12_months_before_it_is_a_breach(db, observed_on, breached):
    member = supervised(started_in_post=D(2020, 1, 6))
    AppraisalFactory(staff=member, held_on=D(2026, 9, 17))
    ObservationFactory(practitioner=member, observed_on=observed_on)
    ObservationFactory(practitioner=member, observed_on=D(2026, 11, 4))  # within the 12 months: that rule met
    found = breaches("OBSERVATION", D(2026, 12, 1))
    assert (member.pk in found) is breached
    if breached:
        assert found[member.pk] == D(2026, 9, 17)


def test_observing_after_the_appraisal_does_not_mend_it_until_the_next_appraisal(db):
    member = supervised(started_in_post=D(2020, 1, 6))
    AppraisalFactory(staff=member, held_on=D(2026, 9, 17))
    ObservationFactory(practitioner=member, observed_on=D(2026, 11, 4))
    assert member.pk in breaches("OBSERVATION", D(2026, 12, 1))
    AppraisalFactory(staff=member, held_on=D(2026, 12, 1))
    assert member.pk not in breaches("OBSERVATION", D(2026, 12, 1))
    # An appraisal dated after `today` is not yet held.
    assert member.pk in breaches("OBSERVATION", D(2026, 11, 30))


def test_an_appraisal_on_29_february_needs_an_observation_from_29_february_before(db):
    # 28 Feb 2023 plus 12 months is 28 Feb 2024: a day short of an appraisal on the 29th.
    member = supervised(started_in_post=D(2020, 1, 6))
    AppraisalFactory(staff=member, held_on=D(2024, 2, 29))
    observation = ObservationFactory(practitioner=member, observed_on=D(2023, 2, 28))
    assert member.pk in breaches("OBSERVATION", D(2024, 3, 1))
    observation.observed_on = D(2023, 3, 1)
    observation.save()
    assert member.pk not in breaches("OBSERVATION", D(2024, 3, 1))


def test_the_earlier_of_two_breaches_is_the_day_the_standard_was_last_met(db):
    member = supervised(started_in_post=D(2020, 1, 6))
    ObservationFactory(practitioner=member, observed_on=D(2024, 1, 10))
    AppraisalFactory(staff=member, held_on=D(2025, 6, 1))  # no observation in the 12 months before
    assert breaches("OBSERVATION", D(2026, 12, 1))[member.pk] == D(2025, 1, 10)
