"""Hostile input to every form: never a server error, and nothing saved unless the form accepted it.

The fields are read from the rendered page (the names the browser would post, date parts and formset
management fields included); hypothesis fills them with text, numbers, huge years and impossible dates,
control characters, strings longer than any column, several values where one is expected, and leaves
fields out; the test compares row counts of every record model before and after. Filter forms read from
the query string get the same. The number of requests made is printed at the end of the run.
"""
import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.db import connection
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audits.models import AuditStatus
from tests.compliance.test_access import child_flag
from tests.factories import (
    AssessmentVersionFactory,
    CaseDiscussionFactory,
    CaseFileAuditFactory,
    CorrectiveActionFactory,
    ManagerMeetingFactory,
    ManagerPracticeReviewFactory,
    ObjectiveFactory,
    PreProceedingsFactory,
    SupervisionSessionFactory,
    TeamMeetingFactory,
)

NOW = datetime.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/London"))
RECORD_APPS = ("organisation", "cases", "supervision", "audits", "traceability", "compliance")
NOT_RECORDS = {"AccessLogEntry", "UserSession"}  # written by every request, by design

NASTY = st.sampled_from([
    "", " ", "0", "-1", "1", "on", "99999999999999999999", "2026-02-30", "31/12/2026", "1900-01-01", "9999-12-31",
    "0001-01-01", "99999999999-01-01", "<script>alert(1)</script>", "' OR 1=1 --", "\x00", "a\x00b", "\r\n\t",
    "=HYPERLINK(\"http://x\")", "🙂" * 300, "x" * 256, "x" * 5000, "x" * 30000, "1e309", "NaN", "-0", "[]", "{}",
])
CONTROL = st.text(st.characters(codec="utf-8", categories=["Cc", "Cs", "Co"]), min_size=1, max_size=20)
SCALAR = st.one_of(NASTY, st.text(max_size=300), CONTROL, st.integers().map(str), st.dates().map(str))
# Several values for one name (a browser sends one): Django reads the last, a form must not choke on it.
VALUE = st.one_of(SCALAR, st.lists(SCALAR, min_size=2, max_size=3))
# Day, month and year boxes: mostly numbers, so that real, impossible and implausible dates all come up.
DATE_PART = st.one_of(
    st.sampled_from(["1", "28", "29", "31", "12", "13", "0", "1899", "1900", "2026", "2029", "9999", "99999999999"]),
    st.integers(min_value=-10, max_value=10**30).map(str), SCALAR,
)
EXAMPLES = 40

# (URL name, world -> URL args, persona, page the form is on if not the URL itself)
FORMS = [
    ("add_record_entry", lambda w: [w["child"].pk, "chronology"], "social_worker", None),
    ("add_record_entry", lambda w: [w["child"].pk, "note"], "social_worker", None),
    ("add_record_entry", lambda w: [w["child"].pk, "document"], "social_worker", None),
    ("add_record_entry", lambda w: [w["child"].pk, "decision"], "team_manager", None),
    ("add_record_entry", lambda w: [w["child"].pk, "meeting"], "social_worker", None),
    ("add_record_entry", lambda w: [w["child"].pk, "pre_proceedings"], "social_worker", None),
    ("meeting_attendance", lambda w: [w["child"].pk, w["conference"].pk], "team_manager", None),
    ("pre_proceedings_fgdm", lambda w: [w["child"].pk, w["pre_proceedings"].pk], "social_worker", None),
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
    ("supervision:leadership_new", lambda w: [], "head_of_service", None),
    ("audits:edit", lambda w: [w["audit"].pk], "team_manager", None),
    ("audits:self_check_start", lambda w: [w["child"].pk], "social_worker", None),
    ("audits:add_action", lambda w: [w["completed_audit"].pk], "team_manager", None),
    ("audits:review_edit", lambda w: [w["practice_review"].pk], "head_of_service", None),
    ("audits:programme", lambda w: [], "administrator", None),
    ("traceability:retention", lambda w: [], "administrator", None),
    ("supervision:notes", lambda w: [w["session"].pk], "social_worker", "supervision:session"),
    ("supervision:cancel", lambda w: [w["session"].pk], "team_manager", None),
    ("supervision:discussion_add", lambda w: [w["session"].pk], "team_manager", "supervision:session"),
    ("supervision:session_action_add", lambda w: [w["session"].pk], "team_manager", "supervision:session"),
    ("supervision:discussion_action_add", lambda w: [w["discussion"].pk], "team_manager",
     "supervision:discussion_edit"),
    ("supervision:meeting_edit", lambda w: [w["meeting"].pk], "team_manager", None),
    ("supervision:meeting_action_add", lambda w: [w["meeting"].pk], "team_manager", "supervision:meeting"),
    ("audits:respond", lambda w: [w["completed_audit"].pk], "social_worker", None),
    ("audits:told", lambda w: [w["completed_audit"].pk], "team_manager", None),
    ("audits:action", lambda w: [w["corrective_action"].pk], "team_manager", None),
    ("compliance:standard_edit", lambda w: ["SUP-FREQ"], "administrator", None),
    ("sign_off_setting_edit", lambda w: ["court_statement"], "administrator", None),
    ("compliance:flag_plan", lambda w: [w["flag"].pk], "social_worker", None),
    ("returns:export", lambda w: [], "administrator", "returns:imports"),
    ("supervision:objective_new", lambda w: [w["worker"].pk], "team_manager", None),
    ("supervision:team_objective_new", lambda w: [w["team"].pk], "team_manager", None),
    ("supervision:objective_review", lambda w: [w["session"].pk, w["objective"].pk], "team_manager", None),
    ("supervision:support_new", lambda w: [w["worker"].pk], "team_manager", None),
    ("supervision:training_new", lambda w: [w["worker"].pk], "team_manager", None),
    ("supervision:induction", lambda w: [w["worker"].pk], "team_manager", None),
    ("supervision:cpd_new", lambda w: [], "social_worker", None),
    ("people:leaver", lambda w: [w["worker"].pk], "administrator", None),
    ("login", lambda w: [], None, None),
]
# Filter forms, read from the query string.
QUERY_FORMS = [
    ("audits:list", "team_manager"),
    ("compliance:flags", "team_manager"),
    ("compliance:team_actions", "team_manager"),
    ("traceability:access_log", "administrator"),
    ("dashboards:breaches", "head_of_service"),
    ("dashboards:teams", "head_of_service"),
]


