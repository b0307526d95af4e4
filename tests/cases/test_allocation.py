"""Allocation as K 2 reads: the work's date, why the worker fits beside their capacity and experience, and the
worker's acknowledgement that they understand what is required and by when."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from cases.models import Allocation, Category
from cases.worklist import due_items
from organisation.models import PracticeStandard
from tests.factories import ChildFactory, StaffFactory
from tests.forms import date_fields

TODAY = datetime.date(2026, 11, 23)
pytestmark = pytest.mark.usefixtures("pinned_today")


@pytest.fixture
def pinned_today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0), tick=False):
        yield


def _terms(complete_by=TODAY + datetime.timedelta(days=30), **extra):
    return {
        "purpose": "Complete the child and family assessment", "expectations": "Weekly visits, one after school",
        "contingency": "If no access, return the next day and call the school",
        **date_fields("complete_by", complete_by), "suited_because": "Five years in assessment work",
        **extra,
    }


def _allocate(client, manager, child, worker, **terms):
    client.force_login(manager)
    return client.post(reverse("allocate", args=[child.pk]), {"worker": worker.pk, **_terms(**terms)})


def test_each_worker_is_offered_with_their_caseload_and_experience(client, team_manager, team, child):
    StaffFactory(team=team, first_name="Nia", last_name="Okafor", date_qualified=datetime.date(2026, 6, 1))
    StaffFactory(team=team, first_name="Tom", last_name="Hale", date_qualified=datetime.date(2019, 9, 1))
    client.force_login(team_manager)
    page = client.get(reverse("allocate", args=[child.pk])).content.decode()
    assert "Nia Okafor: 0 of 14 cases; newly qualified (June 2026)" in page
    assert "Tom Hale: 0 of 18 cases; qualified 7 years (September 2019)" in page


# A part-time worker (0.5 FTE: 9 cases) with six child protection cases weighted at 1.49, 1.5 and 1.51: 8.94, 9
# and 9.06 cases, just under, at and over capacity. At (or over) capacity needs a written reason (K 2).
@pytest.mark.parametrize("cp_weight, label, reason_needed", [
    (149, "8.94 of 9 cases (weighted; 6 open);", False),
    (150, "9 of 9 cases (weighted; 6 open) (at or over capacity);", True),
    (151, "9.06 of 9 cases (weighted; 6 open) (at or over capacity);", True),
])
def test_the_picker_weighs_the_caseload_as_caseload_does(client, team_manager, team, child, cp_weight, label,
                                                          reason_needed):
    PracticeStandard.objects.filter(code="CASELOAD").update(values={"cp_weight": cp_weight})
    part_time = StaffFactory(team=team, fte="0.50", first_name="Ada", last_name="Ince")
    ChildFactory.create_batch(6, worker=part_time, team=team, category=Category.CHILD_PROTECTION)
    client.force_login(team_manager)
    assert f"Ada Ince: {label}" in client.get(reverse("allocate", args=[child.pk])).content.decode()
    response = _allocate(client, team_manager, child, part_time)
    assert (response.status_code == 200) is reason_needed
    assert Allocation.objects.filter(child=child, worker=part_time).exists() is not reason_needed


@pytest.mark.parametrize("offset, allowed", [(-1, False), (0, True), (1, True)])
def test_the_work_is_to_be_completed_by_a_date_from_today(client, team_manager, colleague, child, offset, allowed):
    response = _allocate(client, team_manager, child, colleague, complete_by=TODAY + datetime.timedelta(days=offset))
    assert (response.status_code == 302) is allowed
    if not allowed:
        page = response.content.decode()
        assert "The date the work should be completed by must be today or in the future" in page
        assert "govuk-error-summary" in page and not Allocation.objects.filter(child=child).exists()


def test_the_date_and_why_the_worker_fits_are_required(client, team_manager, colleague, child):
    client.force_login(team_manager)
    data = {key: value for key, value in _terms().items() if not key.startswith(("complete_by", "suited_because"))}
    page = client.post(reverse("allocate", args=[child.pk]), {"worker": colleague.pk, **data}).content.decode()
    assert page.count("govuk-error-message") >= 2 and not Allocation.objects.filter(child=child).exists()


def test_an_allocation_keeps_its_date_and_reason_and_waits_for_the_worker(client, team_manager, colleague, child):
    assert _allocate(client, team_manager, child, colleague).status_code == 302
    allocation = Allocation.objects.get(child=child, ended_on__isnull=True)
    assert (allocation.worker, allocation.complete_by, allocation.suited_because, allocation.acknowledged_at) == (
        colleague, TODAY + datetime.timedelta(days=30), "Five years in assessment work", None)
    page = client.get(reverse("child", args=[child.pk])).content.decode()
    assert "23 December 2026" in page and "Not yet acknowledged" in page
    assert "I understand what is required and by when" not in page  # the manager cannot acknowledge for them


def test_only_the_allocated_worker_acknowledges_and_once(client, team_manager, colleague, social_worker, child):
    _allocate(client, team_manager, child, colleague)
    url = reverse("acknowledge_allocation", args=[child.pk])
    assert client.post(url).status_code == 404  # the manager
    client.force_login(social_worker)
    assert client.post(url).status_code == 404  # the previous worker
    client.force_login(colleague)
    assert client.get(url).status_code == 404  # a link cannot acknowledge
    page = client.get(reverse("child", args=[child.pk])).content.decode()
    assert "I understand what is required and by when" in page
    response = client.post(url, follow=True)
    allocation = Allocation.objects.get(child=child, ended_on__isnull=True)
    assert allocation.acknowledged_at is not None and "Thank you" in response.content.decode()
    assert allocation.history.first().history_user == colleague
    first = allocation.acknowledged_at
    client.post(url)
    allocation.refresh_from_db()
    assert allocation.acknowledged_at == first and allocation.history.count() == 2


def test_acknowledging_is_on_the_workers_list_until_done_and_again_after_a_reallocation(
    client, team_manager, colleague, social_worker, child
):
    _allocate(client, team_manager, child, colleague)

    def listed(worker):
        return [item.what for item in due_items(children=[child.pk], worker=worker, today=TODAY)
                if item.what == "Acknowledge your allocation"]

    assert listed(colleague) == ["Acknowledge your allocation"]
    client.force_login(colleague)
    client.post(reverse("acknowledge_allocation", args=[child.pk]))
    assert listed(colleague) == []
    _allocate(client, team_manager, child, social_worker)
    assert listed(social_worker) == ["Acknowledge your allocation"] and listed(colleague) == []
