"""The team manager's home leads with what needs them: the sign-off queue, their own standards falling due
this week (from the rules themselves), and children waiting for a worker, each one click from being done."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from cases import worklist
from cases.models import AssessmentVersion, Grade
from cases.worklist import Due
from tests.factories import (
    AssessmentVersionFactory,
    CaseDiscussionFactory,
    CaseFileAuditFactory,
    ChildFactory,
    SupervisionContractFactory,
    SupervisionSessionFactory,
    TeamMeetingFactory,
)

HELD = datetime.date(2026, 10, 20)  # a monthly supervision held on Tuesday 20 October


def at(day):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(12), datetime.UTC), tick=False)


def due(manager, today, code):
    return [item for item in worklist.needs_manager(manager=manager, today=today) if item.code == code]


@pytest.fixture
def supervised(social_worker, team_manager):
    SupervisionSessionFactory(
        supervisee=social_worker, supervisor=team_manager, date=HELD, status="held",
        completed_at=datetime.datetime.combine(HELD, datetime.time(15), datetime.UTC),
    )
    return social_worker


def test_a_supervisees_supervision_is_listed_while_its_last_day_is_within_the_week(team_manager, supervised):
    last_day = datetime.date(2026, 11, 20)  # a month after the last session
    [item] = due(team_manager, datetime.date(2026, 11, 16), "SUP-FREQ")
    assert (item.on, item.about) == (last_day, supervised.get_full_name())
    assert item.url == reverse("supervision:session_start", args=[supervised.pk])
    # Listed while the last day is within the next 7 days, so from 6 days before.
    assert due(team_manager, last_day - datetime.timedelta(days=7), "SUP-FREQ") == []
    assert len(due(team_manager, last_day - datetime.timedelta(days=6), "SUP-FREQ")) == 1
    for today, overdue in [(last_day - datetime.timedelta(days=1), False), (last_day, False),
                           (last_day + datetime.timedelta(days=1), True)]:
        [item] = due(team_manager, today, "SUP-FREQ")
        assert (item.on, item.is_overdue(today)) == (last_day, overdue)


def test_another_managers_staff_are_not_on_the_list(other_team, supervised):
    assert due(other_team.manager, datetime.date(2026, 11, 30), "SUP-FREQ") == []


def test_a_case_discussion_to_file_links_to_the_discussion(team_manager, social_worker, child):
    session = SupervisionSessionFactory(supervisee=social_worker, supervisor=team_manager, date=HELD)
    discussion = CaseDiscussionFactory(session=session, child=child)
    [item] = due(team_manager, discussion.filing_due_on, "SUP-FILED")
    assert (item.on, item.about, item.url) == (discussion.filing_due_on, f"{child.full_name} ({child.local_id})",
                                               discussion.get_absolute_url())
    assert item.what == "File the case discussion"


def test_a_team_meeting_falls_due_for_the_managers_team(team_manager, team):
    TeamMeetingFactory(team=team, held_on=datetime.date(2026, 11, 4))
    [item] = due(team_manager, datetime.date(2026, 12, 31), "TEAM-MEETING")
    assert (item.about, item.url) == (team.name, reverse("supervision:meeting_new", args=[team.pk]))


def test_the_home_leads_with_the_queue_and_whats_due_with_overdue_tagged(client, team_manager, supervised, child):
    version = AssessmentVersionFactory(
        assessment__child=child, author=supervised, status=AssessmentVersion.Status.SUBMITTED,
        submitted_at=datetime.datetime(2026, 10, 1, 10, tzinfo=datetime.UTC),
    )
    unallocated = ChildFactory(worker=None, team=child.team)
    client.force_login(team_manager)
    with at(datetime.date(2026, 12, 1)):
        page = client.get(reverse("home")).content.decode()
    needs_you = page[page.index("Needs you"):page.index("Your team")]
    assert f'href="{reverse("review", args=[version.assessment_id])}"' in needs_you
    assert "1 item awaiting your sign-off" in needs_you
    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in needs_you  # 43 working days > 20
    assert f"Supervision<span class=\"govuk-visually-hidden\"> for {supervised.get_full_name()}" in needs_you
    assert f'href="{reverse("allocate", args=[unallocated.pk])}"' in needs_you


def test_the_childs_front_page_shows_the_last_case_discussion_and_audit(client, team_manager, social_worker, child):
    discussion = CaseDiscussionFactory(
        session=SupervisionSessionFactory(supervisee=social_worker, supervisor=team_manager, date=HELD),
        child=child, filed_at=datetime.datetime(2026, 10, 22, 9, tzinfo=datetime.UTC),
    )
    CaseDiscussionFactory(session=SupervisionSessionFactory(supervisee=social_worker, supervisor=team_manager),
                          child=child)  # not filed: in the supervision file only
    audit = CaseFileAuditFactory(child=child, auditor=team_manager, status="completed",
                                 grade=Grade.REQUIRES_IMPROVEMENT, audited_on=datetime.date(2026, 11, 3))
    CaseFileAuditFactory(child=child, auditor=team_manager, audited_on=datetime.date(2026, 11, 20))  # a draft
    client.force_login(team_manager)
    page = client.get(reverse("child", args=[child.pk])).content.decode()
    glance = page[page.index("Oversight at a glance"):page.index("<h2 class=\"govuk-heading-m\">Summary")]
    assert f'<a class="govuk-link" href="{discussion.get_absolute_url()}">Filed 22 October 2026</a>' in glance
    audited = f'<a class="govuk-link" href="{audit.get_absolute_url()}">3 November 2026</a>'
    assert f"{audited}, graded requires improvement" in glance


def test_management_oversight_and_a_child_waiting_for_a_worker_fall_due_for_the_manager(team_manager, team, child):
    unallocated = ChildFactory(worker=None, team=team, opened_on=datetime.date(2026, 11, 20))  # a Friday
    today = datetime.date(2026, 11, 23)
    named = f"{child.full_name} ({child.local_id})"
    [oversight] = [item for item in due(team_manager, today, "OVERSIGHT") if item.about == named]
    # Opened Monday 5 January with no management oversight since: due in 10 working days.
    assert (oversight.on, oversight.is_overdue(today)) == (datetime.date(2026, 1, 19), True)
    assert oversight.url == reverse("add_record_entry", args=[child.pk, "decision"])
    [waiting] = due(team_manager, today, "UNALLOCATED")
    waiting_child = f"{unallocated.full_name} ({unallocated.local_id})"
    assert (waiting.on, waiting.about) == (datetime.date(2026, 11, 27), waiting_child)
    assert waiting.url == reverse("allocate", args=[unallocated.pk])


def test_another_managers_children_are_not_on_the_list(other_team, child):
    assert due(other_team.manager, datetime.date(2026, 11, 23), "OVERSIGHT") == []


def test_a_supervisees_contract_review_falls_due_for_their_manager(team_manager, social_worker):
    SupervisionContractFactory(
        staff=social_worker, agreed_on=datetime.date(2025, 12, 1), review_on=datetime.date(2026, 11, 27)
    )
    [item] = due(team_manager, datetime.date(2026, 11, 23), "CONTRACT-REVIEW")
    assert (item.on, item.about) == (datetime.date(2026, 11, 27), social_worker.get_full_name())
    assert item.url == reverse("supervision:contract_new", args=[social_worker.pk])


def test_the_managers_own_audit_target_is_on_their_home_a_week_before_the_month_ends(team_manager, child):
    CaseFileAuditFactory(child=child, auditor=team_manager, audited_on=datetime.date(2026, 11, 3),
                         status="completed", grade=Grade.GOOD)
    [item] = due(team_manager, datetime.date(2026, 11, 24), "AUDIT-TARGET")  # a week ahead is 1 December
    assert (item.on, item.about, item.what) == (
        datetime.date(2026, 11, 30), "Me", "Complete 2 case file audits this month"
    )
    assert item.url == reverse("audits:sample")
    # The day before, the list still asks of October, in which they completed none: overdue since 31 October.
    [october] = due(team_manager, datetime.date(2026, 11, 23), "AUDIT-TARGET")
    assert october.on == datetime.date(2026, 10, 31)
    CaseFileAuditFactory(child=child, auditor=team_manager, audited_on=datetime.date(2026, 11, 24),
                         status="completed", grade=Grade.GOOD)
    assert due(team_manager, datetime.date(2026, 11, 24), "AUDIT-TARGET") == []


def test_a_managers_list_is_grouped_by_kind_of_work_with_conferences_first():
    today = datetime.date(2026, 12, 2)
    items = [
        Due(on=datetime.date(2026, 1, 5), what="Management oversight", code="OVERSIGHT", about="A"),
        Due(on=datetime.date(2026, 12, 20), what="Initial CP conference: attend, then confirm", code="MGR-ATTEND"),
        Due(on=datetime.date(2026, 12, 3), what="Management oversight", code="OVERSIGHT", about="B"),
        Due(on=datetime.date(2026, 11, 1), what="Action: call the school", code="ACTIONS"),
        Due(on=datetime.date(2026, 12, 2), what="Action: see Sam", code="ACTIONS"),
    ]
    groups = worklist.grouped(items, today, {"MGR-ATTEND": "Conferences"}, first=["MGR-ATTEND", "SUP-FREQ"])
    assert [(g.code, g.title, g.overdue, g.in_time) for g in groups] == [
        ("MGR-ATTEND", "Conferences", 0, 1),  # the title given
        ("OVERSIGHT", "Management oversight", 1, 1),  # what its items say
        ("ACTIONS", "Actions done in time", 1, 1),  # two different actions: the standard's title
    ]
    assert [row[1] for row in groups[1].rows] == ["A", "B"]  # soonest first within a kind
    assert groups[1].anchor == "due-oversight"


def test_the_managers_home_sums_each_kind_and_links_to_its_rows(client, team_manager, child):
    client.force_login(team_manager)  # the child, opened 5 January, has had no management oversight
    with at(datetime.date(2026, 11, 23)):
        page = client.get(reverse("home")).content.decode()
    summary = page[page.index("What is due, by kind of work"):page.index('id="due-')]
    assert '<a class="govuk-link" href="#due-oversight">Management oversight</a>' in summary
    assert 'data-label="Overdue">1</td>' in summary
    rows = page[page.index('id="due-oversight"'):]
    assert f"{child.full_name} ({child.local_id})" in rows[:rows.index("</table>")]
