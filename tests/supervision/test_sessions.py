"""A session from start to acknowledgement: the supervisee prepares and reflects, the supervisor records,
completes and files, the supervisee acknowledges (dated) or comments."""
import datetime

import pytest
from django.urls import reverse

from cases import timeline
from cases.models import ManagementDecision
from supervision import services
from supervision.models import AgendaItem, CaseDiscussion, PersonalSection, SupervisionSession
from tests.factories import CaseDiscussionFactory, ChildFactory, SupervisionSessionFactory

D = datetime.date


@pytest.fixture
def planned(social_worker, monday):
    return SupervisionSessionFactory(supervisee=social_worker, date=D(2026, 11, 23))


@pytest.fixture
def held(social_worker, monday):
    return SupervisionSessionFactory(
        supervisee=social_worker, date=D(2026, 11, 19), status=SupervisionSession.Status.HELD,
        completed_at=monday - datetime.timedelta(days=3), record="We discussed workload.",
    )


def test_a_manager_starts_a_session_with_the_supervisees_children_to_pick(
    client, monday, team_manager, social_worker, child
):
    second = ChildFactory(worker=social_worker)
    ChildFactory(worker=social_worker, closed_on=D(2026, 6, 1))
    client.force_login(team_manager)
    page = client.get(reverse("supervision:session_start", args=[social_worker.pk])).content.decode()
    assert child.full_name in page and second.full_name in page
    response = client.post(
        reverse("supervision:session_start", args=[social_worker.pk]),
        {"date_0": "23", "date_1": "11", "date_2": "2026", "children": [child.pk, second.pk]},
    )
    session = SupervisionSession.objects.get()
    assert response.url == session.get_absolute_url()
    assert (session.supervisor, session.supervisee, session.date) == (team_manager, social_worker, D(2026, 11, 23))
    assert set(session.case_discussions.values_list("child", flat=True)) == {child.pk, second.pk}


def test_a_manager_cannot_start_a_session_with_a_child_outside_the_list(client, monday, team_manager, social_worker,
                                                                         other_child):
    client.force_login(team_manager)
    response = client.post(
        reverse("supervision:session_start", args=[social_worker.pk]),
        {"date_0": "23", "date_1": "11", "date_2": "2026", "children": [other_child.pk]},
    )
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert not SupervisionSession.objects.exists()


def test_the_supervisee_adds_an_agenda_item_and_notes(client, planned, social_worker):
    client.force_login(social_worker)
    client.post(reverse("supervision:agenda_add", args=[planned.pk]), {"text": "My court statement"})
    client.post(reverse("supervision:notes", args=[planned.pk]), {"preparation": "Bring the chronology.",
                                                                   "reflection": ""})
    item = AgendaItem.objects.get()
    assert (item.text, item.added_by, item.session) == ("My court statement", social_worker, planned)
    planned.refresh_from_db()
    assert planned.preparation == "Bring the chronology."
    page = client.get(planned.get_absolute_url()).content.decode()
    assert "My court statement" in page and "Bring the chronology." in page


def test_an_empty_agenda_item_is_refused_with_a_message(client, planned, social_worker):
    client.force_login(social_worker)
    response = client.post(reverse("supervision:agenda_add", args=[planned.pk]), {"text": ""})
    assert response.status_code == 400
    assert b"govuk-error-summary" in response.content
    assert not AgendaItem.objects.exists()


def test_nothing_is_added_to_a_cancelled_sessions_agenda(client, planned, social_worker):
    planned.cancel("Court.")
    client.force_login(social_worker)
    client.post(reverse("supervision:agenda_add", args=[planned.pk]), {"text": "Too late"})
    assert not AgendaItem.objects.exists()


def test_the_supervisee_reflects_after_the_session(client, held, social_worker):
    client.force_login(social_worker)
    client.post(reverse("supervision:notes", args=[held.pk]), {"preparation": "", "reflection": "I learned a lot."})
    held.refresh_from_db()
    assert held.reflection == "I learned a lot."


