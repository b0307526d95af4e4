"""Joiners, movers and leavers, and objectives, in a real browser; axe finds nothing serious on any page visited."""
import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from organisation.models import StaffMember
from tests.factories import ChildFactory, ObservationFactory, SupervisionSessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def no_violations(journey):
    assert journey.violations == [], journey.violations


def fill_date(page, name, day):
    for part, value in enumerate((day.day, day.month, day.year)):
        page.locator(f'input[name="{name}_{part}"]').fill(str(value))


def test_an_administrator_adds_a_joiner_moves_a_worker_and_deactivates_a_leaver(
    journey, administrator, social_worker, colleague, team, team_manager, other_team
):
    child = ChildFactory(worker=colleague, team=team)
    page, today = journey.page, timezone.localdate()
    journey.sign_in("administrator")

    page.get_by_role("link", name="Staff", exact=True).click()
    page.get_by_role("link", name="Add a staff member").click()
    page.get_by_label("First name").fill("Amara")
    page.get_by_label("Last name").fill("Okonkwo")
    page.get_by_label("Username").fill("aokonkwo")
    page.get_by_label("Email address").fill("amara.okonkwo@example.gov.uk")
    page.get_by_label("Team", exact=True).select_option(label=team.name)
    page.get_by_label("Line manager").select_option(label=str(team_manager))
    page.get_by_label("Social Work England number").fill("SW123456")
    fill_date(page, "date_qualified", today - datetime.timedelta(days=60))
    fill_date(page, "started_in_post", today)
    journey.check("joiner")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Amara Okonkwo: account added")
    joiner = StaffMember.objects.get(username="aokonkwo")
    assert (joiner.swe_number, joiner.is_newly_qualified(today)) == ("SW123456", True)

    page.locator(f'a[href="/people/staff/{colleague.pk}/leaver/"]').click()
    expect(page.get_by_role("heading", name=f"Deactivate {colleague} as a leaver")).to_be_visible()
    journey.check("leaver")
    page.get_by_label(f"Child {child.local_id} ({team})").select_option(label=f"{social_worker}: 0 of 18 cases")
    page.get_by_role("button", name="Reallocate and deactivate the account").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"{colleague}: work reallocated, account deactivated and signed out."
    )
    row = page.locator("tr", has=page.get_by_text(colleague.get_full_name()))
    expect(row).to_contain_text("Deactivated")
    journey.check("staff-after-leaver")
    child.refresh_from_db()
    assert child.worker == social_worker

    page.get_by_role("link", name=f"Change {social_worker.get_full_name()}").click()
    page.get_by_label("Team", exact=True).select_option(label=other_team.name)
    page.get_by_label("Line manager").select_option(label=str(other_team.manager))
    page.get_by_role("button", name="Save").click()
    social_worker.refresh_from_db()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"Supervised every 14 days until {social_worker.returning_until:%-d %B %Y}"
    )
    assert social_worker.team == other_team and social_worker.is_returning(today)
    no_violations(journey)


def test_a_manager_sets_an_objective_reviews_it_in_supervision_and_sees_it_at_appraisal(
    journey, team_manager, social_worker
):
    today = timezone.localdate()
    session = SupervisionSessionFactory(supervisee=social_worker, date=today)
    ObservationFactory(practitioner=social_worker, observed_on=today - datetime.timedelta(days=30))
    page = journey.page
    journey.sign_in("tm")
    page.goto(journey.base_url + f"/supervision/staff/{social_worker.pk}/")
    page.get_by_role("link", name=f"Set an objective for {social_worker}").click()
    page.get_by_label("Objective", exact=True).fill("Lead the team's training on direct work")
    fill_date(page, "due_on", today + datetime.timedelta(days=200))
    journey.check("objective")
    page.get_by_role("button", name="Set the objective").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("The objective is set")

    page.goto(journey.base_url + session.get_absolute_url())
    page.get_by_role("link", name="Record progress on Lead the team's training on direct work").click()
    page.get_by_label("On track").check()
    page.get_by_label("Progress note").fill("Session plan written; first date booked.")
    journey.check("progress")
    page.get_by_role("button", name="Record progress").click()
    expect(page.get_by_text("Session plan written; first date booked.")).to_be_visible()
    journey.check("session-with-objectives")

    page.goto(journey.base_url + f"/supervision/staff/{social_worker.pk}/appraisals/new/")
    expect(page.get_by_text("Lead the team's training on direct work")).to_be_visible()
    expect(page.get_by_text("Session plan written; first date booked.")).to_be_visible()
    journey.check("appraisal")
    no_violations(journey)
