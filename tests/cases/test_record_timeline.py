"""The child's record a page at a time: the newest entries first, older ones a link away, filters kept."""
import datetime

import pytest
from django.urls import reverse

from cases import timeline
from cases.models import CaseNote
from compliance.models import Flag
from compliance.timeline import open_flags
from supervision.timeline import case_discussions
from tests.factories import (
    CaseDiscussionFactory,
    CaseNoteFactory,
    ChronologyEntryFactory,
    DocumentFactory,
    ManagementDecisionFactory,
    SupervisionSessionFactory,
)

DAY = datetime.timedelta(days=1)
FIRST = datetime.date(2020, 1, 1)


def chronology(child, count):
    for n in range(count):
        ChronologyEntryFactory(child=child, occurred_on=FIRST + n * DAY, summary=f"Entry number {n:03d}.")


def test_the_record_shows_the_newest_page_and_links_to_older_entries(client, social_worker, child):
    chronology(child, timeline.PAGE_SIZE + 5)
    client.force_login(social_worker)
    url = reverse("child", args=[child.pk])
    first = client.get(url).content.decode()
    assert f"Entry number {timeline.PAGE_SIZE + 4:03d}." in first and "Entry number 005." in first
    assert "Entry number 004." not in first
    assert f'href="{url}?page=2#timeline"' in first and "Newer entries" not in first
    older = client.get(url, {"page": 2}).content.decode()
    assert all(f"Entry number {n:03d}." in older for n in range(5))
    assert "Entry number 005." not in older
    assert f'href="{url}#timeline"' in older and "Older entries" not in older


def test_a_record_that_fits_on_one_page_has_no_page_links(client, social_worker, child):
    chronology(child, timeline.PAGE_SIZE)
    client.force_login(social_worker)
    content = client.get(reverse("child", args=[child.pk])).content.decode()
    assert "Entry number 000." in content
    assert "Older entries" not in content and "Newer entries" not in content


def test_older_pages_keep_the_kinds_filter(client, social_worker, child):
    for n in range(timeline.PAGE_SIZE + 1):
        CaseNoteFactory(child=child, kind=CaseNote.Kind.NOTE, occurred_on=FIRST + n * DAY, note=f"Note {n:03d}")
    chronology(child, 3)
    client.force_login(social_worker)
    url = reverse("child", args=[child.pk])
    content = client.get(url, {"kind": "note"}).content.decode()
    assert f'href="{url}?kind=note&amp;page=2#timeline"' in content
    older = client.get(url, {"kind": "note", "page": 2}).content.decode()
    assert "Note 000" in older and "Entry number" not in older


@pytest.mark.parametrize("page", ["0", "-1", "abc", "", "9999999", "٣"])
def test_a_page_that_is_not_a_sane_positive_number_shows_the_first(client, social_worker, child, page):
    chronology(child, 2)
    client.force_login(social_worker)
    response = client.get(reverse("child", args=[child.pk]), {"page": page})
    assert response.status_code == 200
    assert "Entry number 001." in response.content.decode()


def test_a_page_past_the_end_is_empty_and_links_back(client, social_worker, child):
    chronology(child, 2)
    client.force_login(social_worker)
    content = client.get(reverse("child", args=[child.pk]), {"page": 3}).content.decode()
    assert "Entry number" not in content and "Nothing recorded" in content and "Newer entries" in content


def test_a_limited_timeline_is_the_start_of_the_whole_one(social_worker, team_manager, child):
    # Ties on one date across sources and within a source: the limit must keep the same order.
    same_day = datetime.date(2026, 3, 2)
    for n in range(4):
        ChronologyEntryFactory(child=child, occurred_on=same_day, summary=f"Chronology {n}")
        # Notes newer than visits: a visits-only page must not take the case notes' newest rows.
        CaseNoteFactory(child=child, occurred_on=same_day + n * DAY, kind=CaseNote.Kind.NOTE, note=f"Note {n}")
        CaseNoteFactory(child=child, occurred_on=same_day, note=f"Visit {n}")
        DocumentFactory(child=child, dated=same_day + n * DAY, title=f"Document {n}")
        ManagementDecisionFactory(child=child, decided_on=same_day, decision=f"Decision {n}")
    session = SupervisionSessionFactory(supervisee=social_worker, date=same_day)
    CaseDiscussionFactory(session=session, child=child, filed_at=datetime.datetime(2026, 3, 3, tzinfo=datetime.UTC))
    for user in (social_worker, team_manager):
        for only in (None, ["visit"], ["note", "chronology"]):
            whole = timeline.for_child(child, user, only=only)
            assert whole
            for limit in range(1, len(whole) + 2):
                assert timeline.for_child(child, user, only=only, limit=limit) == whole[:limit]


def test_page_of_splits_the_whole_timeline_into_pages(monkeypatch, social_worker, child):
    monkeypatch.setattr(timeline, "PAGE_SIZE", 3)
    chronology(child, 7)
    whole = timeline.for_child(child, social_worker)
    pages = [timeline.page_of(child, social_worker, page=n) for n in (1, 2, 3)]
    assert [entry for entries, _ in pages for entry in entries] == whole
    assert [has_older for _, has_older in pages] == [True, True, False]


def test_the_record_shows_every_kind_and_the_other_apps_sources_keep_their_scope(
    social_worker, team_manager, iro, outsider, administrator, child
):
    on = datetime.date(2026, 3, 2)
    ChronologyEntryFactory(child=child, occurred_on=on)
    CaseNoteFactory(child=child, occurred_on=on)
    DocumentFactory(child=child, dated=on)
    ManagementDecisionFactory(child=child, decided_on=on)
    session = SupervisionSessionFactory(supervisee=social_worker, date=on)
    CaseDiscussionFactory(session=session, child=child, filed_at=datetime.datetime(2026, 3, 3, tzinfo=datetime.UTC))
    Flag.objects.create(rule="CHRON-MISSING", kind="child", child=child, team=child.team, due_since=on,
                        raised_at=datetime.datetime(2026, 3, 4, tzinfo=datetime.UTC))
    every_kind = {"chronology", "visit", "document", "decision", "case_discussion", "flag"}
    for reader in (social_worker, team_manager, iro):
        assert every_kind <= {entry.kind for entry in timeline.for_child(child, reader)}
    # The other apps' sources scope their entries themselves, even given a child the reader may not see.
    for stranger in (outsider, administrator):
        for source in (open_flags, case_discussions):
            assert not list(source(child, stranger)), source.__name__