def test_the_supervisor_writes_the_record_personal_section_and_a_case_discussion(
    client, planned, team_manager, child
):
    discussion = CaseDiscussionFactory(session=planned, child=child, discussion="")
    client.force_login(team_manager)
    client.post(reverse("supervision:record", args=[planned.pk]),
                {"date_0": "23", "date_1": "11", "date_2": "2026", "record": "Workload and training."})
    client.post(reverse("supervision:personal", args=[planned.pk]),
                {"workload": "Heavy.", "wellbeing": "Tired.", "risk_to_practitioner": "", "training_needs": "Court.",
                 "strengths": "Warmth."})
    client.post(reverse("supervision:discussion_edit", args=[discussion.pk]), {
        "purpose": "Assess.", "expectations": "Weekly visits.", "contingency": "Return next day.",
        "discussion": "Going well.", "decision": "Step down.", "rationale": "Risks reduced.",
    })
    planned.refresh_from_db()
    discussion.refresh_from_db()
    assert planned.record == "Workload and training."
    assert PersonalSection.objects.get(session=planned).workload == "Heavy."
    assert (discussion.discussion, discussion.decision) == ("Going well.", "Step down.")


def test_a_decision_needs_its_rationale(client, planned, team_manager, child):
    discussion = CaseDiscussionFactory(session=planned, child=child)
    client.force_login(team_manager)
    response = client.post(reverse("supervision:discussion_edit", args=[discussion.pk]), {
        "purpose": "Assess.", "expectations": "Visits.", "contingency": "Return.", "discussion": "Fine.",
        "decision": "Close the case.", "rationale": "",
    })
    assert response.status_code == 400
    assert "Enter the rationale for the decision" in response.content.decode()
    discussion.refresh_from_db()
    assert discussion.decision == ""


def test_completing_files_the_discussions_on_the_childrens_records(client, planned, team_manager, social_worker, child):
    planned.record = "Caseload reviewed."
    planned.save()
    other = ChildFactory(worker=social_worker)
    CaseDiscussionFactory(session=planned, child=child, decision="Step down.", rationale="Risks reduced.")
    CaseDiscussionFactory(session=planned, child=other)
    client.force_login(team_manager)
    response = client.post(reverse("supervision:complete", args=[planned.pk]), follow=True)
    assert "each case discussion is on the child" in response.content.decode()
    planned.refresh_from_db()
    assert planned.status == SupervisionSession.Status.HELD and planned.awaits_acknowledgement
    assert CaseDiscussion.objects.on_record().count() == 2
    assert ManagementDecision.objects.get().child == child
    for kid in (child, other):
        assert [entry.kind for entry in timeline.for_child(kid, team_manager)].count("case_discussion") == 1


def test_the_record_cannot_be_completed_while_something_is_missing(client, planned, team_manager, child):
    CaseDiscussionFactory(session=planned, child=child, discussion="")
    client.force_login(team_manager)
    response = client.post(reverse("supervision:complete", args=[planned.pk]), follow=True)
    content = response.content.decode()
    assert "Write the record of the session." in content
    assert f"Complete the case discussion about {child.full_name}." in content
    planned.refresh_from_db()
    assert planned.status == SupervisionSession.Status.PLANNED
    assert not CaseDiscussion.objects.on_record().exists()


def test_a_future_session_cannot_be_completed(planned, monday):
    planned.date, planned.record = D(2026, 11, 24), "Written early."
    assert planned.completion_problems(monday.date()) == [
        "The session is planned for a later date; complete the record on or after the day."
    ]


def test_the_supervisor_cancels_with_a_reason(client, planned, team_manager):
    client.force_login(team_manager)
    response = client.post(reverse("supervision:cancel", args=[planned.pk]), {"reason": ""})
    assert response.status_code == 200 and b"govuk-error-summary" in response.content
    client.post(reverse("supervision:cancel", args=[planned.pk]), {"reason": "Urgent visit."})
    planned.refresh_from_db()
    assert (planned.status, planned.cancelled_reason) == (SupervisionSession.Status.CANCELLED, "Urgent visit.")