@pytest.fixture
def world(child, social_worker, team_manager, head_of_service, team):
    with time_machine.travel(NOW, tick=False):
        session = SupervisionSessionFactory(supervisee=social_worker, date=datetime.date(2026, 11, 19))
        completed_audit = CaseFileAuditFactory(
            child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade="good"
        )
        yield {
            "child": child, "worker": social_worker, "team": team, "session": session,
            "draft": AssessmentVersionFactory(assessment__child=child).assessment,
            "submitted": AssessmentVersionFactory(
                assessment__child=child, status="submitted", submitted_at=NOW
            ).assessment,
            "discussion": CaseDiscussionFactory(session=session, child=child),
            "audit": CaseFileAuditFactory(child=child, auditor=team_manager),
            "completed_audit": completed_audit,
            "practice_review": ManagerPracticeReviewFactory(manager=team_manager, reviewer=head_of_service),
            "meeting": TeamMeetingFactory(team=team, chair=team_manager),
            "corrective_action": CorrectiveActionFactory(audit=completed_audit, owner=social_worker),
            "flag": child_flag(child),
            "objective": ObjectiveFactory(staff=social_worker),
            "conference": ManagerMeetingFactory(
                child=child, manager=team_manager, held_on=datetime.date(2026, 11, 20), manager_attended=False,
                attendance_confirmed_at=None,
            ),
            "pre_proceedings": PreProceedingsFactory(child=child),
        }


def record_counts():
    """Rows in every record table, read in one query (the fuzz makes a thousand posts)."""
    tables = sorted(
        model._meta.db_table for model in apps.get_models()
        if model._meta.app_label in RECORD_APPS and model.__name__ not in NOT_RECORDS
    )
    counts = ", ".join(f'(SELECT count(*) FROM "{table}")' for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")  # nosec B608: table names from the models, no input
        return dict(zip(tables, cursor.fetchone(), strict=True))


def field_names(html):
    """The names a browser would post: every input, select and textarea but the CSRF token and buttons."""
    names = re.findall(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"', html)
    buttons = set(re.findall(r'<(?:input|button)\b[^>]*type="submit"[^>]*\bname="([^"]+)"', html))
    return sorted(set(names) - {"csrfmiddlewaretoken"} - buttons), sorted(buttons)


def hostile(names):
    """Every field, each perhaps left out; date boxes get mostly numbers."""
    return st.fixed_dictionaries({}, optional={
        field: DATE_PART if re.search(r"_[012]$", field) else VALUE for field in names
    })


@pytest.mark.parametrize(("name", "args", "persona", "page"), FORMS, ids=[f"{f[0]}:{i}" for i, f in enumerate(FORMS)])
def test_random_input_never_breaks_a_form_or_half_saves(client, request, world, name, args, persona, page, fuzz_count):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    url = reverse(name, args=args(world))
    with time_machine.travel(NOW, tick=False):
        form_page = client.get(reverse(page, args=args(world)) if page else url)
    assert form_page.status_code == 200
    names, buttons = field_names(form_page.content.decode())
    assert names, f"no fields found on {name}"

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(data=hostile(names), button=st.sampled_from(buttons or [""]))
    def post_random_input(data, button):
        before = record_counts()
        with time_machine.travel(NOW, tick=False):
            response = client.post(url, {**data, button: ""} if button else data)
        fuzz_count.append(response.status_code)
        assert response.status_code < 500
        # Accepted: a redirect, or a sub-form's page shown again with the main form as typed and a success banner.
        accepted = response.status_code == 302 or b"govuk-notification-banner--success" in response.content
        if not accepted:
            assert record_counts() == before, f"{name} saved something from input it refused"

    post_random_input()


@pytest.mark.parametrize(("name", "persona"), QUERY_FORMS)
def test_random_filters_never_break_a_page(client, request, world, name, persona, fuzz_count):
    client.force_login(request.getfixturevalue(persona))
    url = reverse(name, args=["SUP-FREQ"] if name == "dashboards:breaches" else [])
    with time_machine.travel(NOW, tick=False):
        page = client.get(url)
    assert page.status_code == 200
    names = field_names(page.content.decode())[0] + ["export", "format", "page"]

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(data=hostile(names))
    def get_random_filters(data):
        with time_machine.travel(NOW, tick=False):
            response = client.get(url, data)
        fuzz_count.append(response.status_code)
        assert response.status_code < 500

    get_random_filters()


def test_a_refused_form_says_what_to_fix(client, social_worker, child):
    client.force_login(social_worker)
    response = client.post(reverse("add_record_entry", args=[child.pk, "chronology"]), {"occurred_on": "2026-02-30"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "Enter a valid date" in page
    assert not child.chronology.exists()
