"""The users' journeys end to end through the UI, in a real browser, with axe checks on every page."""
import csv as csvlib
import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases import sign_off
from cases.models import AssessmentVersion, ManagementDecision
from compliance import snapshots, sweep
from compliance.dashboards import report
from supervision.models import SupervisionSession
from tests.factories import AssessmentVersionFactory, PlanActionFactory, SupervisionSessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def submit(child, author, kind):
    version = AssessmentVersionFactory(assessment__child=child, assessment__kind=kind)
    PlanActionFactory(version=version)
    return sign_off.submit(version=version, author=author)


def test_team_manager_signs_off_and_returns_assessments(journey, team_manager, social_worker, child):
    refused_then_good = submit(child, social_worker, "cin_plan")
    requires_improvement = submit(child, social_worker, "cfa")
    page = journey.page

    journey.sign_in("tm")
    journey.check("my-team")
    page.get_by_role("link", name="Awaiting my sign-off").click()
    expect(page.get_by_role("heading", name="Awaiting my sign-off")).to_be_visible()
    journey.check("awaiting-sign-off")

    # A checklist item missing: refused, clearly, and nothing decided.
    page.get_by_role("link", name=f"Review Child in need plan for {child.full_name}").click()
    journey.check("review")
    for label in [
        "The child's identity, ethnicity and culture are reflected",
        "The child has been seen, spoken to and listened to",
        "The child knows and understands why they have a social worker",
        "Life-story work is evidenced",
        "The child's lived experience is evidenced",
        "The plan is SMART",
    ]:
        page.get_by_label(label).check()
    page.get_by_label("Good", exact=True).check()
    page.get_by_label("Rationale and feedback for the author").fill("Clear and child-centred.")
    page.get_by_role("button", name="Record decision").click()
    summary = page.locator(".govuk-error-summary")
    assert "Affirm: the assessment of need is holistic" in summary.inner_text()
    expect(summary).to_be_focused()  # the GOV.UK pattern: focus moves to the summary, whose link leads to the field
    summary.get_by_role("link", name="Affirm: the assessment of need is holistic").click()
    expect(page.get_by_label("The assessment of need is holistic")).to_be_focused()
    journey.check("refused")
    refused_then_good.refresh_from_db()
    assert refused_then_good.status == AssessmentVersion.Status.SUBMITTED

    # Complete the checklist and sign off, graded good, by keyboard alone: the form kept the answers given.
    expect(page.get_by_label("Good", exact=True)).to_be_checked()
    journey.tab_to(page.get_by_label("The assessment of need is holistic"))
    page.keyboard.press("Space")
    journey.tab_to(page.get_by_label("Good", exact=True))
    journey.tab_to(page.get_by_role("button", name="Record decision"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Signed off" in page.locator(".govuk-notification-banner").inner_text()
    # Back on the queue, the decision is on the child's record.
    page.get_by_role("link", name=child.full_name, exact=True).click()
    expect(page.get_by_text("Signed off: Child in need plan, version 1 (graded good).")).to_be_visible()
    journey.check("child-record-signed-off")

    # Return the other, graded requires improvement.
    page.get_by_role("link", name="Awaiting my sign-off").click()
    page.get_by_role("link", name=f"Review Child and family assessment for {child.full_name}").click()
    page.get_by_label("Requires improvement").check()
    page.get_by_label("Rationale and feedback for the author").fill("Say more about what school is like for her.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("Nothing is waiting for your sign-off.")).to_be_visible()
    page.goto(journey.base_url + child.get_absolute_url())
    expect(page.get_by_text("Returned to the author: Child and family assessment, version 1")).to_be_visible()
    journey.check("child-record-returned")

    requires_improvement.refresh_from_db()
    assert (requires_improvement.status, requires_improvement.grade) == ("returned", "requires_improvement")
    assert ManagementDecision.objects.filter(child=child, manager=team_manager).count() == 2
    assert journey.violations == []


def test_social_worker_prepares_reflects_and_acknowledges_supervision(journey, social_worker, team_manager):
    today = timezone.localdate()
    held = SupervisionSessionFactory(
        supervisee=social_worker, date=today - datetime.timedelta(days=3),
        status=SupervisionSession.Status.HELD, completed_at=timezone.now(),
        record="Discussed caseload and the court work for the Smith family; agreed training in analysis.",
    )
    planned = SupervisionSessionFactory(supervisee=social_worker, date=today + datetime.timedelta(days=10))
    page = journey.page

    journey.sign_in("sw")
    page.get_by_role("link", name="My supervision").click()
    journey.check("my-supervision")

    # By keyboard alone: Tab to the field, type, Tab to the button, Enter.
    page.get_by_role("link", name=f"{planned.date:%A} {planned.date.day} {planned.date:%B %Y} with").click()
    journey.check("planned-session")
    journey.tab_to(page.get_by_label("Add an agenda item"))
    page.keyboard.type("Support with the court statement for the Smith family")
    journey.tab_to(page.get_by_role("button", name="Add to the agenda"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("Support with the court statement for the Smith family")).to_be_visible()

    page.get_by_role("link", name="My supervision").click()
    page.get_by_role("link", name=f"Supervision on {held.date.day} {held.date:%B %Y} with").click()
    journey.tab_to(page.get_by_label("My reflection"))
    page.keyboard.type("I will plan my analysis before writing the assessment.")
    journey.tab_to(page.get_by_role("button", name="Save my notes"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    journey.check("reflection-saved")
    page.get_by_role("button", name="Acknowledge the record").click()
    journey.check("acknowledged")

    held.refresh_from_db()
    planned.refresh_from_db()
    assert held.reflection == "I will plan my analysis before writing the assessment."
    assert held.acknowledged_at is not None
    assert planned.agenda_items.filter(text__startswith="Support with the court statement").exists()
    assert journey.violations == []


def test_head_of_service_drills_down_from_a_red_cell_and_downloads_the_monthly_report(
    journey, head_of_service, team, child
):
    today, now = timezone.localdate(), timezone.now()
    sweep.sweep(today=today, now=now)  # the child has no chronology: CHRON-MISSING, 0% for the team
    month = snapshots.previous_month(today)
    snapshots.take(month=month, today=today, now=now)  # the month-end figures the report is built from
    report.generate(service=team.service, month=month, now=now)
    page = journey.page

    journey.sign_in("hos")
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Compliance by team")).to_be_visible()
    journey.check("matrix")
    cell = page.get_by_role("link", name=re.compile(f"of {team.name} meeting CHRON-MISSING"))
    expect(cell.locator("xpath=ancestor::td")).to_contain_text("Red")
    cell.click()
    journey.check("in-breach")
    page.get_by_role("link", name=child.full_name).first.click()
    expect(page.get_by_role("heading", name=child.full_name)).to_be_visible()
    journey.check("child-record")

    page.get_by_role("link", name="Dashboard").click()
    page.get_by_role("link", name="Monthly reports").click()
    journey.check("reports")
    page.get_by_role("link", name=re.compile(f"{month:%B %Y}")).first.click()
    journey.check("report")
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download PDF").click()
    with page.expect_download() as csv:
        page.get_by_role("link", name="Download CSV").click()
    assert open(pdf.value.path(), "rb").read(5) == b"%PDF-"
    header, *rows = csvlib.reader(open(csv.value.path(), encoding="utf-8"))
    chronologies = dict(zip(header, next(row for row in rows if row[0] == "Chronologies up to date"), strict=True))
    assert (chronologies[f"{month:%Y-%m}"], chronologies["Rating"]) == ("0", "Red")
    assert journey.violations == []


def test_the_accessibility_check_catches_a_violation(journey):
    """The axe check is real: an unlabelled input on a page without a language is reported."""
    journey.page.set_content("<html><body><main><input type='text'><img src='x.png'></main></body></html>")
    journey.check("deliberately-broken")
    assert any("label" in v for v in journey.violations)
    assert any("image-alt" in v for v in journey.violations)
