"""Every URL in the project x every persona, with in-scope and out-of-scope objects (SPEC section 7).

MATRIX says, per URL name, what each persona gets: 200, a redirect after a POST (302),
404 (out of scope: existence not revealed), 403, 405, or "login" (sent to sign in).
Supervision and audits keep their own tables (tests/supervision/test_access.py,
tests/audits/test_access.py); they are read from there, not copied.

A URL pattern without an entry fails `test_every_url_is_in_the_matrix`, naming it.
To add one: add `"name": Entry(args, expected)` to the app's table below (or to the
app's own table that is merged in), with `only(200, ...)` for the personas in scope,
and say whether it is logged: a page showing a child's record, assessment, plan,
audit or personal supervision file goes in traceability/sensitive.py LOGGED_VIEWS,
anything else in NOT_LOGGED below with the reason.
"""
import datetime
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.http import HttpResponse
from django.test import override_settings
from django.urls import URLResolver, get_resolver, path, reverse

from audits.models import AuditStatus
from cases.models import AssessmentVersion, Grade
from drafts.registry import DRAFTABLE
from oversight.urls import urlpatterns as project_urlpatterns
from returns.models import ImportBatch
from supervision.models import SupervisionSession
from tests.audits import test_access as audits_access
from tests.compliance import test_access as compliance_access
from tests.compliance.dashboards import test_access as dashboards_access
from tests.factories import (
    AllocationFactory,
    AssessmentVersionFactory,
    CaseDiscussionFactory,
    CaseFileAuditFactory,
    CorrectiveActionFactory,
    ManagerMeetingFactory,
    ManagerPracticeReviewFactory,
    NotificationFactory,
    ObjectiveFactory,
    PersonalSectionFactory,
    PreProceedingsFactory,
    SupervisionContractFactory,
    SupervisionSessionFactory,
    SupportRecordFactory,
    TeamMeetingFactory,
)
from tests.organisation import test_scoping as scoping
from tests.returns import test_access as returns_access
from tests.supervision import test_access as supervision_access
from traceability.models import AccessLogEntry, Action, LegalHold
from traceability.sensitive import LOGGED_VIEWS

NOW = datetime.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/London"))  # a Monday
ANONYMOUS = None
PERSONAS = [
    "social_worker", "colleague", "team_manager", "head_of_service", "director",
    "iro", "administrator", "outsider", "other_manager", ANONYMOUS,
]
SIGNED_IN = [p for p in PERSONAS if p]
# Never walked: Django's admin has its own permission checks (is_staff), and unnamed static serving.
EXCLUDED_NAMESPACES = {"admin"}
# Present only when OIDC_ENABLED (tests run with it off).
OPTIONAL = {"oidc_authentication_init", "oidc_authentication_callback"}


def only(status, *personas):
    """`status` for the personas named, 404 for every other signed-in persona, anonymous sent to sign in."""
    return {p: (status if p in personas else 404) for p in SIGNED_IN} | {ANONYMOUS: "login"}


def every(status):
    return {p: status for p in SIGNED_IN} | {ANONYMOUS: "login"}


@dataclass
class Entry:
    args: Any  # world -> URL arguments
    expected: dict
    method: str = "get"
    data: Any = None  # POST data (stand-ins resolved by the supervision table's resolver)
    other: tuple | None = None  # (world -> arguments of an out-of-scope object, expected)


CHILD_READERS = ("social_worker", "team_manager", "head_of_service", "director", "iro")
CHILD_WRITERS = ("social_worker", "team_manager", "head_of_service", "director")
CHILD_MANAGERS = ("team_manager", "head_of_service", "director")
OTHER_CHILD_MANAGERS = ("director", "other_manager")
OTHER_CHILD_READERS = ("director", "outsider", "other_manager")

