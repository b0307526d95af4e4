"""Every audits URL x every persona: in scope 200, out of scope 404, anonymous sent to sign in.
A URL missing from this matrix fails the suite (SPEC section 7)."""
import pytest
from django.urls import reverse

from audits import urls
from audits.models import AuditStatus
from cases.models import Grade
from tests.factories import CaseFileAuditFactory, CorrectiveActionFactory, ManagerPracticeReviewFactory

ANONYMOUS = None
PERSONAS = [
    "social_worker", "colleague", "team_manager", "head_of_service", "director",
    "iro", "administrator", "outsider", "other_manager", ANONYMOUS,
]
EVERYONE = {p: 200 for p in PERSONAS if p} | {ANONYMOUS: "login"}


def only(*personas):
    """200 for the personas named, 404 for every other signed-in persona."""
    return {p: (200 if p in personas else 404) for p in PERSONAS if p} | {ANONYMOUS: "login"}


CHILD_READERS = ("social_worker", "team_manager", "head_of_service", "director", "iro")
CHILD_AUDITORS = ("team_manager", "head_of_service", "director", "iro")
REVIEW_READERS = ("team_manager", "head_of_service", "director")  # the manager and their chain

MATRIX = {
    "list": (lambda w: [], EVERYONE),
    # 302: the persona's own draft is resumed rather than a second one started.
    "start": (lambda w: [w["child"].pk], only(*CHILD_AUDITORS) | {"team_manager": 302}),
    "detail": (lambda w: [w["audit"].pk], only(*CHILD_READERS)),
    "self_check_start": (lambda w: [w["child"].pk], only("social_worker")),
    "self_checks": (lambda w: [], EVERYONE),
    "edit": (lambda w: [w["draft"].pk], only("team_manager")),
    "respond": (lambda w: [w["audit"].pk], only("social_worker")),
    "told": (lambda w: [w["audit"].pk], only("team_manager")),
    "add_action": (lambda w: [w["audit"].pk], only("team_manager")),
    "action": (lambda w: [w["action"].pk], only(*CHILD_READERS)),
    "sample": (lambda w: [], only(*CHILD_AUDITORS, "other_manager")),
    "findings": (lambda w: [], EVERYONE),
    "programme": (lambda w: [], EVERYONE),
    "reviews": (lambda w: [], EVERYONE),
    "review_start": (lambda w: [w["team_manager"].pk], only("head_of_service", "director") | {"head_of_service": 302}),
    "review": (lambda w: [w["review"].pk], only(*REVIEW_READERS)),
    "review_edit": (lambda w: [w["draft_review"].pk], only("head_of_service")),
}
OTHER_CHILD = {
    "start": only("director", "other_manager"),
    "detail": only("director", "outsider", "other_manager"),
}


@pytest.fixture
def world(child, other_child, team_manager, head_of_service, social_worker, other_manager):
    audit = CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade=Grade.GOOD)
    return {
        "child": child,
        "audit": audit,
        "draft": CaseFileAuditFactory(child=child, auditor=team_manager),
        "action": CorrectiveActionFactory(audit=audit, owner=social_worker),
        "team_manager": team_manager,
        "review": ManagerPracticeReviewFactory(
            manager=team_manager, reviewer=head_of_service, status=AuditStatus.COMPLETED
        ),
        "draft_review": ManagerPracticeReviewFactory(manager=team_manager, reviewer=head_of_service),
        "other_child": other_child,
        "other_audit": CaseFileAuditFactory(
            child=other_child, auditor=other_manager, status=AuditStatus.COMPLETED, grade=Grade.GOOD
        ),
    }


def expect(response, status):
    if status == "login":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    else:
        assert response.status_code == status


def test_every_audits_url_is_in_the_matrix():
    assert {pattern.name for pattern in urls.urlpatterns} == set(MATRIX)


@pytest.mark.usefixtures("pinned")
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_page_answers_each_persona_by_scope(client, request, world, name, persona):
    args, expected = MATRIX[name]
    if persona is not None:
        client.force_login(request.getfixturevalue(persona))
    expect(client.get(reverse(f"audits:{name}", args=args(world))), expected[persona])


@pytest.mark.usefixtures("pinned")
@pytest.mark.parametrize("persona", PERSONAS)
def test_another_teams_child_and_audit_are_out_of_scope(client, request, world, persona):
    if persona is not None:
        client.force_login(request.getfixturevalue(persona))
    expect(client.get(reverse("audits:start", args=[world["other_child"].pk])), OTHER_CHILD["start"][persona])
    expect(client.get(reverse("audits:detail", args=[world["other_audit"].pk])), OTHER_CHILD["detail"][persona])


@pytest.mark.usefixtures("pinned")
@pytest.mark.parametrize("persona", ["social_worker", "team_manager", "director", "iro"])
def test_only_an_administrator_changes_the_programme(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("audits:programme"), {"monthly_audits_per_manager": 9, "exclusion_months": 1})
    assert response.status_code == 404


@pytest.mark.usefixtures("pinned")
def test_an_administrator_changes_the_programme(client, administrator):
    client.force_login(administrator)
    response = client.post(reverse("audits:programme"), {"monthly_audits_per_manager": 3, "exclusion_months": 4})
    assert response.url == reverse("audits:programme")
    assert "Audits a month per manager" in client.get(response.url).content.decode()


@pytest.mark.usefixtures("pinned")
def test_anonymous_posts_are_sent_to_sign_in(client, world):
    expect(client.post(reverse("audits:add_action", args=[world["audit"].pk]), {}), "login")
    expect(client.post(reverse("audits:action", args=[world["action"].pk]), {"verify": ""}), "login")


@pytest.mark.usefixtures("pinned")
def test_a_colleague_in_the_team_cannot_act_on_an_action_they_do_not_own(client, colleague, world):
    client.force_login(colleague)
    assert client.post(reverse("audits:action", args=[world["action"].pk]), {"done": ""}).status_code == 404


def test_the_navigation_offers_audits_to_case_roles_and_the_programme_to_administrators(
    client, social_worker, iro, administrator
):
    for user, item in [(social_worker, "Audits"), (iro, "Audits"), (administrator, "Audit programme")]:
        client.force_login(user)
        texts = [entry["text"] for entry in client.get(reverse("audits:list")).context["navigation"]]
        assert item in texts
