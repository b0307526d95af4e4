"""Every compliance URL x every persona (SPEC section 7); tests/test_url_matrix.py can merge MATRIX like audits'.

The flags list answers everyone signed in, scoped (test_flag_pages.py shows whose flags
each sees); the practice-standards settings answer administrators only, 404 for the rest.
"""
import pytest
from django.urls import reverse

from compliance import urls

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


MATRIX = {
    "flags": (lambda w: [], EVERYONE),
    "standards": (lambda w: [], only("administrator")),
    "standard_edit": (lambda w: ["SUP-FREQ"], only("administrator")),
    "worker_status": (lambda w: [], only("administrator")),
}
# For tests/test_url_matrix.py's NOT_LOGGED: none of these shows a child's record or a personal file.
NOT_LOGGED = {
    "flags": "a list: standards breached, names and dates, not the content of a record",
    "standards": "settings",
    "standard_edit": "settings",
    "worker_status": "the worker's state: times and counts, no record",
}


@pytest.fixture
def other_manager(other_team):
    return other_team.manager


def test_every_compliance_url_is_in_the_matrix():
    assert {pattern.name for pattern in urls.urlpatterns} == set(MATRIX) == set(NOT_LOGGED)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_page_answers_each_persona(client, request, name, persona):
    args, expected = MATRIX[name]
    if persona is not None:
        client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse(f"compliance:{name}", args=args({})))
    if expected[persona] == "login":
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    else:
        assert response.status_code == expected[persona]
