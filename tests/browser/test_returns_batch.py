"""The import dry run in a browser: queries to accept and what was read, checked with axe-core."""
import pytest
from playwright.sync_api import expect

from tests.returns.cin_files import census, child, cin_details
from tests.returns.helpers import checked

pytestmark = pytest.mark.django_db(transaction=True)

def test_an_administrator_reads_the_dry_run_and_ticks_a_query_with_the_keyboard(journey, administrator, team):
    batch = checked(census([child("FUTURE1", cin_details("2099-01-10")), child("OK1")]), administrator,
                    fallback_team=team, name="cin.xml")
    page = journey.page

    journey.sign_in(administrator.username)
    page.goto(journey.base_url + batch.get_absolute_url())
    expect(page.get_by_role("heading", name="What was read")).to_be_visible()
    expect(page.get_by_text("CIN census, read as 2021-22 to 2023-24")).to_be_visible()
    expect(page.get_by_text("Query: case opened 2099-01-10 is in the future")).to_be_visible()
    journey.check("dry-run-with-a-query")

    accept = page.get_by_label("FUTURE1")
    journey.tab_to(accept)
    page.keyboard.press("Space")
    expect(accept).to_be_checked()
    assert not journey.violations, journey.violations
