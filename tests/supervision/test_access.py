"""Every supervision URL x every persona: in scope 200 (or a redirect after a POST), out of scope 404,
anonymous sent to sign in. A URL missing from this matrix fails the suite (SPEC section 7)."""
import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from supervision import urls
from supervision.models import SupervisionSession
from tests.factories import (
    CaseDiscussionFactory,
    ObjectiveFactory,
    PersonalSectionFactory,
    SupervisionContractFactory,
    SupervisionSessionFactory,
    SupportRecordFactory,
    TeamMeetingFactory,
)

NOW = datetime.datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/London"))
ANONYMOUS = None
PERSONAS = [
    "social_worker", "colleague", "team_manager", "head_of_service", "director",
    "iro", "administrator", "outsider", "other_manager", ANONYMOUS,
]
EVERYONE = {p: 200 for p in PERSONAS if p} | {ANONYMOUS: "login"}


def only(status, *personas):
    """`status` for the personas named, 404 for every other signed-in persona."""
    return {p: (status if p in personas else 404) for p in PERSONAS if p} | {ANONYMOUS: "login"}


FILE_READERS = ("social_worker", "team_manager", "head_of_service", "director")  # the practitioner and their chain
CHAIN = ("team_manager", "head_of_service", "director")
TEAM = ("social_worker", "colleague", "team_manager", "head_of_service", "director")


@pytest.fixture
def other_manager(other_team):
    return other_team.manager


@pytest.fixture
def world(social_worker, team_manager, child, other_child, team):
    with time_machine.travel(NOW, tick=False):
        planned = SupervisionSessionFactory(supervisee=social_worker, date=datetime.date(2026, 11, 19), record="Done.")
        held = SupervisionSessionFactory(
            supervisee=social_worker, date=datetime.date(2026, 11, 5), status=SupervisionSession.Status.HELD,
            completed_at=NOW - datetime.timedelta(days=17), record="Held.",
        )
        PersonalSectionFactory(session=planned)  # answered, so the record may be completed
        yield {
            "planned": planned,
            "held": held,
            "open_discussion": CaseDiscussionFactory(session=planned, child=child),
            "filed_discussion": CaseDiscussionFactory(session=held, child=child, filed_at=held.completed_at),
            "contract": SupervisionContractFactory(staff=social_worker, staff_signed_on=None),
            "meeting": TeamMeetingFactory(team=team),
            "worker": social_worker,
            "team": team,
            "child": child,
            "manager": team_manager,
            "objective": ObjectiveFactory(staff=social_worker),
            "support_record": SupportRecordFactory(staff=social_worker),
        }


