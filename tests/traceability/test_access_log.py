"""Every view of a sensitive page writes one access-log row; refusals and sign-ins are logged too."""
import pytest
from django.urls import reverse

from tests.factories import AssessmentVersionFactory
from traceability.models import AccessLogEntry, Action


def test_viewing_a_childs_record_writes_one_entry_with_who_what_and_where(client, team_manager, child):
    client.force_login(team_manager)
    client.get(reverse("child", args=[child.pk]), REMOTE_ADDR="10.1.2.3")
    entry = AccessLogEntry.objects.get(action=Action.VIEWED)
    assert (entry.user, entry.kind, entry.object_id, entry.view_name, entry.address) == (
        team_manager, "child", child.pk, "child", "10.1.2.3"
    )


def test_a_page_without_record_content_is_not_logged(client, team_manager, child):
    client.force_login(team_manager)
    client.get(reverse("home"))
    assert not AccessLogEntry.objects.filter(action=Action.VIEWED).exists()


def test_a_refused_access_is_logged_with_the_object_asked_for(client, outsider, child):
    client.force_login(outsider)
    assert client.get(reverse("child", args=[child.pk])).status_code == 404
    entry = AccessLogEntry.objects.get(action=Action.REFUSED)
    assert (entry.user, entry.kind, entry.object_id) == (outsider, "child", child.pk)


def test_if_the_log_cannot_be_written_the_page_is_not_served(client, team_manager, child, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the access log is down")

    client.force_login(team_manager)
    monkeypatch.setattr(AccessLogEntry.objects, "create", broken)
    with pytest.raises(RuntimeError):
        client.get(reverse("child", args=[child.pk]))


def test_the_address_behind_our_own_proxy_is_the_callers(client, settings, team_manager, child):
    settings.TRUSTED_PROXY_COUNT = 1
    client.force_login(team_manager)
    client.get(reverse("child", args=[child.pk]), HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.7", REMOTE_ADDR="10.0.0.1")
    assert AccessLogEntry.objects.get(action=Action.VIEWED).address == "192.0.2.7"


def test_signing_in_and_a_wrong_password_are_logged_without_the_typed_username(client, social_worker):
    client.post(reverse("login"), {"username": social_worker.username, "password": "wrong"})
    client.post(reverse("login"), {"username": "my-password-typed-here", "password": "wrong"})
    client.post(reverse("login"), {"username": social_worker.username, "password": "a-long-test-password"})
    actions = list(AccessLogEntry.objects.order_by("pk").values_list("action", "user"))
    assert actions == [
        (Action.SIGN_IN_FAILED, social_worker.pk), (Action.SIGN_IN_FAILED, None), (Action.SIGNED_IN, social_worker.pk)
    ]


def test_an_administrator_sees_who_viewed_a_childs_record_including_its_assessments(
    client, team_manager, social_worker, administrator, child
):
    child.first_name = "Zephyrine"
    child.save()
    assessment = AssessmentVersionFactory(assessment__child=child).assessment
    client.force_login(team_manager)
    client.get(reverse("child", args=[child.pk]))
    client.force_login(social_worker)
    client.get(reverse("assessment", args=[assessment.pk]))
    client.force_login(administrator)
    response = client.get(reverse("traceability:access_log"), {"child": child.local_id})
    assert [(e.user, e.kind) for e in response.context["entries"]] == [
        (social_worker, "assessment"), (team_manager, "child")
    ]
    page = response.content.decode()
    # A name no factory would give a member of staff, so a match can only be the child's.
    assert child.local_id in page and "Zephyrine" not in page


def test_an_administrator_sees_what_a_user_looked_at_and_exports_it(client, team_manager, administrator, child):
    client.force_login(team_manager)
    client.get(reverse("child", args=[child.pk]))
    client.force_login(administrator)
    response = client.get(reverse("traceability:access_log"), {"user": team_manager.username})
    assert [(e.action, e.shown) for e in response.context["entries"]] == [
        (Action.VIEWED, child.local_id), (Action.SIGNED_IN, "")
    ]
    csv = client.get(reverse("traceability:access_log"), {"user": team_manager.username, "format": "csv"})
    lines = b"".join(csv.streaming_content).decode().splitlines()
    assert csv["Content-Type"] == "text/csv; charset=utf-8"
    assert lines[0].startswith("when,user id,username,action")
    assert f"{team_manager.pk},{team_manager.username},viewed,child,child,{child.pk}," in lines[1]


def test_the_access_log_form_explains_what_to_enter(client, administrator):
    client.force_login(administrator)
    both = client.get(reverse("traceability:access_log"), {"child": "x", "user": "y"})
    assert "No child has that local identifier" in both.content.decode()
    neither = client.get(reverse("traceability:access_log"), {"child": "", "user": ""})
    assert "Enter either a child" in neither.content.decode()


@pytest.mark.parametrize("persona", ["team_manager", "director", "social_worker"])
def test_only_administrators_read_the_access_log(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("traceability:access_log")).status_code == 404
