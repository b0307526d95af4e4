"""Administrators manage staff and teams in the service's own pages; nobody else reaches them."""
import pytest
from django.urls import reverse

from organisation.models import Role, StaffMember


def staff_data(member, **changes):
    data = {
        "first_name": member.first_name, "last_name": member.last_name, "username": member.username,
        "email": member.email or f"{member.username}@example.gov.uk", "role": member.role,
        "team": member.team_id or "", "line_manager": member.line_manager_id or "", "fte": "1.00",
        "is_active": "on" if member.is_active else "",
    }
    return {**data, **changes}


def test_an_administrator_moves_a_worker_to_another_team(client, administrator, social_worker, other_team):
    client.force_login(administrator)
    answer = client.post(
        reverse("organisation:staff_change", args=[social_worker.pk]),
        staff_data(social_worker, team=other_team.pk, line_manager=other_team.manager.pk),
    )
    assert answer.status_code == 302
    social_worker.refresh_from_db()
    assert (social_worker.team, social_worker.line_manager) == (other_team, other_team.manager)
    assert social_worker.history.count() == 2  # the change is in the record history


def test_an_administrator_deactivates_an_account(client, administrator, social_worker):
    client.force_login(administrator)
    client.post(reverse("organisation:staff_change", args=[social_worker.pk]), staff_data(social_worker, is_active=""))
    social_worker.refresh_from_db()
    assert not social_worker.is_active


def test_a_new_staff_member_has_no_usable_password(client, administrator, team):
    client.force_login(administrator)
    client.post(reverse("organisation:staff_add"), {
        "first_name": "Priya", "last_name": "Natarajan", "username": "pnatarajan", "email": "p@example.gov.uk",
        "role": Role.SOCIAL_WORKER, "team": team.pk, "fte": "0.8", "is_active": "on",
    })
    member = StaffMember.objects.get(username="pnatarajan")
    assert (member.team, member.has_usable_password()) == (team, False)


def test_bad_input_changes_nothing_and_says_what_to_do(client, administrator, social_worker):
    client.force_login(administrator)
    page = client.post(
        reverse("organisation:staff_change", args=[social_worker.pk]),
        staff_data(social_worker, last_name="", team="999999"),
    ).content.decode()
    assert "<title>Error: Change" in page
    assert "Enter last name" in page
    social_worker.refresh_from_db()
    assert social_worker.last_name


def test_nobody_manages_themselves(client, administrator, team_manager):
    client.force_login(administrator)
    url = reverse("organisation:staff_change", args=[team_manager.pk])
    page = client.post(url, staff_data(team_manager, line_manager=team_manager.pk)).content.decode()
    assert "nobody manages themselves" in page


@pytest.mark.parametrize("persona", ["team_manager", "director", "social_worker"])
def test_only_administrators_reach_the_pages(client, request, persona, team):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("organisation:staff")).status_code == 404
    assert client.get(reverse("organisation:team_change", args=[team.pk])).status_code == 404


def test_djangos_admin_is_for_superusers_only(client, administrator):
    client.force_login(administrator)  # an administrator with is_staff, not a superuser
    assert client.get("/admin/").status_code == 302
    administrator.is_superuser = True
    administrator.save()
    assert client.get("/admin/").status_code == 200


def test_an_administrator_records_when_someone_started_in_post(client, administrator, social_worker):
    import datetime

    from tests.forms import form_with

    client.force_login(administrator)
    url = reverse("organisation:staff_change", args=[social_worker.pk])
    data = form_with(client.get(url).content.decode(), "started_in_post_0")
    data.update(started_in_post_0="4", started_in_post_1="9", started_in_post_2="2017")
    assert client.post(url, data).status_code == 302
    social_worker.refresh_from_db()
    assert social_worker.started_in_post == datetime.date(2017, 9, 4)
