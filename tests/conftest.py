"""Persona fixtures (STYLE.md): a social worker, their team manager, a head of
service, an outsider from another team, plus the other roles of SPEC section 1.

    Service A (head: head_of_service)
      Team A (manager: team_manager): social_worker, colleague
    Service B (head: other_head)
      Team B (manager: other_manager): outsider
"""
import os

import pytest
from django.conf import settings
from django.db import connections
from django.test import TransactionTestCase

from organisation.models import Role
from tests.factories import ChildFactory, ServiceFactory, StaffFactory, TeamFactory


@pytest.fixture
def director(db):
    return StaffFactory(username="director", role=Role.DIRECTOR, team=None)


@pytest.fixture
def head_of_service(director):
    hos = StaffFactory(username="hos", role=Role.HEAD_OF_SERVICE, team=None, line_manager=director)
    ServiceFactory(name="Service A", head=hos)
    return hos


@pytest.fixture
def team(head_of_service):
    return TeamFactory(name="Team A", service=head_of_service.services_headed.get())


@pytest.fixture
def team_manager(team, head_of_service):
    tm = StaffFactory(username="tm", role=Role.TEAM_MANAGER, team=team, line_manager=head_of_service)
    team.manager = tm
    team.save()
    return tm


@pytest.fixture
def social_worker(team, team_manager):
    return StaffFactory(username="sw", team=team, line_manager=team_manager)


@pytest.fixture
def colleague(team, team_manager):
    return StaffFactory(username="colleague", team=team, line_manager=team_manager)


@pytest.fixture
def other_team(director):
    other_head = StaffFactory(username="otherhos", role=Role.HEAD_OF_SERVICE, team=None, line_manager=director)
    service = ServiceFactory(name="Service B", head=other_head)
    team = TeamFactory(name="Team B", service=service)
    team.manager = StaffFactory(username="othertm", role=Role.TEAM_MANAGER, team=team, line_manager=other_head)
    team.save()
    return team


@pytest.fixture
def outsider(other_team):
    return StaffFactory(username="outsider", team=other_team, line_manager=other_team.manager)


@pytest.fixture
def iro(director):
    return StaffFactory(username="iro", role=Role.IRO, team=None, line_manager=director)


@pytest.fixture
def administrator(db):
    return StaffFactory(username="administrator", role=Role.ADMINISTRATOR, team=None, is_staff=True)


@pytest.fixture
def child(social_worker, iro):
    """A child allocated to the social worker and reviewed by the IRO."""
    return ChildFactory(worker=social_worker, reviewing_officer=iro)


@pytest.fixture
def other_child(outsider):
    """A child in the other service's team."""
    return ChildFactory(worker=outsider)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # PBKDF2's deliberate slowness would dominate the suite's run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def rechecks(monkeypatch):
    """The subjects each save asked the worker to re-check: [{"children": [...], "staff": [...], ...}]."""
    from compliance import queueing

    asked = []
    monkeypatch.setattr(queueing, "queue", lambda **subjects: asked.append(subjects))
    return asked


def rechecked(asked, kind, pk):
    """Whether any save asked for a re-check of that child (kind "children") or staff member ("staff")."""
    return any(pk in subjects.get(kind, ()) for subjects in asked)
FUZZ_STATUSES = pytest.StashKey[list]()


@pytest.fixture
def fuzz_count(request):
    """Status codes of the hostile requests the property-based tests make, summed up at the end of the run."""
    return request.config.stash.setdefault(FUZZ_STATUSES, [])


def pytest_terminal_summary(terminalreporter, config):
    statuses = config.stash.get(FUZZ_STATUSES, [])
    if statuses:
        errors = sum(status >= 500 for status in statuses)
        terminalreporter.write_line(f"Hostile input: {len(statuses)} requests to forms, {errors} server errors.")


# The suite runs connected as the application's least-privilege role (traceability/db_roles.py), as production
# does: the test database is created and migrated by the owner (DATABASE_URL's user), then the role is granted
# and every test connects as it. Tests marked db_owner (the trigger behind the grants, the bench's bulk loader)
# and the flush after a transactional test (TRUNCATE) run as the owner. TEST_APP_DB_ROLE="" turns this off.
APP_ROLE = os.environ.get("TEST_APP_DB_ROLE", "oversight_app")
ROLES = {}


def connect_as(role):
    user, password = ROLES[role]
    for conn in connections.all():
        if conn.settings_dict["USER"] != user:
            conn.close()
            conn.settings_dict["USER"], conn.settings_dict["PASSWORD"] = user, password
            settings.DATABASES[conn.alias]["USER"], settings.DATABASES[conn.alias]["PASSWORD"] = user, password


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.db import connection

    if connection.vendor != "postgresql" or not APP_ROLE:
        yield
        return
    from traceability.db_roles import grant_app_role

    password = os.environ.get("APP_DB_PASSWORD") or None
    with django_db_blocker.unblock():
        grant_app_role(APP_ROLE, password)
    ROLES.update(owner=(connection.settings_dict["USER"], connection.settings_dict["PASSWORD"]),
                 app=(APP_ROLE, password or ""))
    connect_as("app")
    _flush_as_owner()
    yield
    connect_as("owner")  # the owner drops the test database
    ROLES.clear()


def _flush_as_owner():
    original = TransactionTestCase._fixture_teardown
    if getattr(original, "as_owner", False):
        return

    def fixture_teardown(self):
        current = "app" if connections["default"].settings_dict["USER"] == ROLES["app"][0] else "owner"
        connect_as("owner")
        try:
            original(self)
        finally:
            connect_as(current)

    fixture_teardown.as_owner = True
    TransactionTestCase._fixture_teardown = fixture_teardown


def pytest_configure(config):
    config.addinivalue_line("markers", "db_owner: connect as the database owner, not the application's role")


def pytest_collection_modifyitems(items):
    for item in items:
        # The bulk loader drops and re-adds foreign keys, which only the tables' owner may do.
        if item.nodeid.startswith("tests/bench/test_seed_scale.py"):
            item.add_marker(pytest.mark.db_owner)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before any fixture, so a test's transaction opens on the right connection.
    if ROLES:
        connect_as("owner" if item.get_closest_marker("db_owner") else "app")
