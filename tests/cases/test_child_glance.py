"""The child's front page shows oversight at a glance: worker and since when, plan, oversight, visits."""
import datetime

from django.urls import reverse

from cases.models import CaseNote
from tests.factories import AllocationFactory, CaseNoteFactory, ManagementDecisionFactory


def test_the_record_opens_with_the_dates_a_manager_looks_for(client, team_manager, child):
    AllocationFactory(child=child, started_on=datetime.date(2026, 3, 2))
    ManagementDecisionFactory(child=child, decided_on=datetime.date(2026, 9, 14))
    visit = CaseNote.Kind.STATUTORY_VISIT
    CaseNoteFactory(child=child, kind=visit, occurred_on=datetime.date(2026, 10, 1), seen_alone=True)
    CaseNoteFactory(child=child, kind=visit, occurred_on=datetime.date(2026, 11, 5), seen_alone=False)
    CaseNoteFactory(child=child, kind=CaseNote.Kind.NOTE, occurred_on=datetime.date(2026, 11, 20))
    client.force_login(team_manager)
    page = client.get(reverse("child", args=[child.pk])).content.decode()
    glance = page[page.index("Oversight at a glance"):page.index("<h2 class=\"govuk-heading-m\">Summary")]
    assert f"{child.worker}, since 2 March 2026" in glance
    assert "14 September 2026" in glance  # last management oversight
    assert "5 November 2026" in glance  # last statutory visit, not the later case note
    assert "1 October 2026" in glance  # last seen alone
    assert "No plan started" in glance


def test_an_unallocated_child_says_so_at_a_glance(client, team_manager, child):
    child.worker = None
    child.save()
    client.force_login(team_manager)
    page = client.get(reverse("child", args=[child.pk])).content.decode()
    assert '<strong class="govuk-tag govuk-tag--red">Unallocated</strong>' in page
