"""The drafts endpoint: a person's own draft of one form on one object, reached only through that form's scope."""
import datetime
import logging
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from drafts import registry, tasks
from drafts.models import Draft
from tests.factories import AssessmentVersionFactory
from traceability.models import AccessLogEntry
from traceability.sensitive import LOGGED_VIEWS

NOW = datetime.datetime(2026, 12, 1, 14, 32, tzinfo=ZoneInfo("Europe/London"))
TYPED = {"analysis": "Needs a calmer morning routine before school.", "identity": "Proud of her heritage."}


@pytest.fixture
def assessment(child):
    return AssessmentVersionFactory(assessment__child=child).assessment  # a draft by the child's worker


def url(assessment, discard=False):
    return reverse("drafts:assessment_discard" if discard else "drafts:assessment", args=[assessment.pk])


def keep(client, user, assessment, data=TYPED):
    client.force_login(user)
    return client.post(url(assessment), data)


@pytest.fixture
def open_to_everyone(monkeypatch):
    """The assessment's drafts reachable by anyone: what then keeps drafts apart is the person alone."""
    monkeypatch.setitem(registry.DRAFTABLE, "assessment", registry.Draftable("assessment", lambda request, pk: None))


@time_machine.travel(NOW, tick=False)
def test_the_author_keeps_a_draft_and_gets_it_back_with_its_time(client, social_worker, assessment):
    assert keep(client, social_worker, assessment).status_code == 200
    draft = client.get(url(assessment)).json()["draft"]
    assert draft["data"] == TYPED
    assert draft["saved_at_text"] == "14:32 on Tuesday 1 December 2026"


def test_a_second_autosave_replaces_the_first(client, social_worker, assessment):
    keep(client, social_worker, assessment)
    keep(client, social_worker, assessment, {"analysis": "Rewritten."})
    assert Draft.objects.get().data == {"analysis": "Rewritten."}


def test_the_csrf_token_is_not_kept_in_the_draft(client, social_worker, assessment):
    keep(client, social_worker, assessment, {**TYPED, "csrfmiddlewaretoken": "x"})
    assert "csrfmiddlewaretoken" not in Draft.objects.get().data


def test_with_no_draft_the_answer_says_none(client, social_worker, assessment):
    client.force_login(social_worker)
    assert client.get(url(assessment)).json() == {"draft": None}


def test_another_persons_draft_is_never_returned(client, social_worker, colleague, assessment, open_to_everyone):
    keep(client, social_worker, assessment)
    client.force_login(colleague)
    assert client.get(url(assessment)).json() == {"draft": None}
    client.post(url(assessment, discard=True))
    assert Draft.objects.filter(user=social_worker).exists()  # nor discarded by them


def test_two_people_keep_separate_drafts_of_one_form(client, social_worker, colleague, assessment, open_to_everyone):
    keep(client, social_worker, assessment)
    keep(client, colleague, assessment, {"analysis": "Mine."})
    assert client.get(url(assessment)).json()["draft"]["data"] == {"analysis": "Mine."}
    client.force_login(social_worker)
    assert client.get(url(assessment)).json()["draft"]["data"] == TYPED


@pytest.mark.parametrize("persona", ["outsider", "team_manager", "colleague"])
def test_outside_the_forms_scope_the_answer_is_404_and_nothing_is_kept(client, request, persona, assessment):
    # The outsider cannot see the child; the manager and the colleague see it but may not write this draft.
    user = request.getfixturevalue(persona)
    client.force_login(user)
    assert client.get(url(assessment)).status_code == 404
    assert client.post(url(assessment), TYPED).status_code == 404
    assert client.post(url(assessment, discard=True)).status_code == 404
    assert not Draft.objects.exists()


def test_a_submitted_version_keeps_no_draft(client, social_worker, child):
    submitted = AssessmentVersionFactory(assessment__child=child, status="submitted", submitted_at=NOW).assessment
    assert keep(client, social_worker, submitted).status_code == 404


def test_signed_out_the_endpoint_sends_to_sign_in(client, assessment):
    assert client.get(url(assessment)).url.startswith(reverse("login"))
    assert client.post(url(assessment), TYPED).url.startswith(reverse("login"))
    assert not Draft.objects.exists()


def test_a_post_without_the_csrf_token_is_refused(social_worker, assessment):
    client = Client(enforce_csrf_checks=True)
    client.force_login(social_worker)
    assert client.post(url(assessment), TYPED).status_code == 403
    assert client.post(url(assessment, discard=True)).status_code == 403
    assert not Draft.objects.exists()


def test_a_post_with_the_csrf_token_is_kept(social_worker, assessment):
    client = Client(enforce_csrf_checks=True)
    client.force_login(social_worker)
    client.get(reverse("edit_version", args=[assessment.pk]))
    token = client.cookies["csrftoken"].value
    assert client.post(url(assessment), {**TYPED, "csrfmiddlewaretoken": token}).status_code == 200
    assert Draft.objects.get().data == TYPED


def test_discarding_deletes_the_draft(client, social_worker, assessment):
    keep(client, social_worker, assessment)
    assert client.post(url(assessment, discard=True)).status_code == 204
    assert not Draft.objects.exists()


def test_a_draft_too_long_to_be_typing_is_refused(client, social_worker, assessment):
    assert keep(client, social_worker, assessment, {"analysis": "x" * 200_001}).status_code == 400
    assert not Draft.objects.exists()


def test_reading_a_draft_is_access_logged_without_its_content(client, social_worker, assessment, caplog):
    keep(client, social_worker, assessment)
    with caplog.at_level(logging.DEBUG):
        client.get(url(assessment))
    entry = AccessLogEntry.objects.get(view_name="drafts:assessment")
    assert (entry.user, entry.kind, entry.object_id) == (social_worker, "assessment", assessment.pk)
    assert TYPED["analysis"] not in caplog.text
    assert TYPED["analysis"] not in str(Draft.objects.get())


def test_every_draftable_form_is_logged_as_the_kind_of_its_object():
    for form, draftable in registry.DRAFTABLE.items():
        logged = LOGGED_VIEWS.get(f"drafts:{form}")
        assert (logged.kind if logged else None) == draftable.kind


class TestExpiry:
    """A draft lives DRAFT_DAYS (14 by default) after its last autosave, then is neither returned nor kept."""

    @pytest.fixture
    def later(self, client, social_worker, assessment):
        """What the author gets back at a later moment (signed in again: the session itself has long expired)."""
        with time_machine.travel(NOW, tick=False):
            keep(client, social_worker, assessment)

        def get(after):
            with time_machine.travel(NOW + after, tick=False):
                client.force_login(social_worker)
                return client.get(url(assessment)).json()["draft"]

        return get

    def test_returned_the_second_before_it_expires(self, later):
        assert later(datetime.timedelta(days=14, seconds=-1)) is not None

    def test_not_returned_once_it_has_expired(self, later):
        assert later(datetime.timedelta(days=14)) is None

    def test_the_expiry_follows_the_setting(self, later, settings):
        settings.DRAFT_DAYS = 2
        assert later(datetime.timedelta(days=2, seconds=-1)) is not None
        assert later(datetime.timedelta(days=2)) is None

    def test_the_daily_purge_deletes_expired_drafts_only(self, later, client, colleague, assessment, open_to_everyone):
        with time_machine.travel(NOW + datetime.timedelta(days=1), tick=False):
            keep(client, colleague, assessment)
        with time_machine.travel(NOW + datetime.timedelta(days=14), tick=False):
            tasks.purge_expired()
        assert list(Draft.objects.values_list("user", flat=True)) == [colleague.pk]
