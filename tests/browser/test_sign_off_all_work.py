"""Issue 19 end to end: a manager signs off a court statement and a closure summary, and the case closes;
the first-time sign-off rate is on the team manager's page with the decisions behind it; the sign-off settings
pages pass axe."""
import pytest
from playwright.sync_api import expect

from cases import sign_off
from cases.models import Assessment
from tests.factories import DocumentVersionFactory

pytestmark = pytest.mark.django_db(transaction=True)
Kind = Assessment.Kind


def submit(child, author, kind):
    version = DocumentVersionFactory(assessment__child=child, assessment__kind=kind)
    return sign_off.submit(version=version, author=author)


def sign_off_on_the_page(page, labels):
    for label in labels:
        page.get_by_label(label).check()
    page.get_by_label("Good", exact=True).check()
    page.get_by_label("Rationale and feedback for the author").fill("Clear, evidenced and child-centred.")
    page.get_by_role("button", name="Record decision").click()


def test_team_manager_signs_off_a_court_statement_and_a_closure_summary_and_the_case_closes(
    journey, team_manager, social_worker, child
):
    submit(child, social_worker, Kind.COURT_STATEMENT)
    submit(child, social_worker, Kind.CLOSURE_SUMMARY)
    page = journey.page

    journey.sign_in("tm")
    page.get_by_role("link", name="Awaiting my sign-off").click()
    # The queue shows every kind, and filters by it.
    expect(page.get_by_text("Court statement, v1")).to_be_visible()
    expect(page.get_by_text("Closure summary, v1")).to_be_visible()
    page.get_by_label("Type").select_option(label="Court statement")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text("Closure summary, v1")).to_have_count(0)
    journey.check("queue-filtered-by-kind")

    page.get_by_role("link", name=f"Review Court statement for {child.full_name}").click()
    expect(page.get_by_label("Life-story work is evidenced")).to_have_count(0)  # not asked of a court statement
    journey.check("review-court-statement")
    sign_off_on_the_page(page, [label for _, label in sign_off.k5_items(Kind.COURT_STATEMENT)])
    assert "Signed off: Court statement" in page.locator(".govuk-notification-banner").inner_text()

    page.get_by_role("link", name="Clear filters").click()
    page.get_by_role("link", name=f"Review Closure summary for {child.full_name}").click()
    expect(page.get_by_text(f"Signing this off closes {child.full_name}'s case today")).to_be_visible()
    journey.check("review-closure-summary")
    sign_off_on_the_page(page, [label for _, label in sign_off.k5_items(Kind.CLOSURE_SUMMARY)])
    assert "The case is closed" in page.locator(".govuk-notification-banner").inner_text()

    page.goto(journey.base_url + child.get_absolute_url())
    expect(page.get_by_text("closed", exact=False).first).to_be_visible()
    child.refresh_from_db()
    assert child.closed_on is not None
    expect(page.get_by_text(f"Opened {child.opened_on.day} {child.opened_on:%B %Y}, closed")).to_be_visible()
    journey.check("child-record-closed")

    # The first-time rate on the team manager's page, with the numbers behind it and the decisions beneath.
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_text("100% signed off first time (2 of 2)")).to_be_visible()
    journey.check("team-sign-off-quality")
    page.get_by_role("link", name="See the 2 decisions").click()
    expect(page.get_by_role("heading", name="Decisions on the team's work")).to_be_visible()
    expect(page.get_by_role("link", name="Court statement, version 1")).to_be_visible()
    journey.check("sign-off-decisions")
    assert journey.violations == []


def test_administrator_changes_what_a_court_statement_asks(journey, administrator):
    page = journey.page
    journey.sign_in(administrator.username)
    page.goto(journey.base_url + "/sign-off/settings/")
    expect(page.get_by_role("heading", name="Sign-off settings")).to_be_visible()
    journey.check("sign-off-settings")
    page.get_by_role("link", name="Change Court statement").click()
    journey.check("sign-off-setting-court-statement")
    page.get_by_label("The child's identity, ethnicity and culture are reflected").uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Court statement: saved.")).to_be_visible()
    expect(page.get_by_text("Sign-off needed; 3 K 5 items")).to_be_visible()
    journey.check("sign-off-settings-changed")
    assert journey.violations == []
