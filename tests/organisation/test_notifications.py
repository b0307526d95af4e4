"""In-app notifications (issue 17): who is told of what, the page, opening one, and the header's count."""
import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audits import services as audit_services
from audits.models import AuditStatus, CorrectiveAction
from cases import sign_off
from cases.models import Grade
from compliance import sweep
from compliance.models import Flag, SubjectKind
from organisation import standards
from organisation.context_processors import UnreadNotifications
from organisation.models import Notification
from organisation.notifications import notify
from supervision import services as supervision_services
from tests.compliance.helpers import at, run, supervised
from tests.factories import (
    AssessmentVersionFactory,
    CaseDiscussionFactory,
    CaseFileAuditFactory,
    ChildFactory,
    NotificationFactory,
    PersonalSectionFactory,
    SupervisionSessionFactory,
    TeamFactory,
)

D = datetime.date
TODAY = D(2026, 11, 23)
ALL_AFFIRMED = {field: True for field, _ in sign_off.K5_ITEMS}


def told(user):
    return list(Notification.objects.for_user(user).values_list("text", "url"))


# --- sign-off: signed off or returned -> the version's author ---


@pytest.fixture
def submitted(child, social_worker):
    return sign_off.submit(version=AssessmentVersionFactory(assessment__child=child), author=social_worker)


@pytest.mark.parametrize(
    "grade, affirmations, verb",
    [(Grade.GOOD, ALL_AFFIRMED, "signed off"), (Grade.REQUIRES_IMPROVEMENT, {}, "returned")],
)
def test_a_sign_off_decision_tells_the_author_only(submitted, social_worker, team_manager, grade, affirmations, verb):
    sign_off.decide(version=submitted, manager=team_manager, grade=grade, affirmations=affirmations, feedback="Seen.")
    [(text, url)] = told(social_worker)
    assert text.startswith(f"{team_manager} {verb} your ") and submitted.assessment.child.local_id in text
    assert url == reverse("assessment", args=[submitted.assessment_id])
    assert Notification.objects.count() == 1 and not told(team_manager)


def test_a_decision_that_rolls_back_tells_nobody(submitted, team_manager):
    with pytest.raises(RuntimeError), transaction.atomic():
        sign_off.decide(
            version=submitted, manager=team_manager, grade=Grade.GOOD, affirmations=ALL_AFFIRMED, feedback="Seen."
        )
        assert Notification.objects.count() == 1  # written inside the decision's transaction...
        raise RuntimeError("the request fails after the decision")
    assert not Notification.objects.exists()  # ...so it went with it


def test_a_refused_decision_tells_nobody(submitted, team_manager):
    with pytest.raises(ValidationError):
        sign_off.decide(version=submitted, manager=team_manager, grade=Grade.GOOD, affirmations={}, feedback="Ok.")
    assert not Notification.objects.exists()


# --- a case discussion filed -> the child's allocated worker, unless they filed it ---


def test_filing_a_case_discussion_tells_the_childs_allocated_worker(social_worker, team_manager, child):
    session = SupervisionSessionFactory(supervisee=social_worker, date=D(2026, 11, 19))
    discussion = CaseDiscussionFactory(session=session, child=child)
    supervision_services.file_case_discussion(discussion=discussion, today=TODAY, now=at(TODAY))
    assert told(social_worker) == [
        (f"{team_manager} filed a case discussion on child {child.local_id}'s record.", discussion.get_absolute_url())
    ]
    assert Notification.objects.count() == 1


def test_the_allocated_worker_who_files_the_discussion_is_not_told(colleague, team_manager, team):
    # The team manager holds the child's case and supervises a colleague about it.
    child = ChildFactory(worker=team_manager, team=team)
    session = SupervisionSessionFactory(supervisee=colleague, supervisor=team_manager, date=D(2026, 11, 19))
    discussion = CaseDiscussionFactory(session=session, child=child)
    supervision_services.file_case_discussion(discussion=discussion, today=TODAY, now=at(TODAY))
    assert not Notification.objects.exists()


def test_completing_a_session_tells_the_worker_once_per_discussion_filed(social_worker, team_manager):
    session = SupervisionSessionFactory(supervisee=social_worker, date=D(2026, 11, 19), record="Caseload discussed.")
    PersonalSectionFactory(session=session)
    discussions = CaseDiscussionFactory.create_batch(2, session=session)
    supervision_services.complete_session(session=session, today=TODAY, now=at(TODAY))
    assert sorted(url for _, url in told(social_worker)) == sorted(d.get_absolute_url() for d in discussions)
    assert Notification.objects.count() == 2


# --- a corrective action created with an owner -> the owner ---


def test_a_new_corrective_action_tells_its_owner(social_worker, team_manager, child):
    audit = CaseFileAuditFactory(child=child, auditor=team_manager)
    action = CorrectiveAction(what="Update the chronology.", owner=social_worker, due_on=D(2026, 12, 4))
    audit_services.add_action(audit=audit, action=action, by=team_manager)
    text = (
        f"{team_manager} gave you a corrective action from the audit of child {child.local_id}, "
        "due by 4 December 2026."
    )
    assert told(social_worker) == [(text, reverse("audits:action", args=[action.pk]))]
    assert Notification.objects.count() == 1


