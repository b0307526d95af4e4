"""A sub-form's POST carries the main form's typed values: shown again, never saved by the sub-form."""
import pytest
from django.urls import reverse

from tests.factories import CaseDiscussionFactory, SupervisionSessionFactory

TYPED = {
    "purpose": "Complete the child and family assessment.",
    "expectations": "Visit fortnightly at home.",
    "contingency": "If no access, return within 24 hours.",
    "discussion": "Typed but not yet saved: school says attendance is up to 92 percent.",
    "decision": "Step down to early help once the assessment is signed off.",
    "rationale": "Attendance and the home visits show the risks have reduced.",
}


@pytest.fixture
def discussion(social_worker, child):
    return CaseDiscussionFactory(session=SupervisionSessionFactory(supervisee=social_worker), child=child)


def action(owner, **changes):
    return {"what": "See the child alone at school", "owner": owner.pk, "due_on_0": "4", "due_on_1": "12",
            "due_on_2": "2026", **changes}


def add_action(client, discussion, data):
    client.force_login(discussion.session.supervisor)
    return client.post(reverse("supervision:discussion_action_add", args=[discussion.pk]), data)


def test_adding_an_action_shows_the_discussion_as_typed_and_saves_only_the_action(client, discussion, social_worker):
    response = add_action(client, discussion, {**TYPED, **action(social_worker)})
    assert response.status_code == 200
    page = response.content.decode()
    for text in TYPED.values():
        assert text in page
    assert "Your changes to the discussion are not saved yet." in page
    discussion.refresh_from_db()
    assert discussion.discussion == "Assessment on track; school reports better attendance."
    assert discussion.decision == ""
    assert discussion.actions.get().what == "See the child alone at school"


def test_an_action_with_errors_keeps_the_discussion_as_typed_and_saves_nothing(client, discussion, social_worker):
    response = add_action(client, discussion, {**TYPED, **action(social_worker, due_on_0="31", due_on_1="2")})
    assert response.status_code == 400
    assert TYPED["discussion"] in response.content.decode()
    discussion.refresh_from_db()
    assert (discussion.discussion, discussion.actions.count()) == (
        "Assessment on track; school reports better attendance.", 0
    )


def test_an_invalid_discussion_is_not_saved_by_adding_an_action(client, discussion, social_worker):
    # A decision without its rationale cannot be saved; the action still can, and the decision stays typed.
    response = add_action(client, discussion, {**TYPED, "rationale": "", **action(social_worker)})
    assert response.status_code == 200
    assert TYPED["decision"] in response.content.decode()
    discussion.refresh_from_db()
    assert discussion.decision == ""


def test_with_nothing_typed_adding_an_action_returns_to_the_page(client, discussion, social_worker):
    unchanged = {name: getattr(discussion, name) for name in TYPED}
    response = add_action(client, discussion, {**unchanged, **action(social_worker)})
    assert response.url == reverse("supervision:discussion_edit", args=[discussion.pk])


def test_the_page_posts_the_discussion_with_the_action(client, discussion):
    client.force_login(discussion.session.supervisor)
    edit = reverse("supervision:discussion_edit", args=[discussion.pk])
    page = client.get(edit).content.decode()
    form = page[page.index(f'<form method="post" action="{edit}"'):]
    form = form[:form.index("</form>")]
    assert 'name="discussion"' in form and 'name="what"' in form
    assert f'formaction="{reverse("supervision:discussion_action_add", args=[discussion.pk])}"' in form
    # "Add the action" comes first: Enter in the action's date is an add, not a save.
    assert form.index(">Add the action<") < form.index(">Save the case discussion<")


def test_saving_the_discussion_still_saves_it(client, discussion):
    client.force_login(discussion.session.supervisor)
    response = client.post(reverse("supervision:discussion_edit", args=[discussion.pk]), TYPED)
    assert response.status_code == 302
    discussion.refresh_from_db()
    assert discussion.discussion == TYPED["discussion"]



class TestSupervisionSession:
    """The supervisee's session page: adding an agenda item keeps their preparation and reflection as typed."""

    @pytest.fixture
    def session(self, social_worker):
        return SupervisionSessionFactory(supervisee=social_worker)

    def add_item(self, client, session, **data):
        client.force_login(session.supervisee)
        return client.post(reverse("supervision:agenda_add", args=[session.pk]), data)

    def test_adding_an_item_shows_the_notes_as_typed_and_saves_only_the_item(self, client, session):
        notes = {"preparation": "I want to talk about the court statement.", "reflection": ""}
        response = self.add_item(client, session, text="Court statement", **notes)
        assert response.status_code == 200
        assert notes["preparation"] in response.content.decode()
        session.refresh_from_db()
        assert session.preparation == ""
        assert session.agenda_items.get().text == "Court statement"

    def test_an_empty_item_keeps_the_notes_as_typed(self, client, session):
        response = self.add_item(client, session, text="", preparation="Typed.", reflection="")
        assert response.status_code == 400
        assert "Typed." in response.content.decode()
        assert not session.agenda_items.exists()

    def test_with_the_notes_unchanged_it_returns_to_the_session(self, client, session):
        response = self.add_item(client, session, text="Court statement", preparation="", reflection="")
        assert response.url == session.get_absolute_url()

    def test_the_supervisor_adding_an_item_is_shown_no_notes_form(self, client, session):
        client.force_login(session.supervisor)
        response = client.post(reverse("supervision:agenda_add", args=[session.pk]),
                               {"text": "", "preparation": "Not theirs to write."})
        assert response.status_code == 400
        assert "Not theirs to write." not in response.content.decode()