CORE = {
    "login": Entry(lambda w: [], {p: 200 for p in PERSONAS}),
    "logout": Entry(lambda w: [], {p: "login" for p in PERSONAS}, method="post", data={}),
    "home": Entry(lambda w: [], every(200)),
    "child": Entry(
        lambda w: [w["child"].pk], scoping.CHILD_PAGE,
        other=(lambda w: [w["other_child"].pk], scoping.OTHER_CHILD_PAGE),
    ),
    "child_print": Entry(
        lambda w: [w["child"].pk], scoping.CHILD_PAGE,
        other=(lambda w: [w["other_child"].pk], scoping.OTHER_CHILD_PAGE),
    ),
    "add_record_entry": Entry(
        lambda w: [w["child"].pk, "chronology"], only(200, *CHILD_WRITERS),
        other=(lambda w: [w["other_child"].pk, "note"], only(200, "director", "outsider", "other_manager")),
    ),
    # The manager named for a conference alone confirms their attendance (K 6): 404 for everyone else.
    "meeting_attendance": Entry(lambda w: [w["child"].pk, w["conference"].pk], only(200, "team_manager")),
    "pre_proceedings_fgdm": Entry(
        lambda w: [w["child"].pk, w["pre_proceedings"].pk], only(200, *CHILD_WRITERS),
        other=(lambda w: [w["other_child"].pk, w["other_pre_proceedings"].pk],
               only(200, "director", "outsider", "other_manager")),
    ),
    "allocate": Entry(
        lambda w: [w["child"].pk], only(200, *CHILD_MANAGERS),
        other=(lambda w: [w["other_child"].pk], only(200, *OTHER_CHILD_MANAGERS)),
    ),
    "acknowledge_allocation": Entry(lambda w: [w["child"].pk], only(302, "social_worker"), method="post", data={}),
    "start_assessment": Entry(lambda w: [w["child"].pk], only(200, *CHILD_WRITERS)),
    "assessment": Entry(
        lambda w: [w["draft_assessment"].pk], only(200, *CHILD_READERS),
        other=(lambda w: [w["other_assessment"].pk], only(200, *OTHER_CHILD_READERS)),
    ),
    # Only the author edits a draft; other readers are sent back to the assessment.
    "edit_version": Entry(
        lambda w: [w["draft_assessment"].pk], only(302, *CHILD_READERS) | {"social_worker": 200}
    ),
    # A draft is already open, so asking for a new version is refused with a message on the assessment.
    "new_version": Entry(lambda w: [w["draft_assessment"].pk], only(302, *CHILD_WRITERS), method="post", data={}),
    "review": Entry(
        lambda w: [w["submitted_assessment"].pk], only(200, *CHILD_MANAGERS),
        other=(lambda w: [w["other_assessment"].pk], only(200, *OTHER_CHILD_MANAGERS)),
    ),
    "awaiting_sign_off": Entry(lambda w: [], only(200, *CHILD_MANAGERS, "other_manager")),
    # Which work needs sign-off, and what is affirmed of it: administrators' settings.
    "sign_off_settings": Entry(lambda w: [], only(200, "administrator")),
    "sign_off_setting_edit": Entry(lambda w: ["court_statement"], only(200, "administrator")),
    # Everyone may search; each finds only the children in their own scope (tests/cases/test_search.py).
    "search": Entry(lambda w: [], every(200)),
    "staff": Entry(
        lambda w: [w["worker"].pk], scoping.SOCIAL_WORKER_STAFF_PAGE,
        other=(lambda w: [w["outsider"].pk], only(200, "director", "administrator", "outsider", "other_manager")),
    ),
    "team": Entry(
        lambda w: [w["team"].pk], scoping.TEAM_PAGE,
        other=(lambda w: [w["other_team"].pk], only(200, "director", "other_manager")),
    ),
    # Everyone has their own notifications; opening one is for its recipient only (it redirects to its link).
    "notifications": Entry(lambda w: [], every(200)),
    "notification": Entry(lambda w: [w["notification"].pk], only(302, "social_worker")),
    "notifications_read_all": Entry(lambda w: [], every(302), method="post", data={}),
}