def date_fields(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


# name -> (method, url args from the world, POST data, expected per persona)
MATRIX = {
    "mine": ("get", lambda w: [], None, EVERYONE),
    "team": ("get", lambda w: [], None, EVERYONE),
    "staff": ("get", lambda w: [w["worker"].pk], None, only(200, *FILE_READERS)),
    "session_start": ("get", lambda w: [w["worker"].pk], None, only(200, *CHAIN)),
    "contract_new": ("get", lambda w: [w["worker"].pk], None, only(200, *CHAIN)),
    "changed_role": ("get", lambda w: [w["worker"].pk], None, only(200, *CHAIN)),
    "observation_new": ("get", lambda w: [w["worker"].pk], None, only(200, *CHAIN)),
    "appraisal_new": ("get", lambda w: [w["worker"].pk], None, only(200, *CHAIN)),
    "contract_sign": ("post", lambda w: [w["contract"].pk], {}, only(302, "social_worker")),
    "session": ("get", lambda w: [w["planned"].pk], None, only(200, *FILE_READERS)),
    "agenda_add": (
        "post", lambda w: [w["planned"].pk], {"text": "My court statement"}, only(302, "social_worker", "team_manager")
    ),
    "notes": ("post", lambda w: [w["planned"].pk], {"preparation": "Ready.", "reflection": ""},
              only(302, "social_worker")),
    "acknowledge": ("post", lambda w: [w["held"].pk], {"comment": ""}, only(302, "social_worker")),
    "record": ("get", lambda w: [w["planned"].pk], None, only(200, "team_manager")),
    "personal": ("get", lambda w: [w["planned"].pk], None, only(200, *FILE_READERS)),
    "cancel": ("get", lambda w: [w["planned"].pk], None, only(200, "team_manager")),
    "complete": ("post", lambda w: [w["planned"].pk], {}, only(302, "team_manager")),
    "session_action_add": (
        "post", lambda w: [w["planned"].pk],
        {"what": "Book a court skills course", "owner": "worker", **date_fields("due_on", datetime.date(2026, 12, 4))},
        only(302, "team_manager"),
    ),
    "discussion_add": ("post", lambda w: [w["planned"].pk], {"child": "0"}, only(400, "team_manager")),
    # Filed: on the child's record, so whoever sees the child reads it; the colleague does not.
    "discussion": ("get", lambda w: [w["filed_discussion"].pk], None, only(200, *FILE_READERS, "iro")),
    "discussion_edit": ("get", lambda w: [w["open_discussion"].pk], None, only(200, "team_manager")),
    "discussion_action_add": (
        "post", lambda w: [w["open_discussion"].pk],
        {"what": "See the child alone", "owner": "worker", **date_fields("due_on", datetime.date(2026, 12, 4))},
        only(302, "team_manager"),
    ),
    "discussion_file": ("post", lambda w: [w["open_discussion"].pk], {}, only(302, "team_manager")),
    "discussion_remove": ("post", lambda w: [w["open_discussion"].pk], {}, only(302, "team_manager")),
    "meetings": ("get", lambda w: [], None, EVERYONE),
    "meeting": ("get", lambda w: [w["meeting"].pk], None, only(200, *TEAM)),
    "meeting_edit": ("get", lambda w: [w["meeting"].pk], None, only(200, *CHAIN)),
    "meeting_action_add": (
        "post", lambda w: [w["meeting"].pk],
        {"what": "Update chronologies", "owner": "manager", **date_fields("due_on", datetime.date(2026, 12, 4))},
        only(302, *CHAIN),
    ),
    "meeting_new": ("get", lambda w: [w["team"].pk], None, only(200, *CHAIN)),
    # Visible leadership (W 6): kept by heads of service and directors only.
    "leadership": ("get", lambda w: [], None, only(200, "head_of_service", "director")),
    "leadership_new": ("get", lambda w: [], None, only(200, "head_of_service", "director")),
    "objective_new": ("get", lambda w: [w["worker"].pk], None, only(200, *CHAIN)),
    "team_objective_new": ("get", lambda w: [w["team"].pk], None, only(200, *CHAIN)),
    "objective_review": ("get", lambda w: [w["planned"].pk, w["objective"].pk], None, only(200, "team_manager")),
    # The restricted support record (K 4, W 5.2): the person and their line of management (and HR-designated
    # staff: tests/supervision/test_support_record.py); every other role gets 404.
    "support": ("get", lambda w: [w["worker"].pk], None, only(200, *FILE_READERS)),
    "support_new": ("get", lambda w: [w["worker"].pk], None, only(200, *CHAIN)),
    # Training: the person and their line of management add it; the induction is ticked by the line management;
    # CPD is the person's own (each sees and exports only their own).
    "training_new": ("get", lambda w: [w["worker"].pk], None, only(200, *FILE_READERS)),
    "induction": ("get", lambda w: [w["worker"].pk], None, only(200, *CHAIN)),
    "readiness": ("get", lambda w: [w["worker"].pk], None, only(200, *FILE_READERS)),
    "cpd": ("get", lambda w: [], None, EVERYONE),
    "cpd_new": ("get", lambda w: [], None, EVERYONE),
    "cpd_export": ("get", lambda w: [2026], None, EVERYONE),
}


def test_every_supervision_url_is_in_the_matrix():
    assert {pattern.name for pattern in urls.urlpatterns} == set(MATRIX)


def resolve(data, world):
    """Stand-ins such as "worker" become the primary key of that object in the world."""
    return {key: world[value].pk if value in ("worker", "manager") else value for key, value in (data or {}).items()}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_access(client, request, world, name, persona):
    method, args, data, expected = MATRIX[name]
    if persona:
        client.force_login(request.getfixturevalue(persona))
    url = reverse(f"supervision:{name}", args=args(world))
    with time_machine.travel(NOW, tick=False):
        response = getattr(client, method)(url, resolve(data, world)) if method == "post" else client.get(url)
    status = expected[persona]
    if status == "login":
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    elif status == 302:
        assert response.status_code == 302 and not response.url.startswith(reverse("login")), response.content[:500]
    else:
        assert response.status_code == status
