"""K 6 in a real browser: a team manager sees the initial child protection conference they must attend on their
home, opens it on the day and confirms they attended; the item leaves their home. axe finds nothing serious."""
import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases.models import ManagerMeeting
from tests.factories import ChildFactory, ManagerMeetingFactory

pytestmark = pytest.mark.django_db(transaction=True)

WHAT = "Initial child protection conference: attend, then confirm"


def conference(child, manager, held_on):
    """Scheduled with the manager named, their attendance not yet confirmed."""
    return ManagerMeetingFactory(child=child, manager=manager, held_on=held_on, manager_attended=False,
                                 attendance_confirmed_at=None)


def test_a_team_manager_confirms_attending_a_conference_from_their_home(journey, team_manager, social_worker, team):
    today = timezone.localdate()
    child = ChildFactory(worker=social_worker, team=team, first_name="Kayden", last_name="Blacksmith")
    later_child = ChildFactory(worker=social_worker, team=team, first_name="Amira", last_name="Hussain")
    todays = conference(child, team_manager, today)
    conference(later_child, team_manager, today + datetime.timedelta(days=10))
    page = journey.page

    journey.sign_in("tm")
    due = page.locator("table", has=page.locator("caption", has_text="Conferences and hearings to attend"))
    row = due.locator("tr", has=page.get_by_role("link", name=f"{WHAT} for {child.full_name}"))
    expect(row.locator(".govuk-tag")).to_have_text("Due today")
    later = due.locator("tr", has=page.get_by_role("link", name=f"{WHAT} for {later_child.full_name}"))
    expect(later.locator(".govuk-tag")).to_have_text("Due in 10 days")
    journey.check("home-conferences")

    row.get_by_role("link", name=f"{WHAT} for {child.full_name}").click()
    expect(page.get_by_role("heading", name="Confirm your attendance")).to_be_visible()
    expect(page.locator(".govuk-summary-list")).to_contain_text(f"{today:%-d %B %Y}")
    journey.check("attendance")
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_title("Error: Confirm your attendance – Oversight")  # nothing chosen: asked again
    journey.check("attendance-error")
    todays.refresh_from_db()
    assert todays.attendance_confirmed_at is None
    page.get_by_label("Yes, I attended").check()
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"Recorded that you attended the initial child protection conference on {today:%-d %B %Y}."
    )
    todays.refresh_from_db()
    assert todays.manager_attended is True and todays.attendance_confirmed_at is not None

    page.get_by_role("link", name="Oversight", exact=True).click()  # the service name: home
    due = page.locator("table", has=page.locator("caption", has_text="Conferences and hearings to attend"))
    expect(due.get_by_role("link", name=f"{WHAT} for {later_child.full_name}")).to_be_visible()
    expect(due.get_by_role("link", name=f"{WHAT} for {child.full_name}")).to_have_count(0)
    journey.check("home-after")
    assert ManagerMeeting.objects.attendance_to_confirm_by(team_manager).count() == 1
    assert journey.violations == [], journey.violations
