import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from audits import checklist
from audits.models import Answer, AuditStatus
from cases.models import Grade
from tests.factories import CaseFileAuditFactory

NOW = datetime.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Europe/London"))  # a Tuesday
TODAY = NOW.date()


@pytest.fixture
def pinned():
    """Pin now to Tuesday 10 March 2026, 10:00 in London."""
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def other_manager(other_team):
    return other_team.manager


@pytest.fixture
def completed_audit(child, team_manager):
    """The team manager's completed audit of the social worker's child, graded good."""
    return CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade=Grade.GOOD)


def answers(**overrides):
    """The audit form's post: every item met, no comments, with `overrides`."""
    data = {f"answer_{item.code}": Answer.MET for item in checklist.ITEMS}
    data.update({f"comment_{item.code}": "" for item in checklist.ITEMS})
    data.update(overrides)
    return data
