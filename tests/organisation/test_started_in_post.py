"""The start in post on the staff record: set when adding staff, imported from the workforce census (SPEC 4b)."""
import datetime
from decimal import Decimal

from organisation.models import Role, StaffMember
from tests.factories import StaffFactory
from tests.returns.helpers import imported
from tests.returns.test_workforce import census, worker

D = datetime.date


def test_an_administrator_adding_staff_sets_their_start_in_post(client, team, team_manager):
    admin = StaffFactory(username="root", role=Role.ADMINISTRATOR, team=None, is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.post("/admin/organisation/staffmember/add/", {
        "username": "newstarter", "password1": "a-long-test-password-1", "password2": "a-long-test-password-1",
        "usable_password": "true", "first_name": "Nia", "last_name": "Starter", "email": "nia@example.test",
        "role": Role.SOCIAL_WORKER, "team": team.pk, "line_manager": team_manager.pk,
        "started_in_post": "2019-04-01",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert StaffMember.objects.get(username="newstarter").started_in_post == D(2019, 4, 1)


def test_the_census_role_start_date_is_the_start_in_post_of_new_and_existing_staff(administrator, social_worker):
    social_worker.swe_number = "SW0000000031"
    social_worker.save()

    imported(census(worker("SW0000000030"), worker("SW0000000031")), administrator)

    assert StaffMember.objects.get(swe_number="SW0000000030").started_in_post == D(2020, 9, 1)
    social_worker.refresh_from_db()
    assert social_worker.started_in_post == D(2020, 9, 1)


def test_a_census_without_a_start_date_keeps_the_one_on_the_record(administrator, social_worker):
    social_worker.swe_number = "SW0000000032"
    social_worker.started_in_post = D(2018, 1, 8)
    social_worker.save()
    payload = census(worker("SW0000000032", fte="0.500000")).replace(
        b"<RoleStartDate>2020-09-01</RoleStartDate>", b""
    )

    imported(payload, administrator)

    social_worker.refresh_from_db()
    assert (social_worker.fte, social_worker.started_in_post) == (Decimal("0.50"), D(2018, 1, 8))
