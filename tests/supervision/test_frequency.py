"""SUP-FREQ (W 5.2 table): how often, and when next due, at every boundary."""
import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from organisation.models import PracticeStandard, StaffMember
from supervision.frequency import next_due
from supervision.models import SupervisionSession
from supervision.selectors import supervision_overdue
from tests.factories import StaffFactory, SupervisionContractFactory, SupervisionSessionFactory, TeamFactory

D = datetime.date
LONDON = ZoneInfo("Europe/London")


def due(member, last_held, today):
    return next_due(member, last_held, today)


@pytest.fixture
def experienced(db):
    return StaffFactory(date_qualified=D(2015, 9, 1))


@pytest.mark.parametrize(
    "today, days_left, overdue",
    [(D(2026, 11, 15), 1, False), (D(2026, 11, 16), 0, False), (D(2026, 11, 17), -1, True)],
)
def test_newly_qualified_worker_is_due_after_14_days(db, today, days_left, overdue):
    member = StaffFactory(date_qualified=D(2026, 6, 1))
    result = due(member, D(2026, 11, 2), today)
    assert result.on == D(2026, 11, 16)
    assert (result.days_left, result.is_overdue) == (days_left, overdue)
    assert result.frequency.label == "Every 14 days (newly qualified)"


@pytest.mark.parametrize(
    "today, overdue", [(D(2026, 11, 14), False), (D(2026, 11, 15), False), (D(2026, 11, 16), True)]
)
def test_experienced_worker_is_due_one_calendar_month_after_the_last_session(experienced, today, overdue):
    result = due(experienced, D(2026, 10, 15), today)
    assert result.on == D(2026, 11, 15)
    assert result.is_overdue is overdue
    assert result.frequency.label == "Monthly"


def test_a_month_after_31_january_is_the_end_of_february(experienced):
    assert due(experienced, D(2026, 1, 31), D(2026, 2, 1)).on == D(2026, 2, 28)


# Qualified 23 Nov 2025: newly qualified up to and including 22 Nov 2026.
@pytest.mark.parametrize(
    "today, due_on, overdue",
    [
        (D(2026, 11, 22), D(2026, 11, 16), True),  # still newly qualified: 14 days
        (D(2026, 11, 23), D(2026, 12, 2), False),  # 12 months to the day: monthly from now
        (D(2026, 11, 24), D(2026, 12, 2), False),
    ],
)
def test_the_14_day_frequency_ends_12_months_after_qualifying(db, today, due_on, overdue):
    member = StaffFactory(date_qualified=D(2025, 11, 23))
    result = due(member, D(2026, 11, 2), today)
    assert (result.on, result.is_overdue) == (due_on, overdue)


@pytest.mark.parametrize(
    "today, due_on, overdue",
    [
        (D(2026, 12, 30), D(2026, 12, 24), True),
        (D(2026, 12, 31), D(2026, 12, 24), True),  # the agreed date itself is still fortnightly
        (D(2027, 1, 1), D(2027, 1, 10), False),  # then monthly
    ],
)
def test_a_returning_worker_is_due_every_14_days_until_the_agreed_date(experienced, today, due_on, overdue):
    experienced.returning_until = D(2026, 12, 31)
    result = due(experienced, D(2026, 12, 10), today)
    assert (result.on, result.is_overdue) == (due_on, overdue)
    if today <= experienced.returning_until:
        assert result.frequency.label == "Every 14 days (returning or changed role)"


@pytest.mark.parametrize(
    "today, overdue", [(D(2026, 10, 31), False), (D(2026, 11, 1), False), (D(2026, 11, 2), True)]
)
def test_someone_never_supervised_is_due_a_frequency_after_starting_in_post(db, today, overdue):
    member = StaffFactory(started_in_post=D(2026, 10, 1))
    result = due(member, None, today)
    assert (result.on, result.is_overdue) == (D(2026, 11, 1), overdue)


@time_machine.travel(datetime.datetime(2026, 12, 1, 9, tzinfo=LONDON))
def test_an_account_created_today_does_not_restart_the_clock_of_someone_long_in_post(db):
    member = StaffFactory(started_in_post=D(2019, 4, 1))
    assert member.date_joined.date() == D(2026, 12, 1)
    result = due(member, None, D(2026, 12, 1))
    assert result.on == D(2019, 5, 1) and result.is_overdue


def test_someone_never_supervised_with_no_start_date_is_due_now(db):
    member = StaffFactory(started_in_post=None, date_joined=datetime.datetime(2026, 11, 30, 9, tzinfo=LONDON))
    result = due(member, None, D(2026, 12, 1))
    assert result.start_unknown and result.is_overdue and result.on == D(2026, 12, 1)


def test_the_frequency_follows_the_configured_standard(db):
    PracticeStandard.objects.update_or_create(
        code="SUP-FREQ", defaults={"values": {"newly_qualified_days": 7, "returning_days": 10, "standard_months": 2}}
    )
    newly_qualified = StaffFactory(date_qualified=D(2026, 6, 1))
    experienced = StaffFactory(date_qualified=D(2015, 9, 1))
    assert due(newly_qualified, D(2026, 11, 2), D(2026, 11, 3)).on == D(2026, 11, 9)
    assert due(experienced, D(2026, 9, 2), D(2026, 11, 3)).on == D(2026, 11, 2)
    assert due(experienced, D(2026, 9, 2), D(2026, 11, 3)).frequency.label == "Every 2 months"


