"""Red, amber, green by the configured thresholds; % compliant; better or worse over a year."""
import pytest

from compliance.dashboards.ratings import AMBER, GREEN, NO_DATA, RED, Compliance, direction, rag


@pytest.mark.parametrize(
    "percent, rating", [(100, GREEN), (90, GREEN), (89, AMBER), (75, AMBER), (74, RED), (0, RED), (None, NO_DATA)]
)
def test_it_rates_by_the_default_thresholds(percent, rating):
    assert rag(percent) == rating


def test_the_thresholds_come_from_settings(settings):
    settings.COMPLIANCE_GREEN, settings.COMPLIANCE_AMBER = 95, 80
    assert (rag(94), rag(80), rag(79)) == (AMBER, AMBER, RED)


def test_every_rating_has_words_not_only_a_colour():
    assert [r.label for r in (GREEN, AMBER, RED, NO_DATA)] == ["Green", "Amber", "Red", "No data"]


def test_percent_is_rounded_down_so_a_team_is_never_shown_greener_than_it_is():
    assert Compliance(population=1000, breaches=101).percent == 89
    assert Compliance(population=1000, breaches=101).rating == AMBER


def test_nobody_to_count_is_no_data_and_breaches_never_exceed_the_population():
    assert Compliance().percent is None
    assert Compliance(population=2, breaches=3).compliant == 0


def test_compliance_adds_up_across_teams():
    assert Compliance(10, 1) + Compliance(5, 4) == Compliance(15, 5)


def test_it_compares_the_last_three_months_with_the_first_three():
    assert direction([60, 62, 61, None, 70, 71, 72]).name == "better"
    assert direction([80, 80, 80, 70, 70, 70]).change == -10
    assert direction([80, 81, 79, 80, 81, 80]).label == "No clear change"
    assert direction([None, 80]).name == "unknown"
