"""Objectives per person and per team (W 5), reviewed in supervision with a progress note, seen at appraisal, and
set by the appraisal as next year's goals (W 5.2)."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from supervision.models import Objective, ObjectiveReview, Progress
from tests.factories import ObjectiveFactory, ObservationFactory, SupervisionSessionFactory

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10), tick=False):
        yield


def dated(name, day):
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def test_a_manager_sets_an_objective_for_someone_they_manage(client, team_manager, social_worker):
    client.force_login(team_manager)
    answer = client.post(reverse("supervision:objective_new", args=[social_worker.pk]), {
        "title": "Complete life-story work with two children", "success": "Books shared with both children.",
        **dated("due_on", datetime.date(2027, 3, 31)),
    })
    assert answer.status_code == 302
    objective = Objective.objects.get(staff=social_worker)
    assert (objective.set_by, objective.set_on, objective.team) == (team_manager, TODAY, None)
    page = client.get(reverse("supervision:staff", args=[social_worker.pk])).content.decode()
    assert "Complete life-story work" in page


def test_an_objective_cannot_be_due_in_the_past(client, team_manager, social_worker):
    client.force_login(team_manager)
    page = client.post(reverse("supervision:objective_new", args=[social_worker.pk]), {
        "title": "Something", **dated("due_on", datetime.date(2026, 11, 22)),
    }).content.decode()
    assert "The date to achieve it by must be today or later" in page
    assert not Objective.objects.exists()


def test_a_team_objective_is_on_every_team_members_file(client, team_manager, social_worker, colleague, team):
    client.force_login(team_manager)
    client.post(reverse("supervision:team_objective_new", args=[team.pk]), {
        "title": "Every chronology up to date", **dated("due_on", datetime.date(2027, 1, 31)),
    })
    assert Objective.objects.get().team == team
    for member in (social_worker, colleague):
        page = client.get(reverse("supervision:staff", args=[member.pk])).content.decode()
        assert "Every chronology up to date" in page and "Team A team" in page


def test_progress_is_reviewed_in_supervision_with_a_note(client, team_manager, social_worker):
    objective = ObjectiveFactory(staff=social_worker)
    session = SupervisionSessionFactory(supervisee=social_worker, date=TODAY)
    client.force_login(team_manager)
    page = client.get(session.get_absolute_url()).content.decode()
    assert objective.title in page and "Not reviewed yet" in page
    url = reverse("supervision:objective_review", args=[session.pk, objective.pk])
    answer = client.post(url, {"progress": Progress.SOME_CONCERNS, "note": "One assessment late: court week."})
    assert answer.status_code == 302
    review = ObjectiveReview.objects.get()
    assert (review.session, review.staff, review.reviewed_on) == (session, social_worker, TODAY)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Some concerns" in page and "One assessment late: court week." in page


def test_a_progress_note_of_only_spaces_is_not_a_note(client, team_manager, social_worker):
    objective = ObjectiveFactory(staff=social_worker)
    session = SupervisionSessionFactory(supervisee=social_worker, date=TODAY)
    client.force_login(team_manager)
    url = reverse("supervision:objective_review", args=[session.pk, objective.pk])
    page = client.post(url, {"progress": Progress.ON_TRACK, "note": "   "}).content.decode()
    assert "Enter the progress note" in page and not ObjectiveReview.objects.exists()


def test_an_objective_achieved_leaves_the_list_to_review(client, team_manager, social_worker):
    objective = ObjectiveFactory(staff=social_worker)
    session = SupervisionSessionFactory(supervisee=social_worker, date=TODAY)
    client.force_login(team_manager)
    client.post(reverse("supervision:objective_review", args=[session.pk, objective.pk]),
                {"progress": Progress.ACHIEVED, "note": "All done."})
    objective.refresh_from_db()
    assert objective.achieved_on == TODAY
    assert objective not in Objective.objects.open()


def test_only_the_sessions_supervisor_reviews_progress(client, head_of_service, social_worker):
    objective = ObjectiveFactory(staff=social_worker)
    session = SupervisionSessionFactory(supervisee=social_worker, date=TODAY)
    client.force_login(head_of_service)
    assert client.get(reverse("supervision:objective_review", args=[session.pk, objective.pk])).status_code == 404


def test_someone_elses_objective_cannot_be_reviewed_in_this_session(client, team_manager, social_worker, colleague):
    theirs = ObjectiveFactory(staff=colleague)
    session = SupervisionSessionFactory(supervisee=social_worker, date=TODAY)
    client.force_login(team_manager)
    assert client.get(reverse("supervision:objective_review", args=[session.pk, theirs.pk])).status_code == 404


def test_the_appraisal_shows_the_objectives_and_sets_next_years_goals(client, team_manager, social_worker):
    objective = ObjectiveFactory(staff=social_worker)
    ObjectiveReview.objects.create(
        objective=objective, staff=social_worker, progress=Progress.ON_TRACK, note="Two of three done.",
        reviewed_by=team_manager, reviewed_on=datetime.date(2026, 10, 20),
    )
    ObservationFactory(practitioner=social_worker, observed_on=datetime.date(2026, 9, 1))
    client.force_login(team_manager)
    url = reverse("supervision:appraisal_new", args=[social_worker.pk])
    page = client.get(url).content.decode()
    assert objective.title in page and "Two of three done." in page
    answer = client.post(url, {
        **dated("held_on", TODAY), "achievements": "Strong year.", "development_needs": "Court skills.",
        "goals": "Lead a group supervision\n\n- Present at the practice forum\n",
        "lived_experience_feedback": "A mother said she always knew what would happen next.",
    }, follow=True)
    assert "with 2 objectives for the year ahead" in answer.content.decode()
    new = Objective.objects.exclude(pk=objective.pk).order_by("title")
    assert [o.title for o in new] == ["Lead a group supervision", "Present at the practice forum"]
    assert {o.due_on for o in new} == {datetime.date(2027, 11, 23)}
    assert "A mother said she always knew" in answer.content.decode()


def test_a_colleague_does_not_see_someone_elses_objectives(colleague, social_worker):
    ObjectiveFactory(staff=social_worker)
    assert not Objective.objects.visible_to(colleague).exists()
