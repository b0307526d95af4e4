import datetime

import pytest

from tests.factories import StaffFactory

QUALIFIED = datetime.date(2025, 11, 23)


@pytest.mark.parametrize(
    "today, expected",
    [
        (datetime.date(2025, 11, 22), False),  # not yet qualified
        (QUALIFIED, True),
        (datetime.date(2026, 11, 22), True),  # the day before 12 months
        (datetime.date(2026, 11, 23), False),  # 12 months to the day
        (datetime.date(2026, 11, 24), False),
    ],
)
def test_newly_qualified_means_under_12_months_since_qualifying(db, today, expected):
    assert StaffFactory(date_qualified=QUALIFIED).is_newly_qualified(today) is expected


def test_qualified_on_29_february_stops_being_newly_qualified_on_28_february(db):
    member = StaffFactory(date_qualified=datetime.date(2024, 2, 29))
    assert member.is_newly_qualified(datetime.date(2025, 2, 27))
    assert not member.is_newly_qualified(datetime.date(2025, 2, 28))


def test_unknown_qualification_date_is_not_newly_qualified(db):
    assert not StaffFactory(date_qualified=None).is_newly_qualified(datetime.date(2026, 11, 23))


@pytest.mark.parametrize(
    "today, expected",
    [(datetime.date(2026, 12, 31), True), (datetime.date(2027, 1, 1), False)],
)
def test_returning_lasts_until_the_agreed_date_inclusive(db, today, expected):
    assert StaffFactory(returning_until=datetime.date(2026, 12, 31)).is_returning(today) is expected


@pytest.mark.parametrize("today, expected", [
    (datetime.date(2028, 2, 27), True), (datetime.date(2028, 2, 28), False),
])
def test_under_the_early_career_programme_the_period_is_the_configured_24_months(db, today, expected):
    from organisation.models import PracticeStandard, StaffMember, newly_qualified

    PracticeStandard.objects.update_or_create(code="SUP-FREQ", defaults={"values": {"newly_qualified_months": 24}})
    member = StaffFactory(date_qualified=datetime.date(2026, 2, 28))
    assert member.is_newly_qualified(today) is expected
    assert StaffMember.objects.filter(newly_qualified(today), pk=member.pk).exists() is expected