def test_only_held_sessions_count(experienced):
    SupervisionSessionFactory(supervisee=experienced, date=D(2026, 11, 1))  # planned, not held
    SupervisionSessionFactory(
        supervisee=experienced, date=D(2026, 10, 1), status=SupervisionSession.Status.HELD,
        completed_at=datetime.datetime(2026, 10, 1, 17, tzinfo=LONDON),
    )
    overdue = supervision_overdue(StaffMember.objects.filter(pk=experienced.pk), D(2026, 11, 2))
    assert list(overdue) == [experienced]
    assert overdue.get().last_supervised == D(2026, 10, 1)


@pytest.mark.parametrize(
    "today, overdue", [(D(2026, 11, 23), False), (D(2026, 11, 24), False), (D(2026, 11, 25), True)]
)
def test_a_contract_agreeing_fortnightly_supervision_makes_an_experienced_worker_fortnightly(
    experienced, today, overdue
):
    # W 5.2: "minimally monthly and as required determined by the supervisor".
    SupervisionContractFactory(staff=experienced, agreed_on=D(2026, 11, 2), frequency="fortnightly")
    result = due(experienced, D(2026, 11, 10), today)
    assert (result.on, result.is_overdue) == (D(2026, 11, 24), overdue)
    assert result.frequency.label == "Every 14 days (agreed in the supervision contract)"


def test_the_contract_in_force_is_the_latest_agreed_by_today(experienced):
    SupervisionContractFactory(staff=experienced, agreed_on=D(2026, 1, 5), frequency="fortnightly")
    SupervisionContractFactory(staff=experienced, agreed_on=D(2026, 10, 5), review_on=D(2027, 10, 5),
                               frequency="monthly")
    SupervisionContractFactory(staff=experienced, agreed_on=D(2026, 12, 7), review_on=D(2027, 12, 7),
                               frequency="fortnightly")  # agreed for next week: not yet in force
    assert due(experienced, D(2026, 11, 10), D(2026, 12, 1)).frequency.label == "Monthly"
    next_week = due(experienced, D(2026, 11, 10), D(2026, 12, 7)).frequency.label
    assert next_week == "Every 14 days (agreed in the supervision contract)"


@pytest.mark.parametrize(
    "today, overdue", [(D(2026, 11, 23), False), (D(2026, 11, 24), False), (D(2026, 11, 25), True)]
)
def test_a_team_doing_complex_work_is_supervised_every_14_days(db, today, overdue):
    member = StaffFactory(date_qualified=D(2015, 9, 1), team=TeamFactory(complex_work=True))
    result = due(member, D(2026, 11, 10), today)
    assert (result.on, result.is_overdue) == (D(2026, 11, 24), overdue)
    assert result.frequency.label == "Every 14 days (complex work in the team)"


def test_complex_work_follows_its_configured_figure(db):
    PracticeStandard.objects.update_or_create(code="SUP-FREQ", defaults={"values": {"complex_days": 21}})
    member = StaffFactory(date_qualified=D(2015, 9, 1), team=TeamFactory(complex_work=True))
    assert due(member, D(2026, 11, 10), D(2026, 12, 1)).on == D(2026, 12, 1)


def test_the_overdue_query_agrees_with_next_due_every_day(db):
    """The set-based query (for lists and the compliance worker) and the model rule agree to the day."""
    started = D(2024, 1, 20)
    people = {
        "standard": (StaffFactory(date_qualified=D(2010, 1, 1), started_in_post=started), D(2024, 1, 31)),
        "leap_day_qualified": (StaffFactory(date_qualified=D(2023, 2, 28), started_in_post=started), D(2024, 2, 10)),
        "qualified_29_feb": (StaffFactory(date_qualified=D(2024, 2, 29), started_in_post=started), D(2025, 2, 10)),
        "returning": (
            StaffFactory(date_qualified=D(2010, 1, 1), returning_until=D(2024, 2, 29), started_in_post=started),
            D(2024, 2, 20),
        ),
        "never": (StaffFactory(date_qualified=D(2010, 1, 1), started_in_post=started), None),
        "contract_fortnightly": (StaffFactory(date_qualified=D(2010, 1, 1), started_in_post=started), D(2024, 1, 31)),
        "complex_team": (
            StaffFactory(date_qualified=D(2010, 1, 1), started_in_post=started, team=TeamFactory(complex_work=True)),
            D(2024, 2, 5),
        ),
        "never_no_start_date": (StaffFactory(date_qualified=D(2010, 1, 1), started_in_post=None), None),
    }
    for member, last in people.values():
        if last:
            SupervisionSessionFactory(
                supervisee=member, date=last, status=SupervisionSession.Status.HELD,
                completed_at=datetime.datetime.combine(last, datetime.time(17), LONDON),
            )
    # Monthly until a contract agreed on 15 February 2024 makes it fortnightly.
    SupervisionContractFactory(staff=people["contract_fortnightly"][0], agreed_on=D(2024, 2, 15),
                               review_on=D(2025, 2, 15), frequency="fortnightly")
    staff = StaffMember.objects.filter(pk__in=[m.pk for m, _ in people.values()])
    days = [D(2024, 2, 1) + datetime.timedelta(days=n) for n in range(70)]
    days += [D(2025, 2, 10) + datetime.timedelta(days=n) for n in range(50)]
    for today in days:
        by_query = set(supervision_overdue(staff, today).values_list("pk", flat=True))
        by_rule = {m.pk for m, last in people.values() if next_due(m, last, today).is_overdue}
        assert by_query == by_rule, today
