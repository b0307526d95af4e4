"""Two people saving the same form at once (two real requests, two database connections): one save
stands, the other is told who changed it and keeps what they typed; nothing is lost and nothing answers 500."""
import datetime
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audits.models import AuditProgramme, CaseFileAudit, ManagerPracticeReview
from cases import sign_off
from cases.models import AssessmentVersion, Child, Grade
from organisation import standards
from organisation.models import PracticeStandard, StaffMember, Team
from supervision.models import CaseDiscussion, PersonalSection, SupervisionSession, TeamMeeting
from tests.factories import (
    AssessmentVersionFactory,
    CaseDiscussionFactory,
    CaseFileAuditFactory,
    ManagerPracticeReviewFactory,
    SupervisionSessionFactory,
    TeamMeetingFactory,
)
from tests.forms import date_fields, form_with

pytestmark = pytest.mark.django_db(transaction=True)


@dataclass
class EditForm:
    user: str
    url: Callable
    field: str
    saved: Callable
    values: tuple = ("Words typed by the first person.", "Words typed by the second person.")
    post_url: Callable = None
    extra: dict = field(default_factory=dict)


EDIT_FORMS = {
    "assessment or plan": EditForm(
        "social_worker", lambda w: reverse("edit_version", args=[w["version"].assessment_id]), "analysis",
        lambda w: AssessmentVersion.objects.get(pk=w["version"].pk).analysis,
        extra={"actions-TOTAL_FORMS": "0"},
    ),
    "case discussion": EditForm(
        "team_manager", lambda w: reverse("supervision:discussion_edit", args=[w["discussion"].pk]), "discussion",
        lambda w: CaseDiscussion.objects.get(pk=w["discussion"].pk).discussion,
    ),
    "supervision record": EditForm(
        "team_manager", lambda w: reverse("supervision:record", args=[w["session"].pk]), "record",
        lambda w: SupervisionSession.objects.get(pk=w["session"].pk).record,
    ),
    "supervisee's notes": EditForm(
        "social_worker", lambda w: reverse("supervision:session", args=[w["session"].pk]), "preparation",
        lambda w: SupervisionSession.objects.get(pk=w["session"].pk).preparation,
        post_url=lambda w: reverse("supervision:notes", args=[w["session"].pk]),
    ),
    "personal section (two first saves)": EditForm(
        "team_manager", lambda w: reverse("supervision:personal", args=[w["session"].pk]), "workload",
        lambda w: PersonalSection.objects.get(session=w["session"]).workload,
    ),
    "team meeting": EditForm(
        "team_manager", lambda w: reverse("supervision:meeting_edit", args=[w["meeting"].pk]), "minutes",
        lambda w: TeamMeeting.objects.get(pk=w["meeting"].pk).minutes,
    ),
    "case file audit": EditForm(
        "team_manager", lambda w: reverse("audits:edit", args=[w["audit"].pk]), "strengths",
        lambda w: CaseFileAudit.objects.get(pk=w["audit"].pk).strengths, extra={"save": ""},
    ),
    "manager practice review": EditForm(
        "head_of_service", lambda w: reverse("audits:review_edit", args=[w["review"].pk]), "agreed_actions",
        lambda w: ManagerPracticeReview.objects.get(pk=w["review"].pk).agreed_actions, extra={"save": ""},
    ),
    "response to an audit": EditForm(
        "social_worker", lambda w: reverse("audits:respond", args=[w["completed_audit"].pk]),
        "practitioner_response",
        lambda w: CaseFileAudit.objects.get(pk=w["completed_audit"].pk).practitioner_response,
    ),
    "audit programme": EditForm(
        "administrator", lambda w: reverse("audits:programme"), "monthly_audits_per_manager",
        lambda w: str(AuditProgramme.current().monthly_audits_per_manager), values=("3", "4"),
    ),
    "allocation": EditForm(
        "team_manager", lambda w: reverse("allocate", args=[w["child"].pk]), "worker",
        lambda w: str(Child.objects.get(pk=w["child"].pk).worker_id),
        values=("social_worker", "colleague"),
        extra={"purpose": "Assessment", "expectations": "Weekly visits", "contingency": "Return next day",
               **date_fields("complete_by", datetime.date.today() + datetime.timedelta(days=60)),
               "suited_because": "Knows the family"},
    ),
    "staff member": EditForm(
        "administrator", lambda w: reverse("organisation:staff_change", args=[w["colleague"].pk]), "last_name",
        lambda w: StaffMember.objects.get(pk=w["colleague"].pk).last_name, values=("Adebayo", "Brennan"),
    ),
    "team": EditForm(
        "administrator", lambda w: reverse("organisation:team_change", args=[w["social_worker"].team_id]), "name",
        lambda w: Team.objects.get(pk=w["social_worker"].team_id).name, values=("North", "South"),
    ),
    "practice standard": EditForm(
        "administrator", lambda w: reverse("compliance:standard_edit", args=["CASELOAD"]), "cases_per_fte",
        lambda w: str(standards.figure("CASELOAD", "cases_per_fte")), values=("20", "21"),
    ),
}


