"""The Done-when journey: audit a file with its evidence, add corrective actions, verify one."""
import datetime

import pytest
from django.urls import reverse

from audits import checklist
from audits.models import Answer, AuditStatus, CaseFileAudit, CorrectiveAction
from cases.models import Document
from tests.factories import CaseFileAuditFactory, ChronologyEntryFactory, CorrectiveActionFactory, DocumentFactory

from .conftest import answers

pytestmark = pytest.mark.usefixtures("pinned")


def test_the_audit_form_shows_the_records_evidence_beside_each_item(client, team_manager, child):
    ChronologyEntryFactory(child=child, occurred_on=datetime.date(2026, 2, 2))
    DocumentFactory(child=child, kind=Document.Kind.QUARTERLY_SUMMARY, dated=datetime.date(2026, 1, 20))
    client.force_login(team_manager)
    content = client.get(reverse("audits:start", args=[child.pk])).content.decode()
    assert child.full_name in content
    assert "What the record holds" in content
    assert "2 February 2026 (36 days ago)" in content
    assert "20 January 2026" in content
    for item in checklist.ITEMS:
        assert item.label in content


def test_rows_for_looked_after_children_only_start_as_not_applicable(client, team_manager, child):
    client.force_login(team_manager)
    form = client.get(reverse("audits:start", args=[child.pk])).context["form"]
    assert form["answer_photo"].value() == Answer.NOT_APPLICABLE
    assert form["answer_chronology"].value() == ""


def test_a_draft_is_saved_and_resumed_rather_than_duplicated(client, team_manager, child):
    client.force_login(team_manager)
    start = reverse("audits:start", args=[child.pk])
    response = client.post(start, {"save": "", "answer_chronology": Answer.NOT_MET, "comment_chronology": "Gap."})
    audit = CaseFileAudit.objects.get()
    assert response.url == audit.get_absolute_url()
    assert audit.status == AuditStatus.DRAFT
    assert client.get(start).url == reverse("audits:edit", args=[audit.pk])


def test_completing_the_audit_records_every_answer_and_the_grade(client, team_manager, child):
    client.force_login(team_manager)
    data = answers(complete="", grade="requires_improvement", strengths="Child's voice is clear.",
                   answer_quarterly_summary=Answer.NOT_MET, comment_quarterly_summary="None since October.",
                   reason_quarterly_summary="The worker is writing it this week.")
    response = client.post(reverse("audits:start", args=[child.pk]), data)
    audit = CaseFileAudit.objects.get()
    assert response.url == audit.get_absolute_url()
    assert (audit.status, audit.grade, audit.audited_on) == (
        AuditStatus.COMPLETED, "requires_improvement", datetime.date(2026, 3, 10)
    )
    assert audit.answers.count() == 15
    assert [item.code for item in audit.not_met_items()] == ["quarterly_summary"]


def test_completing_needs_every_answer_a_grade_and_a_comment_where_not_met(client, team_manager, child):
    client.force_login(team_manager)
    data = answers(complete="", answer_photo="", answer_chronology=Answer.NOT_MET)
    response = client.post(reverse("audits:start", args=[child.pk]), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "Choose an overall grade" in content
    assert "Say what is missing" in content
    assert "Answer “Recent photo (looked-after children)”" in content
    assert not CaseFileAudit.objects.exists()


def test_a_completed_audit_cannot_be_edited(client, team_manager, completed_audit):
    client.force_login(team_manager)
    assert client.get(reverse("audits:edit", args=[completed_audit.pk])).status_code == 404


def test_the_auditor_adds_two_corrective_actions_and_later_verifies_one(client, team_manager, social_worker, child):
    audit = CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade="good")
    client.force_login(team_manager)
    add = reverse("audits:add_action", args=[audit.pk])
    for what, day in [("Update the chronology.", "20"), ("File the review minutes.", "27")]:
        response = client.post(add, {"what": what, "owner": social_worker.pk,
                                     "due_on_0": day, "due_on_1": "3", "due_on_2": "2026"})
        assert response.url == audit.get_absolute_url()
    first, second = audit.actions.order_by("due_on")
    assert (first.owner, first.due_on) == (social_worker, datetime.date(2026, 3, 20))
    response = client.post(reverse("audits:action", args=[first.pk]),
                           {"verify": "", "verify-done_on_0": "9", "verify-done_on_1": "3", "verify-done_on_2": "2026"})
    assert response.url == audit.get_absolute_url()
    first.refresh_from_db()
    assert (first.done_on, first.verified_by, first.verified_on) == (
        datetime.date(2026, 3, 9), team_manager, datetime.date(2026, 3, 10)
    )
    content = client.get(audit.get_absolute_url()).content.decode()
    assert "Verified" in content and "Open" in content