TRACEABILITY = {
    "traceability:access_log": Entry(lambda w: [], only(200, "administrator")),
    "traceability:record_history": Entry(
        lambda w: [w["child"].pk], only(200, *CHILD_MANAGERS),
        other=(lambda w: [w["other_child"].pk], only(200, *OTHER_CHILD_MANAGERS)),
    ),
    "traceability:retention": Entry(lambda w: [], only(200, "administrator")),
    "traceability:dispose": Entry(lambda w: [], only(302, "administrator"), method="post", data={}),
    "traceability:lift_hold": Entry(lambda w: [w["hold"].pk], only(302, "administrator"), method="post", data={}),
    "traceability:set_password_link": Entry(lambda w: [], only(200, "administrator")),
    # The link's own page: anyone holding a link, signed in or not; a wrong token shows "no longer works".
    "traceability:set_password": Entry(lambda w: ["MQ", "not-a-token"], {p: 200 for p in PERSONAS}),
}

SUPERVISION = {
    f"supervision:{name}": Entry(args, expected, method=method, data=data)
    for name, (method, args, data, expected) in supervision_access.MATRIX.items()
}
SUPERVISION["supervision:staff"].other = (
    lambda w: [w["outsider"].pk], only(200, "director", "outsider", "other_manager")
)

AUDITS = {f"audits:{name}": Entry(args, expected) for name, (args, expected) in audits_access.MATRIX.items()}
AUDITS["audits:start"].other = (lambda w: [w["other_child"].pk], audits_access.OTHER_CHILD["start"])
AUDITS["audits:detail"].other = (lambda w: [w["other_audit"].pk], audits_access.OTHER_CHILD["detail"])


MEETING_EDITORS = supervision_access.MATRIX["meeting_edit"][3]
# A draft answers exactly as its form's page does; only its author gets it (the other personas: 404).
DRAFTS = {
    "drafts:keep_alive": Entry(lambda w: [], every(204), method="post", data={}),
    "drafts:assessment": Entry(lambda w: [w["draft_assessment"].pk], only(200, "social_worker")),
    "drafts:assessment_discard": Entry(
        lambda w: [w["draft_assessment"].pk], only(204, "social_worker"), method="post", data={}
    ),
    "drafts:case_discussion": Entry(lambda w: [w["open_discussion"].pk], only(200, "team_manager")),
    "drafts:case_discussion_discard": Entry(
        lambda w: [w["open_discussion"].pk], only(204, "team_manager"), method="post", data={}
    ),
    "drafts:session_record": Entry(lambda w: [w["planned"].pk], only(200, "team_manager")),
    "drafts:session_record_discard": Entry(
        lambda w: [w["planned"].pk], only(204, "team_manager"), method="post", data={}
    ),
    "drafts:session_notes": Entry(lambda w: [w["planned"].pk], only(200, "social_worker")),
    "drafts:session_notes_discard": Entry(
        lambda w: [w["planned"].pk], only(204, "social_worker"), method="post", data={}
    ),
    "drafts:audit": Entry(lambda w: [w["draft"].pk], only(200, "team_manager")),
    "drafts:audit_discard": Entry(lambda w: [w["draft"].pk], only(204, "team_manager"), method="post", data={}),
    # Whoever may edit the meeting's minutes (the managers over the team) keeps a draft of them.
    "drafts:team_meeting": Entry(lambda w: [w["meeting"].pk], MEETING_EDITORS),
    "drafts:team_meeting_discard": Entry(
        lambda w: [w["meeting"].pk], {p: 204 if s == 200 else s for p, s in MEETING_EDITORS.items()},
        method="post", data={},
    ),
}


