"""The daily work loop in a real browser: find a child, work through the sign-off queue, pages that fit a phone.

axe must find nothing at all here, of any impact, on every page visited.
"""
import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases import sign_off
from cases.models import AssessmentVersion, Category
from organisation.working_days import add_working_days
from tests.factories import AssessmentVersionFactory, ChildFactory, PlanActionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def submit(child, author, kind="cfa"):
    version = AssessmentVersionFactory(assessment__child=child, assessment__kind=kind)
    PlanActionFactory(version=version)
    return sign_off.submit(version=version, author=author)


def no_violations(journey):
    assert journey.violations == [] and journey.minor == [], journey.violations + journey.minor


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def test_a_manager_finds_a_child_by_part_of_a_surname(journey, team_manager, social_worker, outsider):
    wanted = ChildFactory(first_name="Kayden", last_name="Blacksmith", worker=social_worker)
    ChildFactory(first_name="Amira", last_name="Hussain", worker=social_worker)
    ChildFactory(first_name="Liam", last_name="Smithson", worker=outsider)  # another service's child
    page = journey.page

    journey.sign_in("tm")
    page.get_by_label("Find a child").fill("Jones")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.get_by_role("heading", name="Find a child")).to_be_visible()
    expect(page.get_by_text("No child you can see matches.")).to_be_visible()
    journey.check("search-nothing")

    page.get_by_label("Name, local identifier, NHS number or date of birth", exact=True).fill("smi")
    page.get_by_role("button", name="Search", exact=True).last.click()
    results = page.locator("table tbody tr")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Kayden Blacksmith")
    journey.check("search-found")
    results.get_by_role("link", name="Kayden Blacksmith").click()
    expect(page.get_by_role("heading", name=wanted.full_name)).to_be_visible()

    page.get_by_label("Find a child").fill("9434765918")  # a wrong check digit
    page.get_by_role("button", name="Search", exact=True).first.click()
    expect(page).to_have_title("Error: Children matching ‘9434765918’ – Oversight")
    journey.check("search-error")
    no_violations(journey)


def test_a_manager_signs_off_three_items_in_a_row_from_the_queue(journey, team_manager, social_worker):
    children = [ChildFactory(worker=social_worker) for _ in range(3)]
    waiting = [submit(child, social_worker) for child in children]
    page = journey.page

    journey.sign_in("tm")
    page.get_by_role("link", name="Awaiting my sign-off").click()
    journey.check("queue")
    for number, child in enumerate(children, start=1):
        page.get_by_role("link", name=f"Review the next: Child and family assessment for {child.full_name}").click()
        # The click does not wait for the next page: read its checkboxes only once it is there.
        expect(page.get_by_role("heading", name="Review: Child and family assessment, version 1")).to_be_visible()
        for box in page.locator("input[type=checkbox]").all():
            box.check()
        page.get_by_label("Good", exact=True).check()
        page.get_by_label("Rationale and feedback for the author").fill("Clear, analytical and child-centred.")
        page.get_by_role("button", name="Record decision").click()
        expect(page.get_by_role("heading", name="Awaiting my sign-off")).to_be_visible()
        expect(page.locator(".govuk-notification-banner")).to_contain_text(
            f"Signed off: Child and family assessment for {child.full_name}"
        )
        expect(page.locator("caption")).to_contain_text(f"{3 - number} waiting")
        journey.check(f"queue-after-{number}")
    expect(page.get_by_text("Nothing is waiting for your sign-off.")).to_be_visible()
    assert [v.status for v in AssessmentVersion.objects.filter(pk__in=[v.pk for v in waiting])] == ["signed_off"] * 3
    no_violations(journey)


