import datetime

import pytest

from organisation.working_days import add_working_days, is_working_day, working_days_between

D = datetime.date


@pytest.mark.parametrize(
    "day, expected",
    [
        (D(2026, 11, 23), True),  # Monday
        (D(2026, 11, 28), False),  # Saturday
        (D(2026, 12, 25), False),  # Christmas Day
        (D(2026, 12, 28), False),  # Boxing Day (observed), a Monday
        (D(2026, 8, 31), False),  # Late Summer Bank Holiday
        (D(2026, 3, 17), True),  # St Patrick's Day is not a holiday in England and Wales
        (D(2026, 11, 30), True),  # St Andrew's Day neither
    ],
)
def test_working_days_skip_weekends_and_england_and_wales_bank_holidays(day, expected):
    assert is_working_day(day) is expected


def test_two_working_days_after_a_thursday_is_the_monday():
    assert add_working_days(D(2026, 11, 19), 2) == D(2026, 11, 23)


def test_adding_across_christmas_skips_the_bank_holidays():
    # Thu 24 Dec 2026 + 2: Fri 25 (holiday), Mon 28 (Boxing Day observed) -> Tue 29, Wed 30.
    assert add_working_days(D(2026, 12, 24), 2) == D(2026, 12, 30)


def test_subtracting_working_days_goes_backwards():
    assert add_working_days(D(2026, 11, 23), -1) == D(2026, 11, 20)
    assert add_working_days(D(2026, 4, 7), -1) == D(2026, 4, 2)  # over Easter


def test_working_days_between_counts_the_end_not_the_start():
    assert working_days_between(D(2026, 11, 20), D(2026, 11, 23)) == 1
    assert working_days_between(D(2026, 11, 23), D(2026, 11, 23)) == 0
    assert working_days_between(D(2026, 11, 23), D(2026, 11, 20)) == 0
    assert working_days_between(D(2026, 12, 24), D(2026, 12, 30)) == 2


def test_working_days_after_the_last_day_of_the_calendar_stop_there():
    assert add_working_days(datetime.date(9999, 12, 30), 10) == datetime.date.max


def test_working_days_before_the_first_day_of_the_calendar_stop_there():
    assert add_working_days(datetime.date(1, 1, 3), -10) == datetime.date.min


def test_working_days_up_to_the_last_day_of_the_calendar_are_counted():
    assert working_days_between(datetime.date(9999, 12, 24), datetime.date.max) == 5