def merged(namespace, table):
    """An app's own access table, (args, expected) by URL name, as entries of this matrix."""
    return {f"{namespace}:{name}": Entry(args, expected) for name, (args, expected) in table.items()}


RETURNS = merged("returns", returns_access.MATRIX)
COMPLIANCE = merged("compliance", compliance_access.MATRIX)
COMPLIANCE["compliance:flag_plan"].other = (
    lambda w: [w["other_flag"].pk], only(200, "director", "outsider", "other_manager")
)
DASHBOARDS = merged("dashboards", dashboards_access.MATRIX)
DASHBOARDS["dashboards:report"].other = dashboards_access.OTHER_SERVICE["report"]

ORGANISATION = {
    "organisation:staff": Entry(lambda w: [], only(200, "administrator")),
    "organisation:staff_add": Entry(lambda w: [], only(200, "administrator")),
    "organisation:staff_change": Entry(lambda w: [w["worker"].pk], only(200, "administrator")),
    "organisation:teams": Entry(lambda w: [], only(200, "administrator")),
    "organisation:team_add": Entry(lambda w: [], only(200, "administrator")),
    "organisation:team_change": Entry(lambda w: [w["team"].pk], only(200, "administrator")),
    "organisation:digest_frequency": Entry(lambda w: [], every(200)),
    "people:leaver": Entry(lambda w: [w["worker"].pk], only(200, "administrator")),
}

MATRIX = CORE | ORGANISATION | TRACEABILITY | SUPERVISION | AUDITS | RETURNS | COMPLIANCE | DASHBOARDS | DRAFTS

