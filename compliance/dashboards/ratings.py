"""% compliant, its red / amber / green rating, and whether a trend is getting better or worse."""
from dataclasses import dataclass
from math import floor

from django.conf import settings

# A change smaller than this (percentage points) is read as noise, not as a trend.
CLEAR_CHANGE = 2


@dataclass(frozen=True)
class Rating:
    name: str
    label: str
    tag: str  # the GOV.UK tag colour; the label is always shown too, never colour alone


GREEN = Rating("green", "Green", "green")
AMBER = Rating("amber", "Amber", "yellow")
RED = Rating("red", "Red", "red")
NO_DATA = Rating("none", "No data", "grey")


def thresholds():
    return {"green": settings.COMPLIANCE_GREEN, "amber": settings.COMPLIANCE_AMBER}


def rag(percent):
    """The rating of a % compliant, by the thresholds in settings (COMPLIANCE_GREEN, COMPLIANCE_AMBER)."""
    if percent is None:
        return NO_DATA
    if percent >= settings.COMPLIANCE_GREEN:
        return GREEN
    if percent >= settings.COMPLIANCE_AMBER:
        return AMBER
    return RED


@dataclass
class Compliance:
    """How many subjects a standard applies to and how many are in breach; adds up across teams."""

    population: int = 0
    breaches: int = 0

    def __add__(self, other):
        return Compliance(self.population + other.population, self.breaches + other.breaches)

    @property
    def compliant(self):
        # A flag can outlive its subject leaving the population by one sweep: never below zero.
        return max(self.population - self.breaches, 0)

    @property
    def percent(self):
        """Whole per cent, rounded down: a team is never shown as greener than it is."""
        if not self.population:
            return None
        return floor(100 * self.compliant / self.population)

    @property
    def rating(self):
        return rag(self.percent)


@dataclass(frozen=True)
class Direction:
    name: str
    label: str
    arrow: str
    change: float | None


def direction(percents):
    """Better or worse over a run of monthly % (None where a month has no figure).

    Compares the mean of the last three months with the first three, so one odd
    month does not turn the arrow.
    """
    known = [p for p in percents if p is not None]
    if len(known) < 2:
        return Direction("unknown", "Not enough months yet", "", None)
    span = min(3, len(known) // 2)
    change = round(sum(known[-span:]) / span - sum(known[:span]) / span, 1)
    if change >= CLEAR_CHANGE:
        return Direction("better", "Getting better", "↑", change)
    if change <= -CLEAR_CHANGE:
        return Direction("worse", "Getting worse", "↓", change)
    return Direction("steady", "No clear change", "→", change)
