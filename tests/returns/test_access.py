"""Every returns URL x every persona, in the shape tests/test_url_matrix.py merges in (as for audits)."""
import pytest
from django.urls import reverse

from returns import urls
from returns.models import ImportBatch

ANONYMOUS = None
PERSONAS = [
    "social_worker", "colleague", "team_manager", "head_of_service", "director",
    "iro", "administrator", "outsider", "other_manager", ANONYMOUS,
]


def only(*personas):
    """200 for the personas named, 404 for every other signed-in persona."""
    return {p: (200 if p in personas else 404) for p in PERSONAS if p} | {ANONYMOUS: "login"}


MATRIX = {
    "imports": (lambda w: [], only("administrator")),
    "batch": (lambda w: [w["batch"].pk], only("administrator")),
    # POST only: a GET is refused before anything is looked up.
    "confirm": (lambda w: [w["batch"].pk], {p: 405 for p in PERSONAS if p} | {ANONYMOUS: "login"}),
    "export": (lambda w: [], only("administrator")),
}


@pytest.fixture
def other_manager(other_team):
    return other_team.manager


@pytest.fixture
def world(administrator):
    return {"batch": ImportBatch.objects.create(file_name="x.xlsx", file_sha256="0", uploaded_by=administrator)}


def expect(response, status):
    if status == "login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == status


def test_every_returns_url_is_in_the_matrix():
    assert {pattern.name for pattern in urls.urlpatterns} == set(MATRIX)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_page_answers_each_persona(client, request, world, name, persona, colleague, outsider):
    args, expected = MATRIX[name]
    if persona is not None:
        client.force_login(request.getfixturevalue(persona))
    expect(client.get(reverse(f"returns:{name}", args=args(world))), expected[persona])


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p and p != "administrator"])
def test_only_an_administrator_confirms_an_import(client, request, world, persona):
    client.force_login(request.getfixturevalue(persona))
    world["batch"].status = ImportBatch.Status.CHECKED
    world["batch"].save()

    assert client.post(reverse("returns:confirm", args=[world["batch"].pk])).status_code == 404
    world["batch"].refresh_from_db()
    assert world["batch"].status == ImportBatch.Status.CHECKED
