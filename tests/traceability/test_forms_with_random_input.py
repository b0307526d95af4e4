"""Random input to every main form: never a server error, and nothing saved unless the form accepted it.

The fields are read from the rendered page (the names the browser would post, date parts and formset
management fields included); hypothesis fills them with text, numbers, bad dates, NUL characters and
markup, and the test compares row counts of every record model before and after.
"""
import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audits.models import AuditStatus
from tests.factories import (
    AssessmentVersionFactory,
    CaseDiscussionFactory,
    CaseFileAuditFactory,
    ManagerPracticeReviewFactory,
    SupervisionSessionFactory,
)

NOW = datetime.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/London"))
RECORD_APPS = ("organisation", "cases", "supervision", "audits", "traceability")
NOT_RECORDS = {"AccessLogEntry", "UserSession"}  # written by every request, by design

NASTY = st.sampled_from([
    "", " ", "0", "-1", "1", "on", "99999999999999999999", "2026-02-30", "31/12/2026", "1900-01-01", "9999-12-31",
    "<script>alert(1)</script>", "' OR 1=1 --", "\x00", "a\x00b", "🙂" * 300, "x" * 5000,
])
VALUE = st.one_of(NASTY, st.text(max_size=200), st.integers().map(str), st.dates().map(str))

# (URL name, world -> URL args, persona, page the form is on if not the URL itself)
FORMS = [
    ("add_record_entry", lambda w: [w["child"].pk, "chronology"], "social_worker", None),
    ("add_record_entry", lambda w: [w["child"].pk, "note"], "social_worker", None),
    ("add_record_entry", lambda w: [w["child"].pk, "document"], "social_worker", None),
    ("add_record_entry", lambda w: [w["child"].pk, "decision"], "team_manager", None),
    ("add_record_entry", lambda w: [w["child"].pk, "meeting"], "social_worker", None),
    ("allocate", lambda w: [w["child"].pk], "team_manager", None),
    ("start_assessment", lambda w: [w["child"].pk], "social_worker", None),
    ("edit_version", lambda w: [w["draft"].pk], "social_worker", None),
    ("review", lambda w: [w["submitted"].pk], "team_manager", None),
    ("supervision:session_start", lambda w: [w["worker"].pk], "team_manager", None),
    ("supervision:contract_new", lambda w: [w["worker"].pk], "team_manager", None),
    ("supervision:observation_new", lambda w: [w["worker"].pk], "team_manager", None),
    ("supervision:appraisal_new", lambda w: [w["worker"].pk], "team_manager", None),
    ("supervision:agenda_add", lambda w: [w["session"].pk], "social_worker", "supervision:session"),
    ("supervision:record", lambda w: [w["session"].pk], "team_manager", None),
    ("supervision:personal", lambda w: [w["session"].pk], "team_manager", None),
    ("supervision:discussion_edit", lambda w: [w["discussion"].pk], "team_manager", None),
    ("supervision:meeting_new", lambda w: [w["team"].pk], "team_manager", None),
    ("audits:edit", lambda w: [w["audit"].pk], "team_manager", None),
    ("audits:add_action", lambda w: [w["completed_audit"].pk], "team_manager", None),
    ("audits:review_edit", lambda w: [w["practice_review"].pk], "head_of_service", None),
    ("audits:programme", lambda w: [], "administrator", None),
    ("traceability:retention", lambda w: [], "administrator", None),
]


@pytest.fixture
def world(child, social_worker, team_manager, head_of_service, team):
    with time_machine.travel(NOW, tick=False):
        session = SupervisionSessionFactory(supervisee=social_worker, date=datetime.date(2026, 11, 19))
        yield {
            "child": child, "worker": social_worker, "team": team, "session": session,
            "draft": AssessmentVersionFactory(assessment__child=child).assessment,
            "submitted": AssessmentVersionFactory(
                assessment__child=child, status="submitted", submitted_at=NOW
            ).assessment,
            "discussion": CaseDiscussionFactory(session=session, child=child),
            "audit": CaseFileAuditFactory(child=child, auditor=team_manager),
            "completed_audit": CaseFileAuditFactory(
                child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade="good"
            ),
            "practice_review": ManagerPracticeReviewFactory(manager=team_manager, reviewer=head_of_service),
        }


def record_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in RECORD_APPS and model.__name__ not in NOT_RECORDS
    }


def field_names(html):
    """The names a browser would post: every input, select and textarea but the CSRF token and buttons."""
    names = re.findall(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', html)
    buttons = set(re.findall(r'<(?:input|button)\b[^>]*type="submit"[^>]*\bname="([^"]+)"', html))
    return sorted(set(names) - {"csrfmiddlewaretoken"} - buttons), sorted(buttons)


@pytest.mark.parametrize(("name", "args", "persona", "page"), FORMS, ids=[f"{f[0]}:{i}" for i, f in enumerate(FORMS)])
def test_random_input_never_breaks_a_form_or_half_saves(client, request, world, name, args, persona, page):
    client.force_login(request.getfixturevalue(persona))
    url = reverse(name, args=args(world))
    with time_machine.travel(NOW, tick=False):
        form_page = client.get(reverse(page, args=args(world)) if page else url)
    assert form_page.status_code == 200
    names, buttons = field_names(form_page.content.decode())
    assert names, f"no fields found on {name}"

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(data=st.fixed_dictionaries({field: VALUE for field in names}), button=st.sampled_from(buttons or [""]))
    def post_random_input(data, button):
        before = record_counts()
        with time_machine.travel(NOW, tick=False):
            response = client.post(url, {**data, button: ""} if button else data)
        assert response.status_code < 500
        # Accepted: a redirect, or a sub-form's page shown again with the main form as typed and a success banner.
        accepted = response.status_code == 302 or b"govuk-notification-banner--success" in response.content
        if not accepted:
            assert record_counts() == before, f"{name} saved something from input it refused"

    post_random_input()


def test_a_refused_form_says_what_to_fix(client, social_worker, child):
    client.force_login(social_worker)
    response = client.post(reverse("add_record_entry", args=[child.pk, "chronology"]), {"occurred_on": "2026-02-30"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "Enter a valid date" in page
    assert not child.chronology.exists()
