"""Working days: weekdays that are not England and Wales bank holidays.

The one helper every working-day rule uses (SPEC section 4).
"""
from datetime import date, timedelta
from functools import lru_cache

import holidays


def first_day(holds, guess):
    """The earliest day on which the monotone test `holds` is true, searching from `guess`.

    Deadlines in months clamp at month ends, so a cut-off is searched for rather than subtracted.
    """
    while holds(guess - timedelta(days=1)):
        guess -= timedelta(days=1)
    while not holds(guess):
        guess += timedelta(days=1)
    return guess


@lru_cache(maxsize=64)
def _bank_holidays(year):
    # England and Wales share their bank holidays; "ENG" is the holidays library's code.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day):
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(day, n):
    """The working day `n` working days after `day` (before it when n < 0); the calendar's ends stop it."""
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    while remaining:
        if day in (date.max, date.min):
            return day  # year 9999 or year 1: a deadline past the calendar's end is its last day
        day += timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start, end):
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count
