"""A draft is deleted once its form is saved (and only then, only the saver's); the keep-alive renews the session."""
import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from drafts.models import Draft
from tests.factories import AssessmentVersionFactory

NOW = datetime.datetime(2026, 12, 1, 10, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def version(child):
    return AssessmentVersionFactory(assessment__child=child)


def kept_draft(user, version, form="assessment"):
    return Draft.objects.create(user=user, form=form, object_id=version.assessment_id, data={"analysis": "x"},
                                saved_at=NOW)


def edit_data(version, **changes):
    fields = ["identity", "seen_and_heard", "child_understanding", "life_story", "lived_experience", "analysis"]
    return {**{f: getattr(version, f) for f in fields}, "actions-TOTAL_FORMS": "0", "actions-INITIAL_FORMS": "0",
            "save": "", **changes}


def test_saving_the_form_deletes_the_savers_draft_only(client, social_worker, colleague, version):
    kept_draft(social_worker, version)
    kept_draft(colleague, version)  # a draft somebody else keeps of it is theirs
    Draft.objects.create(user=social_worker, form="audit", object_id=version.assessment_id, data={}, saved_at=NOW)
    client.force_login(social_worker)
    response = client.post(reverse("edit_version", args=[version.assessment_id]), edit_data(version))
    assert response.status_code == 302
    assert sorted(Draft.objects.values_list("user__username", "form")) == [
        (colleague.username, "assessment"), (social_worker.username, "audit")
    ]


def test_a_save_refused_for_its_errors_keeps_the_draft(client, social_worker, version):
    kept_draft(social_worker, version)
    client.force_login(social_worker)
    response = client.post(
        reverse("edit_version", args=[version.assessment_id]), edit_data(version, **{"actions-TOTAL_FORMS": "x"})
    )
    assert response.status_code != 302
    assert Draft.objects.count() == 1


def test_opening_the_form_keeps_the_draft(client, social_worker, version):
    kept_draft(social_worker, version)
    client.force_login(social_worker)
    assert client.get(reverse("edit_version", args=[version.assessment_id])).status_code == 200
    assert Draft.objects.count() == 1


class TestKeepAlive:
    """SESSION_IDLE_MINUTES is 30: the keep-alive at minute 25 carries the session past minute 30."""

    def signed_in_at(self, client, user, minutes):
        with time_machine.travel(NOW + datetime.timedelta(minutes=minutes), tick=False):
            return client.get(reverse("home"))

    def test_idle_for_the_timeout_the_session_has_ended(self, client, social_worker):
        with time_machine.travel(NOW, tick=False):
            client.force_login(social_worker)
        assert self.signed_in_at(client, social_worker, 29).status_code == 200
        response = self.signed_in_at(client, social_worker, 29 + 30)
        assert response.url.startswith(reverse("login"))

    def test_the_keep_alive_renews_the_session(self, client, social_worker):
        with time_machine.travel(NOW, tick=False):
            client.force_login(social_worker)
        with time_machine.travel(NOW + datetime.timedelta(minutes=25), tick=False):
            assert client.post(reverse("drafts:keep_alive")).status_code == 204
        assert self.signed_in_at(client, social_worker, 25 + 29).status_code == 200

    def test_signed_out_the_keep_alive_sends_to_sign_in(self, client):
        assert client.post(reverse("drafts:keep_alive")).url.startswith(reverse("login"))

    def test_the_warning_is_on_every_signed_in_page_with_the_configured_times(self, client, social_worker, settings):
        settings.SESSION_COOKIE_AGE, settings.SESSION_WARNING_SECONDS = 600, 120
        client.force_login(social_worker)
        page = client.get(reverse("home")).content.decode()
        assert 'id="timeout-warning"' in page
        assert 'data-idle-seconds="600" data-warning-seconds="120"' in page

    def test_signed_out_pages_have_no_warning(self, client):
        assert 'id="timeout-warning"' not in client.get(reverse("login")).content.decode()
