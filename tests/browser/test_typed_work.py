"""Never lose typed work, in a real browser: sub-forms keep what is typed, drafts survive closing the page and
the end of a session, and the timeout warning lets a person stay signed in with the keyboard alone."""
import re
import time

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from drafts.models import Draft
from tests.browser.conftest import Journey
from tests.factories import AssessmentVersionFactory, CaseDiscussionFactory, SupervisionSessionFactory

pytestmark = pytest.mark.django_db(transaction=True)

DISCUSSION = {
    "id_purpose": "Complete the child and family assessment before the review.",
    "id_expectations": "Visit fortnightly at home and see her bedroom.",
    "id_contingency": "If there is no answer, return within 24 hours and tell me.",
    "id_discussion": "School says attendance is up to 92 percent; mum has started counselling.",
    "id_decision": "Step down to early help once the assessment is signed off.",
    "id_rationale": "Attendance and the home visits show the risks have reduced.",
}
ANALYSIS = "Her needs: a calmer morning routine, breakfast at school, and support for mum's mental health."


def no_violations(journey):
    return journey.violations + journey.minor


def test_adding_an_action_keeps_every_word_of_the_case_discussion(journey, team_manager, social_worker, child):
    discussion = CaseDiscussionFactory(session=SupervisionSessionFactory(supervisee=social_worker), child=child,
                                       discussion="")
    page = journey.page
    journey.sign_in("tm")
    page.goto(journey.base_url + reverse("supervision:discussion_edit", args=[discussion.pk]))
    for field, text in DISCUSSION.items():
        page.locator(f"#{field}").fill(text)
    page.get_by_label("Action", exact=True).fill("See her alone at school before the review")
    page.get_by_label("Day").fill("4")
    page.get_by_label("Month").fill("12")
    page.get_by_label("Year").fill("2026")
    journey.check("discussion-typed")

    with page.expect_navigation():
        page.get_by_role("button", name="Add the action").click()
    expect(page.get_by_role("cell", name="See her alone at school before the review")).to_be_visible()
    expect(page.get_by_text("Your changes to the discussion are not saved yet.")).to_be_visible()
    for field, text in DISCUSSION.items():
        expect(page.locator(f"#{field}")).to_have_value(text)
    journey.check("action-added")

    with page.expect_navigation():
        page.get_by_role("button", name="Save the case discussion").click()
    discussion.refresh_from_db()
    assert (discussion.discussion, discussion.rationale) == (DISCUSSION["id_discussion"], DISCUSSION["id_rationale"])
    assert not Draft.objects.exists()  # saved: the draft kept while typing has served
    assert no_violations(journey) == []


def test_a_draft_of_an_assessment_is_there_after_closing_the_page_and_signing_in_again(
    journey, browser, live_server, social_worker, child
):
    assessment = AssessmentVersionFactory(assessment__child=child, analysis="").assessment
    edit = journey.base_url + reverse("edit_version", args=[assessment.pk])
    page = journey.page
    journey.sign_in("sw")
    page.goto(edit)
    # Leaving with changes not yet kept asks first; staying keeps them.
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.locator("#id_analysis").press_sequentially("Her needs")
    page.get_by_role("link", name="Back").click()
    assert asked == ["beforeunload"]
    assert page.url == edit
    page.locator("#id_analysis").fill(ANALYSIS)
    page.wait_for_selector("form[data-draft-saved]")  # the autosave has answered
    journey.check("assessment-autosaved")
    page.get_by_role("link", name="Back").click()  # kept as a draft: leaving asks nothing
    expect(page).to_have_url(journey.base_url + assessment.get_absolute_url())
    assert asked == ["beforeunload"]
    page.context.close()

    again = Journey(browser.new_context(viewport={"width": 1280, "height": 900}).new_page(), live_server.url,
                    journey.name + "-again")
    again.sign_in("sw")
    again.page.goto(edit)
    banner = again.page.locator(".govuk-notification-banner")
    expect(banner).to_contain_text(re.compile(r"Your draft from \d\d:\d\d on \w+ \d+ \w+ \d{4} was restored\."))
    expect(again.page.locator("#id_analysis")).to_have_value(ANALYSIS)
    again.check("assessment-draft-restored")

    # Discarding it shows the assessment as saved, and the draft is gone.
    with again.page.expect_navigation():
        banner.get_by_role("button", name="Discard the draft").click()
    expect(again.page.locator("#id_analysis")).to_have_value("")
    assert not Draft.objects.exists()
    assert no_violations(journey) + no_violations(again) == []
    again.page.context.close()


def test_after_the_session_ends_signing_in_again_returns_to_the_page_and_its_draft(
    journey, settings, social_worker, child
):
    settings.SESSION_COOKIE_AGE, settings.SESSION_WARNING_SECONDS = 8, 4
    assessment = AssessmentVersionFactory(assessment__child=child, analysis="").assessment
    edit = reverse("edit_version", args=[assessment.pk])
    page = journey.page
    journey.sign_in("sw")
    page.goto(journey.base_url + edit)
    page.locator("#id_analysis").fill(ANALYSIS)
    page.wait_for_selector("form[data-draft-saved]")
    # Idle: the warning, then the page reloads and, the session over, asks to sign in.
    page.wait_for_url(re.compile(r"/accounts/login/\?next="), timeout=20_000)
    page.get_by_label("Username").fill("sw")
    page.get_by_label("Password").fill("a-long-test-password")
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    assert page.url.endswith(edit)
    expect(page.locator("#id_analysis")).to_have_value(ANALYSIS)
    expect(page.locator(".govuk-notification-banner")).to_contain_text("was restored")


def focus_in_dialog(page):
    return page.evaluate("() => document.getElementById('timeout-warning').contains(document.activeElement)")


def test_the_timeout_warning_keeps_a_person_signed_in_with_the_keyboard_alone(journey, settings, social_worker):
    settings.SESSION_COOKIE_AGE, settings.SESSION_WARNING_SECONDS = 24, 20  # the warning 4 seconds after a page
    page = journey.page
    journey.sign_in("sw")
    loaded = time.monotonic()
    dialog = page.get_by_role("dialog", name="You're about to be signed out")
    expect(dialog).to_be_visible(timeout=15_000)
    assert focus_in_dialog(page)
    expect(dialog).to_contain_text("we will sign you out in 20 seconds")
    journey.check("timeout-warning")
    for _ in range(4):  # the page behind is inert: Tab stays in the dialog
        page.keyboard.press("Tab")
        assert focus_in_dialog(page) or page.evaluate("() => document.activeElement === document.body")

    journey.tab_to(dialog.get_by_role("button", name="Stay signed in"), presses=6)
    with page.expect_response(lambda r: r.url.endswith(reverse("drafts:keep_alive")) and r.status == 204):
        page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()

    # It comes back 4 seconds later; Escape also keeps the person signed in.
    expect(dialog).to_be_visible(timeout=15_000)
    with page.expect_response(lambda r: r.url.endswith(reverse("drafts:keep_alive")) and r.status == 204):
        page.keyboard.press("Escape")
    renewed = time.monotonic()
    expect(dialog).to_be_hidden()

    # Past the first timeout, still signed in: the keep-alive renewed the session.
    time.sleep(max(0, loaded + 24 + 1 - time.monotonic()))
    assert time.monotonic() < renewed + 24
    page.reload()
    expect(page.get_by_text("Signed in as")).to_be_visible()
    assert no_violations(journey) == []
