"""Sessions end on time and when a user is disabled; pages carry the security headers (SPEC section 7)."""
import datetime
import re
from pathlib import Path

import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse

from traceability.models import UserSession

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_the_idle_timeout_defaults_to_30_minutes_and_is_renewed_by_each_request():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST


def test_a_session_ends_after_the_absolute_limit_however_active(client, social_worker):
    start = datetime.datetime(2026, 11, 23, 8, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        client.post(reverse("login"), {"username": social_worker.username, "password": "a-long-test-password"})
        for _ in range(11 * 4):  # active every 15 minutes for 11 hours
            traveller.shift(datetime.timedelta(minutes=15))
            assert client.get(reverse("home")).status_code == 200
        traveller.shift(datetime.timedelta(hours=1, minutes=1))
        response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_disabling_a_user_ends_their_sessions_at_once(client, social_worker):
    client.post(reverse("login"), {"username": social_worker.username, "password": "a-long-test-password"})
    assert Session.objects.count() == 1 and UserSession.objects.filter(user=social_worker).count() == 1
    social_worker.is_active = False
    social_worker.save()
    assert Session.objects.count() == 0
    assert not UserSession.objects.exists()


def test_signing_out_forgets_the_session(client, social_worker):
    client.post(reverse("login"), {"username": social_worker.username, "password": "a-long-test-password"})
    client.post(reverse("logout"))
    assert not UserSession.objects.exists()


def test_pages_with_personal_data_are_not_stored_by_browsers_or_proxies(client, team_manager, child):
    client.force_login(team_manager)
    response = client.get(reverse("child", args=[child.pk]))
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_pages_carry_a_content_security_policy_without_inline_script_and_refuse_framing(client):
    response = client.get(reverse("login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


def test_no_template_has_inline_script_or_style():
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        if "email" in template.parts:
            continue  # an email's HTML part is never served under the CSP, and email clients read only inline style
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"\sstyle=", text) or "<style" in text:
            offenders.append(str(template.relative_to(TEMPLATES)))
    assert not offenders


def test_cookies_are_http_only_and_secure_in_production():
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY
    # Secure cookies and HSTS under DEBUG=False are asserted by `check --deploy` in tests/test_settings.py.
