"""organisation/policy.py: every predicate against every role, inactive and signed-out users, and sign-off authority."""
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from organisation import policy
from organisation.context_processors import permissions
from organisation.models import Role, StaffMember
from tests.factories import AssessmentFactory, AssessmentVersionFactory, ChildFactory, StaffFactory

SW, SP, TM, HOS, DIR, IRO, ADMIN = (
    Role.SOCIAL_WORKER, Role.SENIOR_PRACTITIONER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.DIRECTOR, Role.IRO,
    Role.ADMINISTRATOR,
)
FH = Role.FAMILY_HELP_PRACTITIONER

# predicate -> the roles it answers yes for; every other role answers no.
TABLE = {
    policy.is_practitioner: {SW, SP, FH},
    policy.is_manager: {TM, HOS, DIR},
    policy.manages_a_team: {TM},
    policy.heads_a_service: {HOS},
    policy.sees_everything: {DIR},
    policy.reviews_children: {IRO},
    policy.works_a_caseload: {SW, SP, FH, IRO},
    policy.may_administer: {ADMIN},
    policy.sees_case_records: {SW, SP, FH, TM, HOS, DIR, IRO},
    policy.sees_every_staff_member: {DIR, ADMIN},
    policy.may_audit: {TM, HOS, DIR, IRO},
    policy.may_review_managers: {HOS, DIR},
    policy.sees_dashboards: {TM, HOS, DIR},
    policy.sees_reports: {HOS, DIR},
    policy.keeps_visible_leadership: {HOS, DIR},
}
CASES = [(predicate, role) for predicate in TABLE for role in Role]


def _name(value):
    return value.__name__ if callable(value) else str(value)


@pytest.mark.parametrize(("predicate", "role"), CASES, ids=[f"{_name(p)}-{r}" for p, r in CASES])
def test_each_predicate_answers_for_each_role(predicate, role):
    assert predicate(StaffMember(role=role, is_active=True)) is (role in TABLE[predicate])


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("predicate", list(TABLE), ids=_name)
def test_an_inactive_account_may_do_nothing(predicate, role):
    assert predicate(StaffMember(role=role, is_active=False)) is False


@pytest.mark.parametrize("predicate", list(TABLE), ids=_name)
def test_a_signed_out_visitor_may_do_nothing(predicate):
    assert predicate(AnonymousUser()) is False


def test_every_role_is_in_the_table():
    """A new role must be placed in every predicate's answer before it can be used."""
    assert {role for roles in TABLE.values() for role in roles} == set(Role)


@pytest.mark.parametrize(
    ("method", "roles"),
    [
        ("practitioners", {SW, SP, FH}),
        ("managers", {TM, HOS, DIR}),
        ("team_managers", {TM}),
        ("reviewing_officers", {IRO}),
        ("administrators", {ADMIN}),
    ],
)
def test_staff_querysets_classify_by_policy(db, method, roles):
    for role in Role:
        StaffFactory(username=f"{method}-{role}", role=role, team=None)
    found = set(getattr(StaffMember.objects, method)().values_list("role", flat=True))
    assert found == roles


# Sign-off authority (SPEC section 3): a manager in the author's line of management, never the author.

@pytest.fixture
def submitted(social_worker, iro):
    child = ChildFactory(worker=social_worker, reviewing_officer=iro)
    return AssessmentVersionFactory(assessment=AssessmentFactory(child=child), status="submitted")


def test_the_authors_team_manager_may_sign_off(submitted, team_manager):
    assert policy.may_sign_off(team_manager, submitted)
    assert policy.sign_off_refusal(team_manager, submitted) == ""


def test_managers_higher_in_the_line_may_sign_off(submitted, head_of_service, director):
    assert policy.may_sign_off(head_of_service, submitted)
    assert policy.may_sign_off(director, submitted)


def test_nobody_signs_off_their_own_work(team_manager, head_of_service):
    own = AssessmentVersionFactory(author=team_manager, status="submitted")
    assert not policy.may_sign_off(team_manager, own)
    assert policy.sign_off_refusal(team_manager, own) == "You cannot sign off or return your own work."
    assert policy.may_sign_off(head_of_service, own)


def test_a_manager_outside_the_line_may_not_sign_off(submitted, other_team):
    refusal = policy.sign_off_refusal(other_team.manager, submitted)
    assert refusal == "Only a manager in the author's line of management can decide on this."
    assert not policy.may_sign_off(other_team.service.head, submitted)


def test_colleagues_reviewing_officers_and_administrators_may_not_sign_off(submitted, colleague, iro, administrator):
    for user in (colleague, iro, administrator):
        assert not policy.may_sign_off(user, submitted), user.username


def test_a_line_manager_without_a_managers_role_may_not_sign_off(team, team_manager):
    senior = StaffFactory(username="senior", role=Role.SENIOR_PRACTITIONER, team=team, line_manager=team_manager)
    supervised = StaffFactory(username="supervised", team=team, line_manager=senior)
    version = AssessmentVersionFactory(assessment=AssessmentFactory(child=ChildFactory(worker=supervised)),
                                       status="submitted")
    assert not policy.may_sign_off(senior, version)
    assert policy.may_sign_off(team_manager, version)


def test_an_inactive_manager_may_not_sign_off(submitted, team_manager):
    team_manager.is_active = False
    assert not policy.may_sign_off(team_manager, submitted)


def test_a_signed_out_visitor_may_not_sign_off(submitted):
    assert not policy.may_sign_off(AnonymousUser(), submitted)


# What templates ask.

@pytest.mark.parametrize(
    ("role", "yes"),
    [
        (SW, {"search_children"}),
        (FH, {"search_children"}),
        (TM, {"search_children", "lead_a_team", "see_team_actions"}),
        (HOS, {"search_children", "see_reports", "see_team_actions", "keep_visible_leadership"}),
        (DIR, {"search_children", "see_reports", "see_every_service", "see_team_actions", "keep_visible_leadership"}),
        (IRO, {"search_children", "review_children"}),
        (ADMIN, {"administer"}),
    ],
)
def test_templates_can_ask_what_the_user_may_do(role, yes):
    request = RequestFactory().get("/")
    request.user = StaffMember(role=role, is_active=True)
    can = permissions(request)["can"]
    assert {name for name, answer in can.items() if answer} == yes


def test_a_signed_out_visitor_can_do_nothing_in_templates():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    assert not any(permissions(request)["can"].values())


def test_no_template_names_a_role():
    templates = Path(settings.BASE_DIR) / "templates"
    naming = [str(path) for path in templates.rglob("*.html") if ".role" in path.read_text()]
    assert naming == []
