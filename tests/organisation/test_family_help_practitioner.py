"""Practitioners who are not social workers (issue 20: for example family help lead practitioners) hold a caseload
and are supervised under the same standards as social workers."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from cases.models import Allocation
from organisation import policy
from organisation.models import Role, StaffMember
from tests.compliance.helpers import breaches, held, supervised
from tests.factories import StaffFactory
from tests.forms import date_fields

D = datetime.date
FH = Role.FAMILY_HELP_PRACTITIONER


@pytest.mark.parametrize("today, breached", [
    (D(2026, 11, 14), False),  # the day before a month since the last session
    (D(2026, 11, 15), False),  # a month: the last day supervision is in time
    (D(2026, 11, 16), True),  # the day after
])
def test_a_family_help_practitioner_is_flagged_by_sup_freq_like_a_social_worker(db, today, breached):
    member = supervised(role=FH, date_qualified=None, swe_number=None, started_in_post=D(2020, 1, 6))
    held(member, D(2026, 10, 15))
    assert (member.pk in breaches("SUP-FREQ", today)) is breached


def test_a_family_help_practitioner_is_a_practitioner_with_a_caseload(db):
    member = StaffFactory(role=FH)
    assert policy.is_practitioner(member) and policy.works_a_caseload(member)
    assert StaffMember.objects.practitioners().filter(pk=member.pk).exists()


def test_a_team_manager_allocates_a_child_to_a_family_help_practitioner(client, team, team_manager, child):
    worker = StaffFactory(role=FH, team=team, line_manager=team_manager, first_name="Ama", last_name="Boateng")
    client.force_login(team_manager)
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10), tick=False):
        assert "Ama Boateng" in client.get(reverse("allocate", args=[child.pk])).content.decode()
        response = client.post(reverse("allocate", args=[child.pk]), {
            "worker": worker.pk, "purpose": "Family help assessment", "expectations": "Weekly visits",
            "contingency": "Call the school if no access", **date_fields("complete_by", D(2026, 12, 23)),
            "suited_because": "Four years in family help with children of this age",
        })
    assert response.status_code == 302
    assert Allocation.objects.get(child=child, ended_on__isnull=True).worker == worker
    client.force_login(worker)
    assert child.full_name in client.get(reverse("home")).content.decode()
