"""Every change of state on the child's record is a save: history keeps who made it, and a re-check is queued."""
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases import services, sign_off
from cases.models import AssessmentVersion, Grade
from tests.conftest import rechecked
from tests.factories import AssessmentVersionFactory

Status = AssessmentVersion.Status
ALL_AFFIRMED = {field: True for field, _ in sign_off.K5_ITEMS}


def latest(record):
    return record.history.first()


@pytest.fixture
def draft(child):
    return AssessmentVersionFactory(assessment__child=child)


def test_submitting_is_a_history_row_by_the_author(draft, social_worker, rechecks):
    sign_off.submit(version=draft, author=social_worker)
    row = latest(draft)
    assert (row.status, row.history_user, row.history_type) == (Status.SUBMITTED, social_worker, "~")
    assert rechecked(rechecks, "children", draft.assessment.child_id)


@pytest.mark.parametrize("grade, status", [(Grade.GOOD, Status.SIGNED_OFF), (Grade.INADEQUATE, Status.RETURNED)])
def test_a_decision_is_a_history_row_by_the_manager(draft, social_worker, team_manager, rechecks, grade, status):
    sign_off.submit(version=draft, author=social_worker)
    rechecks.clear()
    sign_off.decide(version=draft, manager=team_manager, grade=grade, affirmations=ALL_AFFIRMED, feedback="Seen.")
    row = latest(draft)
    assert (row.status, row.grade, row.history_user) == (status, grade, team_manager)
    assert [r.status for r in draft.history.all()] == [status, Status.SUBMITTED, Status.DRAFT]
    assert rechecked(rechecks, "children", draft.assessment.child_id)


def test_a_decided_version_never_changes_again(draft, social_worker, team_manager):
    sign_off.submit(version=draft, author=social_worker)
    decided = sign_off.decide(version=draft, manager=team_manager, grade=Grade.GOOD, affirmations=ALL_AFFIRMED,
                              feedback="Good.")
    decided.status = Status.SUBMITTED
    with pytest.raises(ValidationError):
        decided.save()


def test_a_submitted_version_changes_only_by_its_decision(draft, social_worker):
    submitted = sign_off.submit(version=draft, author=social_worker)
    submitted.analysis = "Rewritten while waiting for sign-off."
    with pytest.raises(ValidationError):
        submitted.save()


def test_a_new_version_is_a_history_row_by_its_author(draft, social_worker, team_manager):
    sign_off.submit(version=draft, author=social_worker)
    sign_off.decide(version=draft, manager=team_manager, grade=Grade.GOOD, affirmations=ALL_AFFIRMED, feedback="Ok")
    revised = sign_off.new_version(assessment=draft.assessment, author=social_worker)
    assert (latest(revised).history_type, latest(revised).history_user) == ("+", social_worker)


def test_allocation_ends_the_last_one_in_history_and_queues_both_workers(child, social_worker, colleague,
                                                                       team_manager, rechecks, team):
    first = services.allocate(child=child, team=team, worker=social_worker, by=team_manager, on=child.opened_on)
    services.allocate(child=child, team=team, worker=colleague, by=team_manager, on=child.opened_on)
    first.refresh_from_db()
    assert first.ended_on == child.opened_on
    assert (latest(first).ended_on, latest(first).history_user) == (child.opened_on, team_manager)
    assert (latest(child).worker_id, latest(child).history_user) == (colleague.pk, team_manager)
    assert rechecked(rechecks, "staff", colleague.pk) and rechecked(rechecks, "staff", social_worker.pk)


def test_the_record_history_shows_a_sign_off_as_a_change_to_the_version(client, draft, social_worker, team_manager):
    sign_off.submit(version=draft, author=social_worker)
    sign_off.decide(version=draft, manager=team_manager, grade=Grade.GOOD, affirmations=ALL_AFFIRMED,
                    feedback="Strong, child-centred work.")
    client.force_login(team_manager)
    page = client.get(reverse("traceability:record_history", args=[draft.assessment.child_id])).content.decode()
    cards = page.split('class="govuk-summary-card__title">')[1:]
    assert any(
        card.lower().startswith("assessment version") and "Signed off" in card and f"by {team_manager}" in card
        for card in cards
    )
