"""The practice-standards settings: administrators only; every change kept; the next sweep follows."""
import pytest
from django.urls import reverse

from compliance import queueing
from organisation import standards
from organisation.models import StandardChange

LIST = reverse("compliance:standards")
# CASELOAD's weights, each counting a case as one, posted beside the figure a test changes.
WEIGHTS = {name: "100" for name in standards.CASE_WEIGHTS.values()}
EDIT = reverse("compliance:standard_edit", args=["CASELOAD"])


@pytest.mark.parametrize("persona", ["social_worker", "team_manager", "head_of_service", "director", "iro"])
def test_only_administrators_see_the_settings(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(LIST).status_code == 404
    assert client.get(EDIT).status_code == 404
    response = client.post(EDIT, {"enabled": "on", "cases_per_fte": "5", "newly_qualified_percent": "80", **WEIGHTS})
    assert response.status_code == 404
    assert standards.figure("CASELOAD", "cases_per_fte") == 18


def test_the_settings_list_every_standard_and_mark_local_figures(client, administrator):
    client.force_login(administrator)
    page = client.get(LIST).content.decode()
    for definition in standards.DEFINITIONS:
        assert definition.code in page
    local = '<strong class="govuk-tag govuk-tag--yellow">Local</strong>'
    assert f"Cases per full-time worker: <strong>18 cases</strong> {local}" in page
    assert f"A child protection case counts as: <strong>100 % of one case</strong> {local}" in page


def test_an_administrator_changes_a_figure_and_the_change_is_kept(
    client, administrator, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr(queueing, "queue_full_sweep", lambda: queued.append(True))
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(EDIT, {"enabled": "on", "cases_per_fte": "15", "newly_qualified_percent": "80",
                                      **WEIGHTS})
    assert response.status_code == 302
    assert standards.figure("CASELOAD", "cases_per_fte") == 15
    change = StandardChange.objects.get()
    assert (change.code, change.field, change.old_value, change.new_value, change.changed_by) == (
        "CASELOAD", "cases_per_fte", "18", "15", administrator
    )
    assert queued == [True]
    changed = '<td data-label="What" class="govuk-table__cell">Cases per full-time worker</td>'
    assert changed in client.get(LIST).content.decode()


def test_turning_a_standard_off_is_kept_too(client, administrator):
    client.force_login(administrator)
    client.post(EDIT, {"cases_per_fte": "18", "newly_qualified_percent": "80", **WEIGHTS})
    assert standards.is_enabled("CASELOAD") is False
    assert StandardChange.objects.get().field == "enabled"


def test_a_bad_figure_is_refused_and_nothing_changes(client, administrator):
    client.force_login(administrator)
    response = client.post(EDIT, {"enabled": "on", "cases_per_fte": "0", "newly_qualified_percent": "180", **WEIGHTS})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"cases_per_fte", "newly_qualified_percent"}
    assert not StandardChange.objects.exists()
    assert standards.figures("CASELOAD") == standards.defaults("CASELOAD")


def test_an_unknown_standard_is_not_found(client, administrator):
    client.force_login(administrator)
    assert client.get(reverse("compliance:standard_edit", args=["NOPE"])).status_code == 404


@pytest.mark.parametrize("weight, saved", [("0", False), ("1", True), ("150", True), ("500", True), ("501", False),
                                           ("1.5", False)])
def test_a_weight_is_a_whole_percentage_of_one_case_up_to_five_cases(client, administrator, weight, saved):
    client.force_login(administrator)
    data = {"enabled": "on", "cases_per_fte": "18", "newly_qualified_percent": "80", **WEIGHTS, "cp_weight": weight}
    response = client.post(EDIT, data)
    assert (response.status_code == 302) is saved
    assert standards.figure("CASELOAD", "cp_weight") == (int(weight) if saved else 100)
    if not saved:
        assert "<title>Error: " in response.content.decode()
        assert StandardChange.objects.count() == 0
    else:
        change = StandardChange.objects.get()
        assert (change.field, change.old_value, change.new_value) == ("cp_weight", "100", weight)
