import pytest
import time_machine

from cases.models import Category

from .helpers import NOW, children, swept


@pytest.fixture
def pinned():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def other_manager(other_team):
    return other_team.manager


@pytest.fixture
def gaps(pinned, social_worker, colleague, outsider):
    """Team A: one child protection child without a chronology, one child in need with one;
    Team B: one child without. Then the sweep."""
    world = {
        "missing": children(social_worker, 1, breaching=True, category=Category.CHILD_PROTECTION)[0],
        "kept": children(colleague, 1, breaching=False)[0],
        "other": children(outsider, 1, breaching=True)[0],
    }
    swept()
    return world