# Pages that are not access-logged, and why. Everything else a signed-in user can GET is in LOGGED_VIEWS.
FORM_OR_ACTION = "a form or an action: what it changes is in the record history"
LIST = "a list or dashboard: names and dates, not the content of a record"
NOT_LOGGED = {
    "login": "sign-in events are logged by signal",
    "logout": "sign-out events are logged by signal",
    "home": LIST,
    "awaiting_sign_off": LIST,
    "sign_off_settings": "settings",
    "sign_off_setting_edit": "settings",
    "search": LIST,
    "notifications": "the user's own notifications: sentences with identifiers, no record's content",
    "notification": "marks a notification read and redirects; the page it leads to logs itself",
    "notifications_read_all": FORM_OR_ACTION,
    "organisation:staff": "staff accounts: no child's record",
    "organisation:staff_add": FORM_OR_ACTION,
    "organisation:staff_change": FORM_OR_ACTION,
    "organisation:digest_frequency": "the user's own digest setting: no record",
    "organisation:teams": LIST,
    "organisation:team_add": FORM_OR_ACTION,
    "organisation:team_change": FORM_OR_ACTION,
    "people:leaver": "a form: children by local identifier only, and what it changes is in the record history",
    "staff": "a staff member's work details and caseload, not the personal supervision file",
    "team": LIST,
    "add_record_entry": FORM_OR_ACTION,
    "meeting_attendance": FORM_OR_ACTION,
    "pre_proceedings_fgdm": FORM_OR_ACTION,
    "allocate": FORM_OR_ACTION,
    "acknowledge_allocation": FORM_OR_ACTION,
    "start_assessment": FORM_OR_ACTION,
    "new_version": FORM_OR_ACTION,
    "traceability:access_log": "the log itself: identifiers only",
    "traceability:retention": "identifiers and dates of closed records only",
    "traceability:dispose": FORM_OR_ACTION,
    "traceability:lift_hold": FORM_OR_ACTION,
    "traceability:set_password_link": FORM_OR_ACTION,
    "traceability:set_password": FORM_OR_ACTION,
    "supervision:mine": LIST,
    "supervision:team": LIST,
    "supervision:meetings": LIST,
    "supervision:meeting": "team meeting minutes: no child's record or personal file",
    "supervision:meeting_edit": FORM_OR_ACTION,
    "supervision:meeting_new": FORM_OR_ACTION,
    "supervision:meeting_action_add": FORM_OR_ACTION,
    "supervision:leadership": "leaders' visits to teams: dates, teams and notes, no child's record or personal file",
    "supervision:leadership_new": FORM_OR_ACTION,
    "supervision:session_start": FORM_OR_ACTION,
    "supervision:contract_new": FORM_OR_ACTION,
    "supervision:changed_role": FORM_OR_ACTION,
    "supervision:contract_sign": FORM_OR_ACTION,
    "supervision:observation_new": FORM_OR_ACTION,
    "supervision:appraisal_new": FORM_OR_ACTION,
    "supervision:agenda_add": FORM_OR_ACTION,
    "supervision:notes": FORM_OR_ACTION,
    "supervision:acknowledge": FORM_OR_ACTION,
    "supervision:cancel": FORM_OR_ACTION,
    "supervision:complete": FORM_OR_ACTION,
    "supervision:discussion_add": FORM_OR_ACTION,
    "supervision:session_action_add": FORM_OR_ACTION,
    "supervision:discussion_action_add": FORM_OR_ACTION,
    "supervision:discussion_file": FORM_OR_ACTION,
    "supervision:discussion_remove": FORM_OR_ACTION,
    "supervision:objective_new": FORM_OR_ACTION,
    "supervision:team_objective_new": FORM_OR_ACTION,
    "supervision:objective_review": FORM_OR_ACTION,
    "supervision:support_new": FORM_OR_ACTION,
    "supervision:training_new": FORM_OR_ACTION,
    "supervision:cpd": "the signed-in person's own CPD, no one else's",
    "supervision:cpd_new": FORM_OR_ACTION,
    "supervision:cpd_export": "the signed-in person's own CPD, no one else's",
    "audits:list": LIST,
    "audits:start": FORM_OR_ACTION,
    "audits:self_check_start": FORM_OR_ACTION,
    "audits:self_checks": LIST,
    "audits:told": FORM_OR_ACTION,
    "audits:add_action": FORM_OR_ACTION,
    "audits:sample": LIST,
    "audits:findings": "figures across audits, no single record",
    "audits:programme": "settings",
    "audits:reviews": LIST,
    "audits:review_start": FORM_OR_ACTION,
    "returns:imports": FORM_OR_ACTION,
    "returns:batch": "an import report: identifiers and row numbers only",
    "returns:confirm": FORM_OR_ACTION,
    "drafts:keep_alive": FORM_OR_ACTION,
    "drafts:team_meeting": "a draft of team meeting minutes: no child's record or personal file",
    **{f"drafts:{form}_discard": FORM_OR_ACTION for form in DRAFTABLE},
    **{f"compliance:{name}": why for name, why in compliance_access.NOT_LOGGED.items()},
    **dashboards_access.NOT_LOGGED,
}


def url_names(urlconf=None):
    """Every named URL in the urlconf, namespaced ("audits:detail"), Django's admin left out.
    An unnamed pattern is returned by its route, so it cannot hide from the matrix either."""
    names = set()

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in EXCLUDED_NAMESPACES:
                    continue
                walk(pattern.url_patterns, f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix)
            else:
                names.add(prefix + pattern.name if pattern.name else f"unnamed route {pattern.pattern}")

    walk(get_resolver(urlconf).url_patterns, "")
    return names


def missing_from_matrix(urlconf=None, matrix=None):
    return sorted(url_names(urlconf) - set(matrix if matrix is not None else MATRIX))


@pytest.fixture
def other_manager(other_team):
    return other_team.manager


