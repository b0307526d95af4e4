"""A session from start to acknowledgement: the supervisee prepares and reflects, the supervisor records,
completes and files, the supervisee acknowledges (dated) or comments."""
import datetime
from html import escape

import pytest
from django.urls import reverse

from cases import timeline
from cases.models import ManagementDecision
from supervision import services
from supervision.models import AgendaItem, CaseDiscussion, PersonalSection, SessionAction, SupervisionSession
from tests.factories import (
    CaseDiscussionFactory,
    ChildFactory,
    PersonalSectionFactory,
    SessionActionFactory,
    StaffFactory,
    SupervisionSessionFactory,
)

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
    PersonalSectionFactory(session=planned)
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
    discussion = CaseDiscussionFactory(session=planned, child=child, discussion="")
    client.force_login(team_manager)
    response = client.post(reverse("supervision:complete", args=[planned.pk]))
    content = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in content and "govuk-error-summary" in content
    record = reverse("supervision:record", args=[planned.pk])
    assert f'<a href="{record}#id_record">Write the record of the session.</a>' in content
    edit = reverse("supervision:discussion_edit", args=[discussion.pk])
    assert f'<a href="{edit}">Complete the case discussion about {child.full_name}.</a>' in content
    planned.refresh_from_db()
    assert planned.status == SupervisionSession.Status.PLANNED
    assert not CaseDiscussion.objects.on_record().exists()


def test_a_future_session_cannot_be_completed(planned, monday):
    planned.date, planned.record = D(2026, 11, 24), "Written early."
    PersonalSectionFactory(session=planned)
    assert [problem.text for problem in planned.completion_problems(monday.date())] == [
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


# --- The personal section answered before the record is completed (W 3, W 5; SPEC 4b: whitespace is empty) ---

QUESTIONS = {  # as the page shows them (HTML-escaped)
    name: escape(f"Answer the personal section's question on {label}.")
    for name, label in [("workload", "workload"), ("wellbeing", "wellbeing and support"),
                        ("training_needs", "training and development needs")]
}


@pytest.fixture
def ready(planned):
    """A session with everything but (what each test leaves out of) the personal section."""
    planned.record = "Caseload, wellbeing and training discussed."
    planned.save()
    return planned


def complete(client, session, manager):
    client.force_login(manager)
    return client.post(reverse("supervision:complete", args=[session.pk]))


def assert_not_completed(session, history_rows):
    session.refresh_from_db()
    assert (session.status, session.completed_at) == (SupervisionSession.Status.PLANNED, None)
    assert session.history.count() == history_rows


@pytest.mark.parametrize("missing", list(QUESTIONS))
@pytest.mark.parametrize("blank", ["", "   \n\t "])
def test_each_personal_question_unanswered_alone_refuses_completion(client, ready, team_manager, missing, blank):
    PersonalSectionFactory(session=ready, **{missing: blank})
    rows = ready.history.count()
    response = complete(client, ready, team_manager)
    content = response.content.decode()
    assert response.status_code == 400 and "<title>Error: " in content
    personal = reverse("supervision:personal", args=[ready.pk])
    assert f'<a href="{personal}#id_{missing}">{QUESTIONS[missing]}</a>' in content
    assert [q for q in QUESTIONS if QUESTIONS[q] in content] == [missing]
    assert_not_completed(ready, rows)


def test_without_a_personal_section_every_question_is_named(client, ready, team_manager, child):
    discussion = CaseDiscussionFactory(session=ready, child=child)
    rows = ready.history.count()
    content = complete(client, ready, team_manager).content.decode()
    for name, problem in QUESTIONS.items():
        assert f'#id_{name}">{problem}</a>' in content
    assert_not_completed(ready, rows)
    discussion.refresh_from_db()
    assert not discussion.is_filed and not PersonalSection.objects.exists()


def test_the_personal_questions_all_answered_the_record_completes(client, ready, team_manager):
    PersonalSectionFactory(session=ready, risk_to_practitioner="", strengths="")  # not among the three asked
    response = complete(client, ready, team_manager)
    assert response.status_code == 302
    ready.refresh_from_db()
    assert ready.status == SupervisionSession.Status.HELD


def test_the_session_page_lists_the_unanswered_questions_before_completing(client, ready, team_manager):
    PersonalSectionFactory(session=ready, wellbeing=" ")
    client.force_login(team_manager)
    content = client.get(ready.get_absolute_url()).content.decode()
    assert QUESTIONS["wellbeing"] in content and QUESTIONS["workload"] not in content
    assert "Complete the record and file the case discussions" not in content


# --- Actions agreed in the session itself, outside a case discussion (W 3, W 5) ---

def action_data(owner, what="Book the court skills course."):
    return {"what": what, "owner": owner.pk, "due_on_0": 4, "due_on_1": 12, "due_on_2": 2026}


def test_the_supervisor_records_an_action_agreed_in_the_session(client, planned, team_manager, social_worker):
    client.force_login(team_manager)
    response = client.post(reverse("supervision:session_action_add", args=[planned.pk]), action_data(social_worker))
    assert response.status_code == 302
    action = SessionAction.objects.get()
    assert (action.session, action.owner, action.due_on, action.what) == (
        planned, social_worker, D(2026, 12, 4), "Book the court skills course.")
    assert action.history.first().history_user == team_manager
    page = client.get(planned.get_absolute_url()).content.decode()
    assert "Book the court skills course." in page


def test_an_action_without_what_or_date_is_refused_and_nothing_saved(client, planned, team_manager, social_worker):
    client.force_login(team_manager)
    data = action_data(social_worker, what="   ")
    data["due_on_0"] = ""
    response = client.post(reverse("supervision:session_action_add", args=[planned.pk]), data)
    content = response.content.decode()
    assert response.status_code == 400 and "<title>Error: " in content and "govuk-error-summary" in content
    assert not SessionAction.objects.exists()


def test_a_session_action_is_owned_by_the_supervisee_or_the_supervisor_only(
    client, planned, team_manager, colleague
):
    client.force_login(team_manager)
    response = client.post(reverse("supervision:session_action_add", args=[planned.pk]), action_data(colleague))
    assert response.status_code == 400
    assert not SessionAction.objects.exists()


def test_no_action_is_added_once_the_record_is_completed(client, held, team_manager, social_worker):
    client.force_login(team_manager)
    client.post(reverse("supervision:session_action_add", args=[held.pk]), action_data(social_worker))
    assert not SessionAction.objects.exists()


def test_the_supervisee_reads_the_actions_but_does_not_add_them(client, planned, social_worker):
    SessionActionFactory(session=planned, what="Reflect on the court hearing.")
    client.force_login(social_worker)
    page = client.get(planned.get_absolute_url()).content.decode()
    assert "Reflect on the court hearing." in page
    response = client.post(reverse("supervision:session_action_add", args=[planned.pk]), action_data(social_worker))
    assert response.status_code == 404 and SessionAction.objects.count() == 1


def test_session_actions_stay_in_the_personal_file(planned, social_worker, team_manager, colleague, iro):
    SessionActionFactory(session=planned)
    for reader in (social_worker, team_manager):
        assert SessionAction.objects.visible_to(reader).count() == 1
    for other in (colleague, iro, StaffFactory()):
        assert not SessionAction.objects.visible_to(other).exists()