def test_an_auditor_who_owns_the_action_is_not_told(team_manager, child):
    audit = CaseFileAuditFactory(child=child, auditor=team_manager)
    action = CorrectiveAction(what="Add the birth certificate.", owner=team_manager, due_on=D(2026, 12, 4))
    audit_services.add_action(audit=audit, action=action, by=team_manager)
    assert CorrectiveAction.objects.filter(pk=action.pk).exists()
    assert not Notification.objects.exists()


@time_machine.travel(at(TODAY), tick=False)
def test_adding_an_action_through_its_page_tells_the_owner(client, social_worker, team_manager, child):
    audit = CaseFileAuditFactory(child=child, auditor=team_manager, status=AuditStatus.COMPLETED, grade=Grade.GOOD)
    client.force_login(team_manager)
    response = client.post(reverse("audits:add_action", args=[audit.pk]), {
        "what": "Record the child's views.", "owner": social_worker.pk,
        "due_on_0": "4", "due_on_1": "12", "due_on_2": "2026",
    })
    assert response.status_code == 302
    [(text, url)] = told(social_worker)
    assert url == CorrectiveAction.objects.get(audit=audit).get_absolute_url()


# --- a new flag -> the staff member it is about, or the child's allocated worker ---


@pytest.fixture
def gaps(db):
    """A child with no chronology whose worker has no supervision contract; a child with no worker."""
    team = TeamFactory()
    worker = supervised(team=team, started_in_post=D(2024, 1, 8))
    ChildFactory(worker=None, team=team, opened_on=D(2026, 1, 5))
    return ChildFactory(worker=worker, team=team, opened_on=D(2026, 1, 5))


def expected_notices():
    """(recipient, text, url) for every flag about a child with a worker or about a member of staff."""
    rows = set()
    for flag in Flag.objects.select_related("child"):
        title = standards.BY_CODE[flag.rule].title
        if flag.kind == SubjectKind.STAFF:
            rows.add((flag.staff_id, f"A flag was raised for you: {title}.", reverse("staff", args=[flag.staff_id])))
        elif flag.kind == SubjectKind.CHILD and flag.child.worker_id:
            text = f"A flag was raised for child {flag.child.local_id}: {title}."
            rows.add((flag.child.worker_id, text, flag.child.get_absolute_url()))
    return rows


def notices():
    return list(Notification.objects.values_list("recipient", "text", "url"))


def test_a_new_flag_tells_the_staff_member_or_the_childs_worker_once(gaps):
    run(TODAY)
    worker = gaps.worker
    chronology = f"A flag was raised for child {gaps.local_id}: Chronology started."
    assert (worker.pk, chronology, gaps.get_absolute_url()) in notices()
    contract = "A flag was raised for you: Supervision contract."
    assert (worker.pk, contract, reverse("staff", args=[worker.pk])) in notices()
    # One each for the flags about staff and allocated children; none for a team's or an unallocated child's.
    assert len(notices()) == len(set(notices())) == len(expected_notices())
    assert set(notices()) == expected_notices()
    assert Flag.objects.filter(kind=SubjectKind.CHILD, child__worker__isnull=True).exists()
    assert set(Notification.objects.values_list("created_at", flat=True)) == {at(TODAY, 9)}


def test_a_flag_still_open_at_the_next_sweep_tells_nobody_again(gaps):
    run(TODAY)
    first = Notification.objects.count()
    run(D(2026, 11, 24))
    assert Notification.objects.count() == first


def test_the_array_insert_tells_the_same_people_as_bulk_create(gaps, monkeypatch):
    run(TODAY)
    by_array = sorted(notices())
    Flag.objects.all().delete()
    Notification.objects.all().delete()
    monkeypatch.setattr(connection, "vendor", "sqlite")
    run(TODAY)
    assert sorted(notices()) == by_array


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the demo's SQLite runs one sweep at a time")
def test_a_flag_another_sweep_raised_first_is_not_told_twice(gaps, monkeypatch):
    run(TODAY)
    told_once = Notification.objects.count()
    read = sweep._read
    # This sweep read no open flags (another sweep raised them after its read): its INSERT finds them there.
    monkeypatch.setattr(sweep, "_read", lambda *args: (read(*args)[0], {}))
    run(TODAY)
    assert Notification.objects.count() == told_once


def test_a_sweep_killed_after_raising_a_rules_flags_leaves_no_notification(gaps, monkeypatch):
    written = []

    def killed(*args, **kwargs):
        written.append(Notification.objects.count())
        raise RuntimeError("worker killed")

    # Killed in the first rule's transaction, after its flags and their notifications were inserted.
    monkeypatch.setattr(sweep, "_update", killed)
    with pytest.raises(RuntimeError):
        run(TODAY)
    assert written[0] > 0
    assert not Flag.objects.exists()
    assert not Notification.objects.exists()


