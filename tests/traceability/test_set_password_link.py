"""An administrator issues a one-time set-password link: the way back in without single sign-on."""
import re

import pytest
import time_machine
from django.urls import reverse

from tests.traceability.test_lockout import RIGHT, sign_in

NEW = "a-brand-new-passphrase-2026"


def issue_link(client, administrator, member):
    client.force_login(administrator)
    response = client.post(reverse("traceability:set_password_link"), {"username": member.username})
    client.logout()
    return re.search(r'id="set-password-link">https?://[^/]+(/[^<]+)<', response.content.decode()).group(1)


def set_password(client, link, password=NEW):
    page = client.get(link, follow=True)  # Django swaps the token into the session, then redirects
    return client.post(page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})


def test_an_administrator_issues_a_link_that_sets_a_new_password_once(client, administrator, social_worker):
    link = issue_link(client, administrator, social_worker)

    assert set_password(client, link).status_code == 302
    social_worker.refresh_from_db()
    assert social_worker.check_password(NEW)
    again = client.get(link, follow=True)
    assert "This link no longer works" in again.content.decode()


def test_the_link_ends_a_lockout(client, administrator, social_worker):
    for attempt in range(5):
        sign_in(client, social_worker, f"wrong-{attempt}")
    link = issue_link(client, administrator, social_worker)
    set_password(client, link)
    assert sign_in(client, social_worker, NEW).status_code == 302


def test_a_weak_password_is_refused_with_a_message(client, administrator, social_worker):
    response = set_password(client, issue_link(client, administrator, social_worker), password="password")
    assert response.status_code == 200
    assert "Error: " in response.content.decode() and "too common" in response.content.decode()
    social_worker.refresh_from_db()
    assert social_worker.check_password(RIGHT)


def test_the_link_expires(client, administrator, social_worker, settings):
    with time_machine.travel("2026-11-23 09:00Z", tick=False):
        link = issue_link(client, administrator, social_worker)
    with time_machine.travel("2026-11-26 09:01Z", tick=False):
        assert "This link no longer works" in client.get(link, follow=True).content.decode()


@pytest.mark.parametrize("persona", ["team_manager", "head_of_service", "social_worker"])
def test_only_an_administrator_issues_links(client, request, persona, colleague):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("traceability:set_password_link"), {"username": colleague.username})
    assert response.status_code == 404


def test_an_unknown_username_is_refused(client, administrator):
    client.force_login(administrator)
    response = client.post(reverse("traceability:set_password_link"), {"username": "nobody"})
    assert "No active staff member has that username" in response.content.decode()