def test_a_corrective_action_cannot_be_due_in_the_past(client, team_manager, social_worker, completed_audit):
    client.force_login(team_manager)
    response = client.post(reverse("audits:add_action", args=[completed_audit.pk]), {
        "what": "Late.", "owner": social_worker.pk, "due_on_0": "9", "due_on_1": "3", "due_on_2": "2026",
    })
    assert "The due date must be today or later" in response.content.decode()
    assert not CorrectiveAction.objects.exists()


def test_the_owner_records_their_action_done_but_cannot_verify_it(client, social_worker, completed_audit):
    action = CorrectiveActionFactory(audit=completed_audit, owner=social_worker)
    client.force_login(social_worker)
    url = reverse("audits:action", args=[action.pk])
    page = client.get(url)
    assert page.context["done_form"] is not None and page.context["verify_form"] is None
    client.post(url, {"done": "", "done-done_on_0": "10", "done-done_on_1": "3", "done-done_on_2": "2026"})
    action.refresh_from_db()
    assert action.done_on == datetime.date(2026, 3, 10)
    assert client.post(url, {"verify": ""}).status_code == 404
    action.refresh_from_db()
    assert action.verified_on is None


def test_a_done_date_in_the_future_is_refused(client, social_worker, completed_audit):
    action = CorrectiveActionFactory(audit=completed_audit, owner=social_worker)
    client.force_login(social_worker)
    response = client.post(reverse("audits:action", args=[action.pk]),
                           {"done": "", "done-done_on_0": "11", "done-done_on_1": "3", "done-done_on_2": "2026"})
    assert "must be today or in the past" in response.content.decode()
    action.refresh_from_db()
    assert action.done_on is None


def test_the_practitioner_responds_to_the_audit_of_their_work(client, social_worker, completed_audit):
    client.force_login(social_worker)
    response = client.post(reverse("audits:respond", args=[completed_audit.pk]),
                           {"practitioner_response": "Agreed; chronology updated this week."})
    assert response.url == completed_audit.get_absolute_url()
    completed_audit.refresh_from_db()
    assert completed_audit.practitioner_response == "Agreed; chronology updated this week."
    assert completed_audit.responded_at is not None


def test_the_auditor_records_telling_the_iro_of_missing_review_minutes(client, team_manager, iro, completed_audit):
    completed_audit.answers.create(item="plan_and_review", answer=Answer.NOT_MET, comment="No minutes.")
    client.force_login(team_manager)
    page = client.get(completed_audit.get_absolute_url()).content.decode()
    assert "tell the child's IRO or CP chair" in page
    form = client.get(reverse("audits:told", args=[completed_audit.pk])).context["form"]
    assert form["reviewing_officer_told"].value() == iro.pk
    client.post(reverse("audits:told", args=[completed_audit.pk]), {
        "reviewing_officer_told": iro.pk,
        "reviewing_officer_told_on_0": "10", "reviewing_officer_told_on_1": "3", "reviewing_officer_told_on_2": "2026",
    })
    completed_audit.refresh_from_db()
    assert (completed_audit.reviewing_officer_told, completed_audit.reviewing_officer_told_on) == (
        iro, datetime.date(2026, 3, 10)
    )
    assert not completed_audit.needs_reviewing_officer_told()


def test_the_list_shows_my_actions_and_those_waiting_for_my_verification(
    client, team_manager, social_worker, completed_audit
):
    CorrectiveActionFactory(audit=completed_audit, owner=social_worker, what="Add the birth certificate.")
    CorrectiveActionFactory(audit=completed_audit, owner=social_worker, what="Date the report.",
                            done_on=datetime.date(2026, 3, 9))
    client.force_login(social_worker)
    mine = client.get(reverse("audits:list")).content.decode()
    assert "Add the birth certificate." in mine and "Corrective actions for you to do" in mine
    client.force_login(team_manager)
    theirs = client.get(reverse("audits:list")).content.decode()
    assert "Done, waiting for you to verify" in theirs and "Date the report." in theirs