@pytest.fixture
def world(social_worker, team_manager, head_of_service, child, other_child, team, other_team, outsider,
          other_manager, administrator):
    """One of everything each table points at: the supervision and audits tables' objects under their names."""
    with time_machine.travel(NOW, tick=False):
        planned = SupervisionSessionFactory(supervisee=social_worker, date=datetime.date(2026, 11, 19), record="Done.")
        PersonalSectionFactory(session=planned)  # answered, so the record may be completed
        held = SupervisionSessionFactory(
            supervisee=social_worker, date=datetime.date(2026, 11, 5), status=SupervisionSession.Status.HELD,
            completed_at=NOW - datetime.timedelta(days=17), record="Held.",
        )
        audit = CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade=Grade.GOOD)
        AllocationFactory(child=child, allocated_by=team_manager)
        yield {
            "child": child, "other_child": other_child, "team": team, "other_team": other_team,
            "worker": social_worker, "manager": team_manager, "team_manager": team_manager, "outsider": outsider,
            "draft_assessment": AssessmentVersionFactory(assessment__child=child).assessment,
            "submitted_assessment": AssessmentVersionFactory(
                assessment__child=child, status=AssessmentVersion.Status.SUBMITTED, submitted_at=NOW
            ).assessment,
            "other_assessment": AssessmentVersionFactory(
                assessment__child=other_child, status=AssessmentVersion.Status.SUBMITTED, submitted_at=NOW
            ).assessment,
            "hold": LegalHold.objects.create(child=child, reason="Ref 1", placed_by=administrator),
            "flag": compliance_access.child_flag(child),
            "other_flag": compliance_access.child_flag(other_child),
            "notification": NotificationFactory(recipient=social_worker, url=child.get_absolute_url()),
            "conference": ManagerMeetingFactory(
                child=child, manager=team_manager, held_on=datetime.date(2026, 11, 20), manager_attended=False,
                attendance_confirmed_at=None,
            ),
            "pre_proceedings": PreProceedingsFactory(child=child),
            "other_pre_proceedings": PreProceedingsFactory(child=other_child),
            # supervision's table
            "planned": planned,
            "held": held,
            "open_discussion": CaseDiscussionFactory(session=planned, child=child),
            "filed_discussion": CaseDiscussionFactory(session=held, child=child, filed_at=held.completed_at),
            "contract": SupervisionContractFactory(staff=social_worker, staff_signed_on=None),
            "meeting": TeamMeetingFactory(team=team),
            "objective": ObjectiveFactory(staff=social_worker),
            "support_record": SupportRecordFactory(staff=social_worker),
            # audits' table
            "audit": audit,
            "draft": CaseFileAuditFactory(child=child, auditor=team_manager),
            "action": CorrectiveActionFactory(audit=audit, owner=social_worker),
            "review": ManagerPracticeReviewFactory(
                manager=team_manager, reviewer=head_of_service, status=AuditStatus.COMPLETED
            ),
            "draft_review": ManagerPracticeReviewFactory(manager=team_manager, reviewer=head_of_service),
            # returns' table
            "batch": ImportBatch.objects.create(file_name="x.xlsx", file_sha256="0", uploaded_by=administrator),
            "other_audit": CaseFileAuditFactory(
                child=other_child, auditor=other_manager, status=AuditStatus.COMPLETED, grade=Grade.GOOD
            ),
        }


def views_logged(user):
    return AccessLogEntry.objects.filter(user=user).exclude(action__in=[Action.REFUSED, Action.SIGNED_IN]).count()


