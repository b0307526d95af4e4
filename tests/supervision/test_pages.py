"""What the supervision pages show, and that their query counts stay bounded whatever the history."""
import datetime

from django.urls import reverse

from supervision.models import SupervisionSession
from tests.factories import (
    CaseDiscussionFactory,
    ChildFactory,
    ObservationFactory,
    StaffFactory,
    SupervisionContractFactory,
    SupervisionSessionFactory,
    TeamMeetingFactory,
)

D = datetime.date


def held(member, on, **fields):
    return SupervisionSessionFactory(
        supervisee=member, date=on, status=SupervisionSession.Status.HELD,
        completed_at=datetime.datetime.combine(on, datetime.time(17), datetime.UTC), **fields,
    )


def row(content, member):
    return content.split(f">{member}</a>")[1].split("</tr>")[0]


def test_team_supervision_lists_the_most_overdue_first(client, monday, team, team_manager, social_worker, colleague):
    held(social_worker, D(2026, 11, 16))
    held(colleague, D(2026, 9, 1))  # overdue since 1 October
    SupervisionContractFactory(staff=social_worker)
    ObservationFactory(practitioner=social_worker, observed_on=D(2025, 11, 22))
    ObservationFactory(practitioner=colleague, observed_on=D(2025, 11, 23))
    client.force_login(team_manager)
    response = client.get(reverse("supervision:team"))
    rows, content = response.context["rows"], response.content.decode()
    assert [(m, m.has_contract) for m in rows] == [(colleague, False), (social_worker, True)]
    assert "Overdue by 53 days" in row(content, colleague)
    assert "Due in 23 days" in row(content, social_worker)
    assert "Over 12 months" in row(content, social_worker)
    assert "Over 12 months" not in row(content, colleague)


def test_my_supervision_shows_days_left(client, monday, social_worker):
    held(social_worker, D(2026, 11, 16))
    client.force_login(social_worker)
    content = client.get(reverse("supervision:mine")).content.decode()
    assert "Due in 23 days" in content and "Wednesday 16 December 2026" in content
    assert "No supervision contract is recorded" in content


def test_team_supervision_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, monday, team, team_manager
):
    for n in range(30):
        member = StaffFactory(team=team, line_manager=team_manager)
        held(member, D(2026, 10, 1) + datetime.timedelta(days=n))
        SupervisionContractFactory(staff=member)
        ObservationFactory(practitioner=member)
    client.force_login(team_manager)
    # 10, the header's open-flag and unread-notification counts, the manager's team ids (scoping)
    with django_assert_max_num_queries(13):
        assert client.get(reverse("supervision:team")).status_code == 200


def test_a_supervision_file_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, monday, social_worker, team_manager
):
    for n in range(40):
        session = held(social_worker, D(2025, 11, 1) + datetime.timedelta(days=9 * n))
        CaseDiscussionFactory(session=session, filed_at=session.completed_at)
    for n in range(5):
        ObservationFactory(practitioner=social_worker, observed_on=D(2022 + n, 3, 1))
    client.force_login(team_manager)
    # 19 (with objectives, training, induction and the support record's link), the access log INSERT, the
    # header's flag and unread-notification counts, team ids
    with django_assert_max_num_queries(23):
        assert client.get(reverse("supervision:staff", args=[social_worker.pk])).status_code == 200


def test_a_session_page_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, monday, social_worker, team_manager
):
    session = SupervisionSessionFactory(supervisee=social_worker, date=D(2026, 11, 23))
    for _ in range(8):
        CaseDiscussionFactory(session=session, child=ChildFactory(worker=social_worker))
    client.force_login(team_manager)
    # 16, the objectives to review, the manager's team ids (scoping), the actions agreed in the session and the
    # two who may own a new one (read once per rendering of the select, twice).
    with django_assert_max_num_queries(21):
        assert client.get(session.get_absolute_url()).status_code == 200


def test_team_meetings_list_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, team, team_manager, social_worker
):
    for n in range(20):
        meeting = TeamMeetingFactory(team=team, held_on=D(2026, 1, 5) + datetime.timedelta(weeks=2 * n))
        meeting.attendees.add(social_worker, team_manager)
    client.force_login(social_worker)
    with django_assert_max_num_queries(9):  # 8, and the header's unread-notification count
        assert client.get(reverse("supervision:meetings")).status_code == 200


def test_the_navigation_offers_supervision_to_each_role(client, social_worker, team_manager):
    client.force_login(social_worker)
    assert "My supervision" in client.get(reverse("home")).content.decode()
    client.force_login(team_manager)
    assert "Team supervision" in client.get(reverse("home")).content.decode()
