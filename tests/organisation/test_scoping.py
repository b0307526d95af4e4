"""The access matrix (SPEC section 1): every role x in scope / out of scope / anonymous.

Each page reads through the scoping module, so what a role may open is
asserted on the pages themselves: in scope 200, out of scope 404 (the
record's existence is not revealed), anonymous redirected to sign in.
"""
import pytest
from django.urls import reverse

from cases.models import Child
from organisation.models import StaffMember, Team

ANONYMOUS = None
ROLES = [
    "social_worker",
    "colleague",
    "team_manager",
    "head_of_service",
    "director",
    "iro",
    "administrator",
    "outsider",
    "other_manager",
    ANONYMOUS,
]


@pytest.fixture
def other_manager(other_team):
    return other_team.manager


def as_persona(client, request, persona):
    if persona is not None:
        client.force_login(request.getfixturevalue(persona))
    return client


def expect(response, status):
    if status == "login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == status


CHILD_PAGE = {
    "social_worker": 200,  # allocated
    "colleague": 404,  # same team, not allocated
    "team_manager": 200,
    "head_of_service": 200,
    "director": 200,
    "iro": 200,  # reviews the child
    "administrator": 404,  # no case content
    "outsider": 404,
    "other_manager": 404,
    ANONYMOUS: "login",
}
OTHER_CHILD_PAGE = {
    "social_worker": 404,
    "colleague": 404,
    "team_manager": 404,
    "head_of_service": 404,
    "director": 200,
    "iro": 404,
    "administrator": 404,
    "outsider": 200,
    "other_manager": 200,
    ANONYMOUS: "login",
}
SOCIAL_WORKER_STAFF_PAGE = {
    "social_worker": 200,  # themselves
    "colleague": 404,
    "team_manager": 200,
    "head_of_service": 200,
    "director": 200,
    "iro": 404,
    "administrator": 200,  # manages user accounts
    "outsider": 404,
    "other_manager": 404,
    ANONYMOUS: "login",
}
TEAM_PAGE = {
    "social_worker": 404,
    "colleague": 404,
    "team_manager": 200,
    "head_of_service": 200,
    "director": 200,
    "iro": 404,
    "administrator": 404,
    "outsider": 404,
    "other_manager": 404,
    ANONYMOUS: "login",
}


@pytest.mark.parametrize("persona", ROLES)
def test_child_record_is_scoped(client, request, child, other_child, persona):
    expect(as_persona(client, request, persona).get(reverse("child", args=[child.pk])), CHILD_PAGE[persona])


@pytest.mark.parametrize("persona", ROLES)
def test_other_teams_child_is_scoped(client, request, child, other_child, persona):
    response = as_persona(client, request, persona).get(reverse("child", args=[other_child.pk]))
    expect(response, OTHER_CHILD_PAGE[persona])


@pytest.mark.parametrize("persona", ROLES)
def test_staff_page_is_scoped(client, request, child, other_child, persona):
    worker = child.worker
    expect(
        as_persona(client, request, persona).get(reverse("staff", args=[worker.pk])),
        SOCIAL_WORKER_STAFF_PAGE[persona],
    )


@pytest.mark.parametrize("persona", ROLES)
def test_team_page_is_scoped(client, request, child, other_child, persona):
    expect(as_persona(client, request, persona).get(reverse("team", args=[child.team.pk])), TEAM_PAGE[persona])


@pytest.mark.parametrize("persona", ROLES)
def test_home_page_needs_sign_in_and_serves_every_role(client, request, child, other_child, persona):
    expect(as_persona(client, request, persona).get(reverse("home")), "login" if persona is None else 200)


@pytest.mark.parametrize("persona", [p for p in ROLES if p])
def test_querysets_agree_with_the_pages(request, child, other_child, persona):
    user = request.getfixturevalue(persona)
    visible = set(Child.objects.visible_to(user))
    assert (child in visible) == (CHILD_PAGE[persona] == 200)
    assert (other_child in visible) == (OTHER_CHILD_PAGE[persona] == 200)
    assert (child.worker in StaffMember.objects.visible_to(user)) == (SOCIAL_WORKER_STAFF_PAGE[persona] == 200)
    assert (child.team in Team.objects.visible_to(user)) == (TEAM_PAGE[persona] == 200)


def test_a_deactivated_user_sees_nothing(child, social_worker):
    social_worker.is_active = False
    social_worker.save()
    assert not Child.objects.visible_to(social_worker).exists()


def test_a_reallocated_child_leaves_the_old_workers_scope(child, social_worker, colleague, team_manager):
    from cases.services import allocate

    allocate(child=child, team=child.team, worker=colleague, by=team_manager, on=child.opened_on)
    assert child not in Child.objects.visible_to(social_worker)
    assert child in Child.objects.visible_to(colleague)