def check(client, request, world, name, entry, persona, args, expected):
    """Ask for the URL as the persona; the mismatches with the table, and with LOGGED_VIEWS, as messages."""
    client.logout()
    user = request.getfixturevalue(persona) if persona else None
    if user is not None:
        client.force_login(user)
    url = reverse(name, args=args(world))
    before = views_logged(user) if user else 0
    with time_machine.travel(NOW, tick=False):
        if entry.method == "post":
            response = client.post(url, supervision_access.resolve(entry.data, world))
        else:
            response = client.get(url)
    status, got = expected[persona], response.status_code
    where = f"{name} as {persona or 'anonymous'}"
    to_login = got == 302 and response.url.startswith(reverse("login"))
    if status == "login" and not to_login:
        return [f"{where}: expected a redirect to sign in, got {got}"]
    if status == 302 and (got != 302 or to_login):
        return [f"{where}: expected a redirect, got {got}{' to sign in' if to_login else ''}"]
    if status not in ("login", 302) and got != status:
        return [f"{where}: expected {status}, got {got}"]
    if user is not None and entry.method == "get" and got == 200:
        logged = views_logged(user) - before
        if logged != (1 if name in LOGGED_VIEWS else 0):
            return [f"{where}: {logged} access-log entries, LOGGED_VIEWS says {int(name in LOGGED_VIEWS)}"]
    return []


def test_every_url_is_in_the_matrix():
    missing = missing_from_matrix()
    assert not missing, (
        f"URL names with no entry in the access matrix: {', '.join(missing)}. "
        "Add each to MATRIX in tests/test_url_matrix.py (see its docstring)."
    )


def test_the_matrix_names_no_url_that_is_gone():
    assert not set(MATRIX) - url_names() - OPTIONAL


def test_every_url_is_either_access_logged_or_says_why_not():
    unclassified = sorted(url_names() - set(LOGGED_VIEWS) - set(NOT_LOGGED) - OPTIONAL)
    assert not unclassified, (
        f"Say whether these pages are access-logged: {', '.join(unclassified)}. A page showing a child's "
        "record, assessment, plan, audit or personal file goes in traceability/sensitive.py LOGGED_VIEWS; "
        "anything else in NOT_LOGGED in tests/test_url_matrix.py with the reason."
    )
    assert not set(LOGGED_VIEWS) & set(NOT_LOGGED)


# A GET changes nothing, so one world serves every persona; a POST may, so each persona gets a fresh world.
GETS = sorted(name for name, entry in MATRIX.items() if entry.method == "get")
POSTS = sorted(name for name, entry in MATRIX.items() if entry.method == "post")
OUT_OF_SCOPE = sorted(name for name, entry in MATRIX.items() if entry.other)


@pytest.mark.parametrize("name", GETS)
def test_each_page_answers_each_persona_for_an_object_in_scope(client, request, world, name):
    entry = MATRIX[name]
    failures = [f for persona in PERSONAS for f in check(client, request, world, name, entry, persona, entry.args,
                                                            entry.expected)]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", POSTS)
def test_each_action_answers_each_persona(client, request, world, name, persona):
    entry = MATRIX[name]
    assert not check(client, request, world, name, entry, persona, entry.args, entry.expected)


@pytest.mark.parametrize("name", OUT_OF_SCOPE)
def test_each_page_answers_each_persona_for_an_object_out_of_scope(client, request, world, name):
    entry = MATRIX[name]
    args, expected = entry.other
    failures = [f for persona in PERSONAS for f in check(client, request, world, name, entry, persona, args, expected)]
    assert not failures, "\n".join(failures)


# A throwaway urlconf: the project plus one view that forgets to scope its object.
def unscoped_child_page(request, pk):
    from cases.models import Child

    return HttpResponse(Child.objects.get(pk=pk).full_name)


urlpatterns = [*project_urlpatterns, path("leak/<int:pk>/", unscoped_child_page, name="leak")]


def test_a_new_unguarded_view_fails_the_matrix(client, request, world):
    # Not in the table: the coverage check names it.
    assert set(missing_from_matrix(urlconf=__name__)) - set(missing_from_matrix()) == {"leak"}
    # Entered as if it were scoped like the child's record: the outsider's answer gives it away.
    entry = Entry(lambda w: [w["child"].pk], scoping.CHILD_PAGE)
    with override_settings(ROOT_URLCONF=__name__):
        failures = check(client, request, world, "leak", entry, "outsider", entry.args, entry.expected)
    assert failures == ["leak as outsider: expected 404, got 200"]