@pytest.fixture
def world(social_worker, colleague, team_manager, head_of_service, administrator, child):
    PracticeStandard.objects.get_or_create(code="CASELOAD")  # a transactional test starts from empty tables
    session = SupervisionSessionFactory(supervisee=social_worker, date=timezone.localdate())
    return {
        "social_worker": social_worker, "colleague": colleague, "team_manager": team_manager,
        "head_of_service": head_of_service, "administrator": administrator, "child": child,
        "version": AssessmentVersionFactory(assessment__child=child),
        "session": session,
        "discussion": CaseDiscussionFactory(session=session, child=child),
        "meeting": TeamMeetingFactory(team=social_worker.team),
        "audit": CaseFileAuditFactory(child=child, auditor=team_manager),
        "completed_audit": CaseFileAuditFactory(child=child, auditor=team_manager, status="completed",
                                                grade=Grade.GOOD),
        "review": ManagerPracticeReviewFactory(manager=team_manager, reviewer=head_of_service),
    }


def _both_at_once(*calls):
    """Run the calls in two threads released together; each closes its own database connection."""
    start, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(i):
        try:
            start.wait(5)
            results[i] = calls[i]()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results


@pytest.mark.parametrize("kind", EDIT_FORMS)
def test_two_saves_at_once_keep_one_and_tell_the_other_person(world, kind):
    case = EDIT_FORMS[kind]
    url = case.url(world)
    values = [str(world[v].pk) if v in world else v for v in case.values]
    people = [Client(), Client()]
    for person in people:
        person.force_login(world[case.user])
    # Both read the form before either saves, as two people (or two tabs) would.
    forms = [form_with(person.get(url).content.decode(), case.field) for person in people]
    post_url = (case.post_url or case.url)(world)
    responses = _both_at_once(*[
        (lambda i=i: people[i].post(post_url, {**forms[i], **case.extra, case.field: values[i]}))
        for i in range(2)
    ])
    codes = [response.status_code for response in responses]
    assert all(code < 500 for code in codes), codes
    saved = [i for i, code in enumerate(codes) if code == 302]
    assert len(saved) == 1, codes
    told = responses[1 - saved[0]].content.decode()
    assert "while you were editing it" in told
    if case.values[1 - saved[0]] not in world:  # what the second person typed is still on their page
        assert values[1 - saved[0]] in told
    assert case.saved(world) == values[saved[0]]


def test_saving_again_after_a_conflict_keeps_the_second_persons_words(client, world):
    meeting, url = world["meeting"], reverse("supervision:meeting_edit", args=[world["meeting"].pk])
    client.force_login(world["team_manager"])
    stale = form_with(client.get(url).content.decode(), "minutes")
    fresh = form_with(client.get(url).content.decode(), "minutes")
    assert client.post(url, {**fresh, "minutes": "Saved first."}).status_code == 302
    told = client.post(url, {**stale, "minutes": "Typed second."})
    assert "while you were editing it" in told.content.decode() and "Saved first." in told.content.decode()
    again = form_with(told.content.decode(), "minutes")
    assert client.post(url, again).status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes == "Typed second."


def test_two_new_versions_at_once_make_one_draft(world, team_manager, social_worker):
    version = world["version"]
    sign_off.submit(version=version, author=social_worker)
    sign_off.decide(version=version, manager=team_manager, grade=Grade.GOOD,
                    affirmations={f: True for f, _ in sign_off.K5_ITEMS}, feedback="Good work.")
    people = [Client(), Client()]
    for person in people:
        person.force_login(social_worker)
    url = reverse("new_version", args=[version.assessment_id])
    responses = _both_at_once(*[(lambda p=p: p.post(url)) for p in people])
    assert [r.status_code for r in responses] == [302, 302]
    assert AssessmentVersion.objects.filter(assessment=version.assessment).count() == 2
