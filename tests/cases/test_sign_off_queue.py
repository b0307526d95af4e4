"""The sign-off queue as a work loop: filters, days waiting against the standard, back to the queue after a decision."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from cases import sign_off
from cases.models import Assessment
from tests.factories import AssessmentVersionFactory, ChildFactory, PlanActionFactory

# Monday 2 November 2026: no bank holiday near it.
SUBMITTED = datetime.datetime(2026, 11, 2, 10, tzinfo=datetime.UTC)
KIND = Assessment.Kind


def submit(author, kind=KIND.CHILD_AND_FAMILY, child=None):
    version = AssessmentVersionFactory(
        assessment__child=child or ChildFactory(worker=author), assessment__kind=kind
    )
    PlanActionFactory(version=version)
    with time_machine.travel(SUBMITTED, tick=False):
        return sign_off.submit(version=version, author=author)


def queue(client, **params):
    return client.get(reverse("awaiting_sign_off"), params).content.decode()


@pytest.fixture
def waiting(social_worker, colleague):
    return {
        "sw_cfa": submit(social_worker),
        "sw_plan": submit(social_worker, KIND.CIN_PLAN),
        "colleague_cfa": submit(colleague),
    }


def names(waiting, page):
    return {key for key, version in waiting.items() if f"/assessments/{version.assessment_id}/review/" in page}


def test_the_queue_filters_by_worker(client, team_manager, social_worker, waiting):
    client.force_login(team_manager)
    assert names(waiting, queue(client, worker=social_worker.pk)) == {"sw_cfa", "sw_plan"}


def test_the_queue_filters_by_type(client, team_manager, waiting):
    client.force_login(team_manager)
    assert names(waiting, queue(client, kind=KIND.CHILD_AND_FAMILY)) == {"sw_cfa", "colleague_cfa"}


def test_filters_that_are_not_choices_are_ignored(client, team_manager, outsider, waiting):
    client.force_login(team_manager)
    assert names(waiting, queue(client, worker=outsider.pk, kind="nonsense")) == set(waiting)
    assert names(waiting, queue(client, worker="1; drop")) == set(waiting)


@pytest.mark.parametrize(
    ("today", "tag"),
    [
        (datetime.date(2026, 11, 6), "In time"),  # 4 working days
        (datetime.date(2026, 11, 9), "Due today"),  # 5: the standard's last day
        (datetime.date(2026, 11, 10), "Overdue"),  # 6
    ],
)
def test_days_waiting_are_tagged_against_the_standard(client, team_manager, social_worker, today, tag):
    submit(social_worker)
    client.force_login(team_manager)
    with time_machine.travel(datetime.datetime.combine(today, datetime.time(12), datetime.UTC), tick=False):
        page = queue(client)
    assert f'">{tag}</strong>' in page


def test_the_oldest_waiting_item_is_offered_first(client, team_manager, waiting):
    client.force_login(team_manager)
    page = queue(client)
    first = waiting["sw_cfa"]
    assert f'href="/assessments/{first.assessment_id}/review/">Review the next:' in page


def test_after_a_decision_the_manager_returns_to_the_queue_keeping_its_filters(
    client, team_manager, social_worker, waiting
):
    client.force_login(team_manager)
    version = waiting["sw_cfa"]
    url = reverse("review", args=[version.assessment_id]) + f"?worker={social_worker.pk}"
    answer = client.post(url, {"grade": "requires_improvement", "feedback": "Say more about school."})
    assert answer.status_code == 302
    assert answer["Location"] == reverse("awaiting_sign_off") + f"?worker={social_worker.pk}"
    version.refresh_from_db()
    assert version.status == version.Status.RETURNED