def test_the_audit_form_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries, team_manager, child):
    for day in range(1, 20):
        ChronologyEntryFactory(child=child, occurred_on=datetime.date(2026, 1, day))
        DocumentFactory(child=child, kind=Document.Kind.REPORT, dated=datetime.date(2026, 1, day))
    client.force_login(team_manager)
    # About 15 of these read the record; the rest are one per source registered on the child's timeline.
    with django_assert_max_num_queries(30):
        assert client.get(reverse("audits:start", args=[child.pk])).status_code == 200


def test_the_audit_list_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, team_manager, social_worker, child
):
    for _ in range(20):
        audit = CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade="good")
        CorrectiveActionFactory(audit=audit, owner=social_worker)
    client.force_login(team_manager)
    # 12, the manager's visible team ids (scoping) and the header's unread-notification count
    with django_assert_max_num_queries(14):
        assert client.get(reverse("audits:list")).status_code == 200


def test_an_audit_is_not_completed_while_an_item_not_met_has_no_follow_up(client, team_manager, child):
    client.force_login(team_manager)
    data = answers(complete="", grade="requires_improvement", answer_chronology=Answer.NOT_MET,
                   comment_chronology="Stops in January.", answer_quarterly_summary=Answer.NOT_MET,
                   comment_quarterly_summary="None since October.", reason_quarterly_summary="  ")
    response = client.post(reverse("audits:start", args=[child.pk]), data)
    content = response.content.decode()
    assert response.status_code == 200 and "<title>Error: " in content and "govuk-error-summary" in content
    for label in ("Chronology", "Quarterly summary"):
        item = next(item for item in checklist.ITEMS if item.label.startswith(label))
        assert f"“{item.label}” is not met: add a corrective action for it, or say why none is needed." in content
    assert not CaseFileAudit.objects.exists()


def test_an_item_not_met_is_followed_up_by_an_action_for_it_or_a_reason(client, team_manager, social_worker, child):
    client.force_login(team_manager)
    start = reverse("audits:start", args=[child.pk])
    client.post(start, answers(save="", answer_chronology=Answer.NOT_MET, comment_chronology="Stops in January.",
                               answer_photo=Answer.NOT_MET, comment_photo="None on file."))
    audit = CaseFileAudit.objects.get()
    client.post(reverse("audits:add_action", args=[audit.pk]), {
        "item": "chronology", "what": "Bring the chronology up to date.", "owner": social_worker.pk,
        "due_on_0": 20, "due_on_1": 3, "due_on_2": 2026,
    })
    assert CorrectiveAction.objects.get().item == "chronology"
    edit = reverse("audits:edit", args=[audit.pk])
    complete = answers(complete="", grade="good", answer_chronology=Answer.NOT_MET,
                       comment_chronology="Stops in January.", answer_photo=Answer.NOT_MET, comment_photo="None.")
    content = client.post(edit, complete).content.decode()
    assert "“Recent photo (looked-after children)” is not met" in content
    assert "“Chronology" not in content.split("govuk-error-summary__list")[1].split("</ul>")[0]
    client.post(edit, {**complete, "reason_photo": "Not looked after: the row was answered in error."})
    audit.refresh_from_db()
    assert audit.status == AuditStatus.COMPLETED
    assert audit.answers.get(item="photo").no_action_reason.startswith("Not looked after")
    assert "No corrective action needed: Not looked after" in client.get(audit.get_absolute_url()).content.decode()


def test_the_action_form_offers_the_audits_items_not_met(client, team_manager, child):
    audit = CaseFileAuditFactory(child=child, auditor=team_manager)
    audit.answers.create(item="chronology", answer=Answer.NOT_MET, comment="Gap.")
    audit.answers.create(item="photo", answer=Answer.MET)
    client.force_login(team_manager)
    form = client.get(reverse("audits:add_action", args=[audit.pk])).context["form"]
    assert [code for code, _ in form.fields["item"].choices] == ["", "chronology"]
