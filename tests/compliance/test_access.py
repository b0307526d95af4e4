"""Every compliance URL x every persona (SPEC section 7); tests/test_url_matrix.py can merge MATRIX like audits'.

The flags list answers everyone signed in, scoped (test_flag_pages.py shows whose flags
each sees); the practice-standards settings answer administrators only, 404 for the rest.
A flag's plan answers its owner and the managers above them (test_flag_owners.py).
"""
import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from compliance import urls
from compliance.models import Flag

# The personas are fixtures fetched inside the test: marked, so this file alone still sets up the database.
pytestmark = pytest.mark.django_db

ANONYMOUS = None
PERSONAS = [
    "social_worker", "colleague", "team_manager", "head_of_service", "director",
    "iro", "administrator", "outsider", "other_manager", ANONYMOUS,
]
EVERYONE = {p: 200 for p in PERSONAS if p} | {ANONYMOUS: "login"}


def only(*personas):
    return {p: (200 if p in personas else 404) for p in PERSONAS if p} | {ANONYMOUS: "login"}


def child_flag(child):
    """An open CHRON-STALE flag about `child`: its allocated worker owns it (the world's "flag")."""
    return Flag.objects.create(
        rule="CHRON-STALE", kind="child", child=child, team=child.team, due_since=datetime.date(2026, 10, 1),
        raised_at=datetime.datetime(2026, 10, 2, 9, tzinfo=ZoneInfo("Europe/London")),
    )


MATRIX = {
    "flags": (lambda w: [], EVERYONE),
    # The social worker owns the flag; their line of management may plan for them; the IRO sees it but may not.
    "flag_plan": (lambda w: [w["flag"].pk], only("social_worker", "team_manager", "head_of_service", "director")),
    "standards": (lambda w: [], only("administrator")),
    "standard_edit": (lambda w: ["SUP-FREQ"], only("administrator")),
    "worker_status": (lambda w: [], only("administrator")),
    # Everyone but an administrator has their own actions; managers see their line of management's.
    "my_actions": (lambda w: [], only(*(p for p in PERSONAS if p and p != "administrator"))),
    "team_actions": (lambda w: [], only("team_manager", "head_of_service", "director", "other_manager")),
    # A POST only (tests/compliance/test_action_pages.py has who may mark what done).
    "action_done": (lambda w: ["supervision.teammeetingaction", 1], {p: 405 for p in PERSONAS if p}
                    | {ANONYMOUS: "login"}),
}
# For tests/test_url_matrix.py's NOT_LOGGED: none of these shows a child's record or a personal file.
NOT_LOGGED = {
    "flags": "a list: standards breached, names and dates, not the content of a record",
    "flag_plan": "a form: what it changes is in the plan's history",
    "standards": "settings",
    "standard_edit": "settings",
    "worker_status": "the worker's state: times and counts, no record",
    "my_actions": "a list of one's own actions: what, by when, where agreed; each record logs itself when opened",
    "team_actions": "a list of the team's actions: what, by when, where agreed; each record logs itself",
    "action_done": "an action: marking done is in the action's history",
}


@pytest.fixture
def other_manager(other_team):
    return other_team.manager


def test_every_compliance_url_is_in_the_matrix():
    assert {pattern.name for pattern in urls.urlpatterns} == set(MATRIX) == set(NOT_LOGGED)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_page_answers_each_persona(client, request, child, name, persona):
    args, expected = MATRIX[name]
    if persona is not None:
        client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse(f"compliance:{name}", args=args({"flag": child_flag(child)})))
    if expected[persona] == "login":
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    else:
        assert response.status_code == expected[persona]
