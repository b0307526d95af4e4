"""Case discussions on the child's record (W 4), through the cases timeline registry."""
import datetime

from cases import timeline
from supervision.timeline import case_discussions
from tests.factories import CaseDiscussionFactory, SupervisionSessionFactory


def test_case_discussions_are_a_timeline_kind():
    assert ("case_discussion", "Case discussions") in timeline.kinds()
    assert case_discussions in timeline._sources


def test_a_filed_discussion_is_an_entry_with_its_w3_items(social_worker, team_manager, child, monday):
    session = SupervisionSessionFactory(supervisee=social_worker, date=datetime.date(2026, 11, 16))
    discussion = CaseDiscussionFactory(
        session=session, child=child, filed_at=monday, decision="Step down.", rationale="Risks reduced."
    )
    discussion.actions.create(what="Update the plan", owner=social_worker, due_on=datetime.date(2026, 12, 1))
    [entry] = [e for e in timeline.for_child(child, team_manager) if e.kind == "case_discussion"]
    details = dict(entry.details)
    assert entry.on == datetime.date(2026, 11, 16)
    assert entry.author == team_manager and entry.manager_entry
    assert entry.body == discussion.discussion
    assert details["Purpose of allocation"] == discussion.purpose
    assert details["Decision"] == "Step down."
    assert "Update the plan" in details["Actions"]
    assert details["Filed on the record"] == "23 November 2026"
    assert entry.tags == (("Filed late", "red"),)  # due Wednesday 18 November
    assert entry.url == discussion.get_absolute_url()


def test_the_timeline_source_applies_the_viewers_scope(social_worker, child, outsider, administrator, monday):
    CaseDiscussionFactory(session__supervisee=social_worker, child=child, filed_at=monday)
    assert list(case_discussions(child, social_worker))
    assert not list(case_discussions(child, outsider))
    assert not list(case_discussions(child, administrator))
