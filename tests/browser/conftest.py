"""Browser tests: Playwright driving Debian's chromium against pytest's live server.

Screenshots go to test-artifacts/screenshots/ (make test prints the folder).
Every page a journey visits is checked with axe-core for WCAG 2.2 AA.
"""
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "a-long-test-password"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail("Debian's chromium is needed for the browser tests: apt-get install chromium (make test does it)")
    # Playwright's sync API runs an event loop; Django must still allow the test's own ORM calls.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


class Journey:
    """A signed-in browser page that checks accessibility and keeps screenshots."""

    def __init__(self, page, base_url, name):
        self.page, self.base_url, self.name = page, base_url, name
        self.shots = 0
        self.violations = []
        self.minor = []

    def sign_in(self, username):
        self.page.goto(self.base_url + "/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(PASSWORD)
        self.page.get_by_role("button", name="Sign in").click()

    def tab_to(self, locator, presses=80):
        """Move focus with the Tab key alone until `locator` has it: the keyboard reaches it."""
        for _ in range(presses):
            if locator.evaluate("element => element === document.activeElement"):
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"{locator} is not reachable with the Tab key")

    def check(self, label):
        """Run axe-core on the current page, keep a screenshot, record serious or critical violations."""
        # Served from our own origin, so the Content-Security-Policy (no inline script) still holds.
        self.page.route("**/__axe__.js", lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))
        self.page.add_script_tag(url=self.base_url + "/__axe__.js")
        result = self.page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
        )
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found = f"{label}: {violation['id']} ({violation['impact']}) at {targets}"
            # Minor and moderate findings are kept for reading, not failed on.
            (self.violations if violation["impact"] in ("serious", "critical") else self.minor).append(found)
        self.shots += 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{self.name}-{self.shots:02d}-{label}.png"), full_page=True)


@pytest.fixture
def journey(browser, live_server, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    journey = Journey(page, live_server.url, request.node.name.removeprefix("test_"))
    yield journey
    context.close()
    if journey.shots:
        report = SCREENSHOTS / f"{journey.name}-axe.txt"
        report.write_text("\n".join(journey.violations + journey.minor) or "no violations\n")