def test_the_supervisee_acknowledges_the_record_dated(client, held, social_worker, monday):
    client.force_login(social_worker)
    response = client.post(reverse("supervision:acknowledge", args=[held.pk]), {"comment": ""}, follow=True)
    assert "You have acknowledged the record." in response.content.decode()
    held.refresh_from_db()
    assert held.acknowledged_at == monday
    assert not held.awaits_acknowledgement
    assert "Records to acknowledge" not in client.get(reverse("supervision:mine")).content.decode()


def test_acknowledging_twice_keeps_the_first_date(held, monday):
    assert held.acknowledge(monday)
    assert not held.acknowledge(monday + datetime.timedelta(days=1))
    held.refresh_from_db()
    assert held.acknowledged_at == monday


def test_the_supervisee_may_comment_instead_of_acknowledging(client, held, social_worker, monday):
    client.force_login(social_worker)
    response = client.post(reverse("supervision:acknowledge", args=[held.pk]), {"comment": "", "comment_only": "1"})
    assert response.status_code == 400 and "Enter your comment" in response.content.decode()
    client.post(reverse("supervision:acknowledge", args=[held.pk]),
                {"comment": "The visit was on Tuesday, not Monday.", "comment_only": "1"})
    held.refresh_from_db()
    assert (held.supervisee_comment, held.commented_at) == ("The visit was on Tuesday, not Monday.", monday)
    assert held.awaits_acknowledgement


def test_a_planned_session_cannot_be_acknowledged(planned, monday):
    assert not planned.acknowledge(monday)
    planned.refresh_from_db()
    assert planned.acknowledged_at is None


def test_my_supervision_lists_records_to_acknowledge_and_planned_sessions(client, held, planned, social_worker):
    client.force_login(social_worker)
    content = client.get(reverse("supervision:mine")).content.decode()
    assert "Records to acknowledge" in content
    assert held.get_absolute_url() in content and planned.get_absolute_url() in content
    assert "Next supervision due" in content


def test_the_supervisor_adds_another_child_and_removes_one(client, planned, team_manager, social_worker, child):
    client.force_login(team_manager)
    response = client.post(reverse("supervision:discussion_add", args=[planned.pk]), {"child": child.pk})
    discussion = CaseDiscussion.objects.get()
    assert response.url == reverse("supervision:discussion_edit", args=[discussion.pk])
    client.post(reverse("supervision:discussion_remove", args=[discussion.pk]))
    assert not CaseDiscussion.objects.exists()


def test_an_action_has_an_owner_and_a_due_date(client, planned, team_manager, social_worker, child):
    discussion = CaseDiscussionFactory(session=planned, child=child)
    client.force_login(team_manager)
    client.post(reverse("supervision:discussion_action_add", args=[discussion.pk]),
                {"what": "See the child alone", "owner": social_worker.pk,
                 "due_on_0": "4", "due_on_1": "12", "due_on_2": "2026"})
    action = discussion.actions.get()
    assert (action.owner, action.due_on) == (social_worker, D(2026, 12, 4))


def test_a_filed_discussion_no_longer_changes(planned, child, monday):
    discussion = CaseDiscussionFactory(session=planned, child=child)
    stale = CaseDiscussion.objects.get(pk=discussion.pk)
    CaseDiscussion.objects.filter(pk=discussion.pk).update(filed_at=monday)  # filed meanwhile
    assert not stale.revise(discussion="Changed after filing.")
    discussion.refresh_from_db()
    assert discussion.discussion == "Assessment on track; school reports better attendance."



def test_a_completed_record_no_longer_changes(held):
    with pytest.raises(services.AlreadyDone):
        services.save_record(session=held, on=held.date, record="Rewritten afterwards.")
    held.refresh_from_db()
    assert held.record == "We discussed workload."