# --- notify() itself ---


def test_notify_never_tells_the_actor_and_links_only_within_oversight(social_worker, team_manager):
    assert notify(social_worker, "Done.", "/", actor=social_worker) is None
    assert notify(None, "Nobody to tell.", "/", actor=team_manager) is None
    with pytest.raises(ValueError):
        notify(social_worker, "Elsewhere.", "https://example.com/", actor=team_manager)
    with pytest.raises(ValueError):
        notify(social_worker, "Elsewhere.", "//example.com/", actor=team_manager)
    assert notify(social_worker, "Done.", "/", actor=team_manager).recipient == social_worker


# --- the page, opening one, marking all read ---


def test_the_page_lists_only_mine_newest_first_with_the_unread_tagged(client, social_worker, colleague):
    NotificationFactory(recipient=social_worker, text="Older and read.", created_at=at(D(2026, 11, 2)),
                        read_at=at(D(2026, 11, 3)))
    NotificationFactory(recipient=social_worker, text="Newer and unread.", created_at=at(D(2026, 11, 20)))
    NotificationFactory(recipient=colleague, text="The colleague's own.")
    client.force_login(social_worker)
    page = client.get(reverse("notifications")).content.decode()
    main = page[page.index('id="main-content"'):]
    assert "The colleague's own." not in page
    assert main.index("Newer and unread.") < main.index("Older and read.")
    assert main.count("govuk-tag--blue\">New</strong>") == 1
    assert main.index("New</strong>") < main.index("Newer and unread.") < main.index("Older and read.")


def test_the_page_shows_50_at_a_time(client, social_worker):
    NotificationFactory.create_batch(51, recipient=social_worker)
    client.force_login(social_worker)
    assert len(client.get(reverse("notifications")).context["page"]) == 50
    assert len(client.get(reverse("notifications"), {"page": 2}).context["page"]) == 1


def test_opening_a_notification_marks_it_read_and_goes_to_its_link(client, social_worker, child):
    notification = NotificationFactory(recipient=social_worker, url=child.get_absolute_url())
    other = NotificationFactory(recipient=social_worker)
    client.force_login(social_worker)
    response = client.get(reverse("notification", args=[notification.pk]))
    assert response.status_code == 302 and response.url == child.get_absolute_url()
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert Notification.objects.for_user(social_worker).unread().get() == other


def test_opening_it_again_keeps_when_it_was_first_read(client, social_worker):
    notification = NotificationFactory(recipient=social_worker, read_at=at(D(2026, 11, 2)))
    client.force_login(social_worker)
    client.get(reverse("notification", args=[notification.pk]))
    notification.refresh_from_db()
    assert notification.read_at == at(D(2026, 11, 2))


def test_someone_elses_notification_is_not_found(client, social_worker, team_manager):
    notification = NotificationFactory(recipient=social_worker)
    client.force_login(team_manager)
    assert client.get(reverse("notification", args=[notification.pk])).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_as_read_marks_only_mine(client, social_worker, colleague):
    NotificationFactory.create_batch(3, recipient=social_worker)
    theirs = NotificationFactory(recipient=colleague)
    client.force_login(social_worker)
    assert client.get(reverse("notifications_read_all")).status_code == 405
    response = client.post(reverse("notifications_read_all"))
    assert response.status_code == 302 and response.url == reverse("notifications")
    assert not Notification.objects.for_user(social_worker).unread().exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


# --- the header ---


@pytest.mark.parametrize("persona", ["social_worker", "team_manager", "head_of_service", "director", "iro",
                                     "administrator"])
def test_every_signed_in_role_sees_their_unread_count_in_the_header(client, request, persona):
    user = request.getfixturevalue(persona)
    NotificationFactory.create_batch(3, recipient=user)
    NotificationFactory(recipient=user, read_at=at(TODAY))
    client.force_login(user)
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("notifications")}"' in page
    assert 'Notifications (3<span class="govuk-visually-hidden"> unread</span>)' in page


def test_no_count_when_nothing_is_unread(client, social_worker):
    client.force_login(social_worker)
    page = client.get(reverse("home")).content.decode()
    assert "Notifications" in page and "Notifications (" not in page


def test_the_header_count_costs_one_query_however_many_there_are(
    client, social_worker, child, monkeypatch, django_assert_max_num_queries
):
    client.force_login(social_worker)
    home = reverse("home")
    client.get(home)  # the first request after signing in saves the session
    with monkeypatch.context() as patched, CaptureQueriesContext(connection) as before:
        patched.setattr(UnreadNotifications, "count", 0)  # the home page as it was, without the count
        client.get(home)
    NotificationFactory.create_batch(60, recipient=social_worker)
    with django_assert_max_num_queries(len(before.captured_queries) + 1) as after:
        assert "Notifications (60" in client.get(home).content.decode()
    counts = [q["sql"] for q in after.captured_queries if Notification._meta.db_table in q["sql"]]
    assert len(counts) == 1 and "COUNT(" in counts[0]
