"""CHRON-MISSING, CHRON-STALE, SUMMARY, CLA-DOCS at their boundaries."""
import pytest

from cases.models import Category, ChronologyEntry, Document
from tests.factories import ChildFactory, ChronologyEntryFactory, DocumentFactory, ManagerMeetingFactory

from .helpers import D, breaches

BOUNDARY = [(-1, False), (0, False), (1, True)]


def shifted(day, days):
    return D.fromordinal(day.toordinal() + days)


def test_chron_missing_counts_10_working_days_across_christmas(db):
    # Opened Monday 14 Dec 2026: 25 and 28 Dec are bank holidays, so the tenth working day is the 30th.
    child = ChildFactory(opened_on=D(2026, 12, 14))
    assert child.pk not in breaches("CHRON-MISSING", D(2026, 12, 29))
    assert child.pk not in breaches("CHRON-MISSING", D(2026, 12, 30))
    assert breaches("CHRON-MISSING", D(2026, 12, 31))[child.pk] == D(2026, 12, 30)


def test_chron_missing_is_mended_by_a_first_entry_and_ignores_closed_cases(db):
    child = ChildFactory(opened_on=D(2026, 1, 5))
    closed = ChildFactory(opened_on=D(2026, 1, 5), closed_on=D(2026, 3, 1))
    assert child.pk in breaches("CHRON-MISSING", D(2026, 11, 23))
    assert closed.pk not in breaches("CHRON-MISSING", D(2026, 11, 23))
    ChronologyEntryFactory(child=child)
    assert child.pk not in breaches("CHRON-MISSING", D(2026, 11, 23))


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_chron_stale_flags_a_chronology_last_updated_more_than_90_days_ago(db, offset, breached):
    entry = ChronologyEntryFactory(occurred_on=D(2026, 8, 1))  # + 90 days = 30 October
    found = breaches("CHRON-STALE", shifted(D(2026, 10, 30), offset))
    assert (entry.child_id in found) is breached
    if breached:
        assert found[entry.child_id] == D(2026, 10, 30)


def test_chron_stale_flags_a_chronology_older_than_the_latest_conference(db):
    entry = ChronologyEntryFactory(occurred_on=D(2026, 9, 1))
    ManagerMeetingFactory(child=entry.child, held_on=D(2026, 9, 10))
    assert entry.child_id not in breaches("CHRON-STALE", D(2026, 9, 10))  # the day itself is allowed
    assert breaches("CHRON-STALE", D(2026, 9, 11))[entry.child_id] == D(2026, 9, 10)
    ChronologyEntryFactory(
        child=entry.child, occurred_on=D(2026, 9, 10), event_type=ChronologyEntry.EventType.CONFERENCE
    )
    assert entry.child_id not in breaches("CHRON-STALE", D(2026, 9, 11))


def test_chron_stale_flags_a_chronology_older_than_a_court_order(db):
    entry = ChronologyEntryFactory(occurred_on=D(2026, 9, 1))
    DocumentFactory(child=entry.child, kind=Document.Kind.COURT_ORDER, dated=D(2026, 9, 20))
    assert breaches("CHRON-STALE", D(2026, 9, 21))[entry.child_id] == D(2026, 9, 20)


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_summary_is_due_3_months_after_the_last(db, offset, breached):
    summary = DocumentFactory(kind=Document.Kind.QUARTERLY_SUMMARY, dated=D(2026, 8, 31))  # due 30 November
    found = breaches("SUMMARY", shifted(D(2026, 11, 30), offset))
    assert (summary.child_id in found) is breached
    if breached:
        assert found[summary.child_id] == D(2026, 11, 30)


@pytest.mark.parametrize("category", [Category.CHILD_IN_NEED, Category.EARLY_HELP])
def test_summary_is_due_3_months_after_opening_early_help_included(db, category):
    child = ChildFactory(opened_on=D(2026, 8, 3), category=category)
    assert child.pk not in breaches("SUMMARY", D(2026, 11, 2))
    assert child.pk not in breaches("SUMMARY", D(2026, 11, 3))
    assert breaches("SUMMARY", D(2026, 11, 4))[child.pk] == D(2026, 11, 3)


@pytest.fixture
def looked_after(db):
    child = ChildFactory(category=Category.LOOKED_AFTER, opened_on=D(2025, 4, 1))
    DocumentFactory(child=child, kind=Document.Kind.BIRTH_CERTIFICATE, dated=D(2015, 6, 1))
    return child


@pytest.mark.parametrize("offset, breached", BOUNDARY)
def test_cla_docs_needs_a_photo_taken_within_12_months(looked_after, offset, breached):
    DocumentFactory(child=looked_after, kind=Document.Kind.PHOTO, dated=D(2025, 11, 30))
    found = breaches("CLA-DOCS", shifted(D(2026, 11, 30), offset))
    assert (looked_after.pk in found) is breached
    if breached:
        assert found[looked_after.pk] == D(2026, 11, 30)


def test_cla_docs_needs_a_birth_certificate(db):
    child = ChildFactory(category=Category.LOOKED_AFTER, opened_on=D(2025, 4, 1))
    DocumentFactory(child=child, kind=Document.Kind.PHOTO, dated=D(2026, 10, 1))
    assert breaches("CLA-DOCS", D(2026, 11, 23))[child.pk] == D(2025, 4, 1)
    DocumentFactory(child=child, kind=Document.Kind.BIRTH_CERTIFICATE, dated=D(2015, 6, 1))
    assert child.pk not in breaches("CLA-DOCS", D(2026, 11, 23))


def test_cla_docs_applies_only_to_looked_after_children(db):
    child = ChildFactory(category=Category.CHILD_PROTECTION)
    assert child.pk not in breaches("CLA-DOCS", D(2026, 11, 23))
