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


def test_the_change_page_cannot_deactivate_an_account_whose_work_is_not_reallocated(
    client, administrator, social_worker
):
    client.force_login(administrator)
    page = client.get(reverse("organisation:staff_change", args=[social_worker.pk])).content.decode()
    assert 'name="is_active"' not in page
    client.post(reverse("organisation:staff_change", args=[social_worker.pk]), staff_data(social_worker, is_active=""))
    social_worker.refresh_from_db()
    assert social_worker.is_active


def test_an_administrator_reactivates_an_account(client, administrator, social_worker):
    StaffMember.objects.filter(pk=social_worker.pk).update(is_active=False)
    social_worker.refresh_from_db()
    client.force_login(administrator)
    url = reverse("organisation:staff_change", args=[social_worker.pk])
    client.post(url, staff_data(social_worker, is_active="on"))
    social_worker.refresh_from_db()
    assert social_worker.is_active


def test_a_joiner_is_added_with_their_registration_and_qualification(client, administrator, team, team_manager):
    client.force_login(administrator)
    answer = client.post(reverse("organisation:staff_add"), {
        "first_name": "Tomasz", "last_name": "Wiśniewski", "username": "twisniewski", "email": "t@example.gov.uk",
        "role": Role.SOCIAL_WORKER, "team": team.pk, "line_manager": team_manager.pk, "fte": "1",
        "swe_number": " sw98765 ", "date_qualified_0": "14", "date_qualified_1": "7", "date_qualified_2": "2026",
        "started_in_post_0": "1", "started_in_post_1": "9", "started_in_post_2": "2026",
    })
    assert answer.status_code == 302
    member = StaffMember.objects.get(username="twisniewski")
    assert (member.swe_number, str(member.date_qualified), str(member.started_in_post)) == (
        "SW98765", "2026-07-14", "2026-09-01"
    )
    assert member.line_manager == team_manager


def test_a_social_work_england_number_must_look_like_one(client, administrator, social_worker):
    client.force_login(administrator)
    page = client.post(
        reverse("organisation:staff_change", args=[social_worker.pk]), staff_data(social_worker, swe_number="12345")
    ).content.decode()
    assert "Enter a Social Work England number like SW12345" in page


def test_staff_with_no_registration_number_can_be_several(client, administrator, social_worker, colleague):
    client.force_login(administrator)
    for member in (social_worker, colleague):
        answer = client.post(reverse("organisation:staff_change", args=[member.pk]), staff_data(member, swe_number=""))
        assert answer.status_code == 302
    assert StaffMember.objects.filter(swe_number__isnull=True).count() >= 2


def test_a_move_says_until_when_they_are_supervised_fortnightly(client, administrator, social_worker, other_team):
    client.force_login(administrator)
    answer = client.post(
        reverse("organisation:staff_change", args=[social_worker.pk]),
        staff_data(social_worker, team=other_team.pk, line_manager=other_team.manager.pk), follow=True,
    )
    social_worker.refresh_from_db()
    assert f"Supervised every 14 days until {social_worker.returning_until:%-d %B %Y}" in answer.content.decode()


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
