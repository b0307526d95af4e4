"""The flags list, scoped like everything else; the header count; flags on the child's record."""
import pytest
from django.urls import reverse

from compliance.models import Flag
from tests.factories import ChildFactory

from .helpers import D, at

URL = reverse("compliance:flags")


NOVEMBER_1 = D(2026, 11, 1)


def flag(rule, due_since=NOVEMBER_1, **subject):
    (kind, about), = subject.items()
    fields = {"team": about} if kind == "team" else {kind: about, "team": about.team}
    return Flag.objects.create(rule=rule, kind=kind, due_since=due_since, raised_at=at(D(2026, 11, 2)), **fields)


@pytest.fixture
def flags(child, other_child, social_worker, outsider, team, other_team):
    return {
        "child": flag("CHRON-MISSING", child=child),
        "other_child": flag("CHRON-MISSING", child=other_child),
        "worker": flag("SUP-FREQ", staff=social_worker),
        "outsider": flag("SUP-FREQ", staff=outsider),
        "team": flag("TEAM-MEETING", team=team),
        "other_team": flag("TEAM-MEETING", team=other_team),
    }


def listed(client, user, query=""):
    client.force_login(user)
    response = client.get(URL + query)
    assert response.status_code == 200
    return {f.pk for f in response.context["page"]}


@pytest.mark.parametrize(
    "persona, expected",
    [
        ("social_worker", {"child", "worker"}),
        ("colleague", set()),
        ("team_manager", {"child", "worker", "team"}),
        ("head_of_service", {"child", "worker", "team"}),
        ("director", {"child", "other_child", "worker", "outsider", "team", "other_team"}),
        ("outsider", {"other_child", "outsider"}),
        ("iro", {"child"}),
        ("administrator", set()),
    ],
)
def test_each_persona_sees_the_flags_in_their_scope(client, flags, request, persona, expected):
    user = request.getfixturevalue(persona)
    assert listed(client, user) == {flags[name].pk for name in expected}


def test_the_list_filters_by_rule_team_worker_and_age(client, flags, director, team, social_worker):
    assert listed(client, director, "?rule=SUP-FREQ") == {flags["worker"].pk, flags["outsider"].pk}
    assert listed(client, director, f"?team={team.pk}") == {flags["child"].pk, flags["worker"].pk, flags["team"].pk}
    assert listed(client, director, f"?worker={social_worker.pk}") == {flags["child"].pk, flags["worker"].pk}
    old = flag("SUMMARY", due_since=D(2026, 1, 5), child=flags["child"].child)
    assert listed(client, director, "?age=90") == {old.pk}


def test_a_team_outside_the_users_scope_filters_nothing(client, flags, team_manager, other_team):
    client.force_login(team_manager)
    response = client.get(URL + f"?team={other_team.pk}")
    assert response.context["form"].errors
    assert {f.pk for f in response.context["page"]} == {flags["child"].pk, flags["worker"].pk, flags["team"].pk}


def test_resolved_flags_are_listed_on_request(client, flags, director):
    Flag.objects.filter(pk=flags["team"].pk).update(resolved_at=at(D(2026, 11, 20)))
    assert listed(client, director, "?status=resolved") == {flags["team"].pk}
    assert flags["team"].pk not in listed(client, director)


def test_the_header_counts_open_flags_in_scope_and_links_to_the_list(client, flags, team_manager, administrator):
    client.force_login(team_manager)
    page = client.get(reverse("home")).content.decode()
    assert f'href="{URL}">Flags (3<span class="govuk-visually-hidden"> open</span>)' in page
    client.force_login(administrator)
    assert "Flags (" not in client.get(reverse("home")).content.decode()


def test_open_flags_appear_on_the_childs_record(client, flags, social_worker, child):
    client.force_login(social_worker)
    page = client.get(child.get_absolute_url()).content.decode()
    assert "CHRON-MISSING: Chronology started" in page


def test_the_list_shows_when_the_last_full_check_finished(client, flags, team_manager):
    from compliance import sweep

    sweep.full_sweep(today=D(2026, 11, 23), now=at(D(2026, 11, 23)))
    client.force_login(team_manager)
    assert "Last full check finished" in client.get(URL).content.decode()


def test_the_list_makes_as_many_queries_for_few_or_many_flags(client, director, team, django_assert_max_num_queries):
    for _ in range(3):
        flag("CHRON-MISSING", child=ChildFactory(worker=None, team=team))
    client.force_login(director)
    with django_assert_max_num_queries(20) as few:
        client.get(URL)
    for _ in range(30):
        flag("CHRON-MISSING", child=ChildFactory(worker=None, team=team))
    with django_assert_max_num_queries(len(few)):
        client.get(URL)