def test_the_sign_off_queue_and_the_childs_record_fit_a_phone(browser, live_server, team_manager, social_worker):
    from tests.browser.conftest import Journey

    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.set_default_timeout(10_000)
    journey = Journey(page, live_server.url, "phone")
    child = ChildFactory(first_name="Oluwaseun", last_name="Adebayo-Richardson", worker=social_worker)
    submit(child, social_worker)
    submit(ChildFactory(worker=social_worker), social_worker, "cin_plan")
    try:
        journey.sign_in("tm")
        page.get_by_role("button", name="Menu").click()
        page.get_by_role("link", name="Awaiting my sign-off").click()
        expect(page.get_by_role("heading", name="Awaiting my sign-off")).to_be_visible()
        journey.check("queue-375")
        assert page_width(page) <= 375
        review = page.get_by_role("link", name=f"Review Child and family assessment for {child.full_name}")
        box = review.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375  # the Review link is on the screen, not off it

        page.goto(live_server.url + child.get_absolute_url())
        expect(page.get_by_role("heading", name=child.full_name)).to_be_visible()
        journey.check("child-375")
        assert page_width(page) <= 375
        no_violations(journey)
    finally:
        context.close()


def test_a_social_workers_home_shows_due_dates_and_an_overdue_tag(journey, social_worker):
    today = timezone.localdate()
    late = ChildFactory(
        worker=social_worker, category=Category.EARLY_HELP, opened_on=today - datetime.timedelta(days=60)
    )
    opened = today - datetime.timedelta(days=3)  # its chronology is due within the fortnight ahead
    new = ChildFactory(worker=social_worker, category=Category.EARLY_HELP, opened_on=opened)
    page = journey.page

    journey.sign_in("sw")
    due = page.locator("table", has=page.locator("caption", has_text="Due next"))
    # Each child has other items due too (their views, an assessment): the chronology's row is the one read.
    late_row = due.locator("tr", has=page.get_by_role("link", name=late.full_name), has_text="Chronology started")
    expect(late_row).to_contain_text("Chronology started")
    expect(late_row.locator(".govuk-tag")).to_have_text("Overdue")
    new_row = due.locator("tr", has=page.get_by_role("link", name=new.full_name), has_text="Chronology started")
    expect(new_row.locator(".govuk-tag")).to_contain_text("Due in")
    expect(new_row).to_contain_text(f"{add_working_days(opened, 10):%-d %b %Y}")
    journey.check("home")
    new_row.get_by_role("link", name=f"Chronology started for {new.full_name}").click()
    expect(page.get_by_role("heading", name="Add a chronology entry")).to_be_visible()
    page.get_by_role("link", name="Flags", exact=True).click()
    journey.check("flags")
    no_violations(journey)


def test_the_compliance_matrix_fits_1280_px_without_scrolling_sideways(journey, head_of_service, team, child):
    from compliance import sweep

    sweep.sweep(today=timezone.localdate(), now=timezone.now())
    page = journey.page
    journey.sign_in("hos")
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Compliance by team")).to_be_visible()
    table_region = page.locator(".oversight-scroll")
    assert table_region.evaluate("el => el.scrollWidth <= el.clientWidth")
    assert page_width(page) <= 1280
    expect(page.get_by_role("rowheader", name="Chronology started CHRON-MISSING")).to_be_visible()
    journey.check("matrix-1280")
    no_violations(journey)


def test_an_administrator_moves_a_worker_to_another_team(journey, administrator, social_worker, other_team):
    page = journey.page
    journey.sign_in("administrator")
    page.get_by_role("link", name="Staff", exact=True).click()
    expect(page.get_by_role("heading", name="Staff")).to_be_visible()
    journey.check("staff")
    page.get_by_role("link", name=f"Change {social_worker.get_full_name()}").click()
    journey.check("change-staff")
    page.get_by_label("Team").select_option(label=other_team.name)
    page.get_by_label("Line manager").select_option(label=str(other_team.manager))
    page.get_by_role("button", name="Save").click()
    banner = page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text(f"{social_worker.get_full_name()}: changes saved")
    row = page.locator("tr", has=page.get_by_role("link", name=f"Change {social_worker.get_full_name()}"))
    expect(row).to_contain_text(other_team.name)
    journey.check("staff-after")
    social_worker.refresh_from_db()
    assert social_worker.team == other_team
    no_violations(journey)
