import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

NOW = datetime.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/London"))  # a Monday


@pytest.fixture
def monday():
    """Pin now to Monday 23 November 2026, 10:00 in London."""
    with time_machine.travel(NOW, tick=False):
        yield NOW
