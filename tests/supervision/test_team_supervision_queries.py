"""Team supervision runs the same few queries however many staff the manager line-manages, and what they hold."""
import datetime

from django.urls import reverse

from organisation.models import Role
from supervision.models import SupervisionSession
from tests.factories import (
    AppraisalFactory,
    ObservationFactory,
    StaffFactory,
    SupervisionContractFactory,
    SupervisionSessionFactory,
)

D = datetime.date


def staff_with_history(manager, count):
    for n in range(count):
        # Every other one reports to a senior practitioner: two levels of line management below the manager.
        senior = StaffFactory(role=Role.SENIOR_PRACTITIONER, team=manager.team, line_manager=manager)
        member = StaffFactory(team=manager.team, line_manager=senior if n % 2 else manager)
        for month in (3, 6, 9):
            on = D(2026, month, 1 + n % 20)
            SupervisionSessionFactory(
                supervisee=member, date=on, status=SupervisionSession.Status.HELD,
                completed_at=datetime.datetime.combine(on, datetime.time(17), datetime.UTC),
            )
        SupervisionSessionFactory(supervisee=member, date=D(2026, 12, 1 + n % 20))
        SupervisionContractFactory(staff=member)
        ObservationFactory(practitioner=member)
        AppraisalFactory(staff=member)


def test_team_supervision_runs_the_same_few_queries_for_any_team(client, django_assert_max_num_queries, team_manager):
    client.force_login(team_manager)
    url = reverse("supervision:team")
    staff_with_history(team_manager, 2)
    # Session, user, the three standards' figures, the staff with their supervision, the header's team and flag
    # count, the session save (in a transaction), and the visible teams' ids that the scoping filters read.
    with django_assert_max_num_queries(13) as few:
        assert client.get(url).status_code == 200
    staff_with_history(team_manager, 30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("Start a session") == 64  # 32 members, 32 senior practitioners
