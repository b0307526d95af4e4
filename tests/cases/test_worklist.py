"""The social worker's home as a worklist: what falls due next, from the standards' own rules, overdue tagged."""
import datetime

import pytest
import time_machine
from django.urls import reverse

from cases import worklist
from cases.models import AssessmentVersion, Category, ManagerMeeting
from tests.factories import (
    AssessmentVersionFactory,
    ChildFactory,
    ChronologyEntryFactory,
    ManagerMeetingFactory,
    PreProceedingsFactory,
    SupervisionSessionFactory,
)

OPENED = datetime.date(2026, 11, 2)  # a Monday; CHRON-MISSING's 10 working days end on Monday 16 November
LAST_DAY = datetime.date(2026, 11, 16)


def at(day):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(12), datetime.UTC), tick=False)


def chronology_items(worker, child, today):
    items = worklist.due_items(children=[child.pk], worker=worker, today=today)
    return [item for item in items if item.code == "CHRON-MISSING"]


@pytest.fixture
def new_case(social_worker):
    return ChildFactory(worker=social_worker, opened_on=OPENED, category=Category.EARLY_HELP)


@pytest.mark.parametrize(
    ("today", "overdue"),
    [(datetime.date(2026, 11, 13), False), (LAST_DAY, False), (datetime.date(2026, 11, 17), True)],
)
def test_a_chronology_is_due_on_the_rules_last_day_and_overdue_the_day_after(social_worker, new_case, today, overdue):
    [item] = chronology_items(social_worker, new_case, today)
    assert (item.on, item.is_overdue(today)) == (LAST_DAY, overdue)
    assert item.what == "Chronology started"
    assert item.url == reverse("add_record_entry", args=[new_case.pk, "chronology"])


def test_nothing_is_listed_more_than_two_weeks_ahead(social_worker, new_case):
    # Listed while the last day is within the next 14 days, so from 13 days before.
    assert chronology_items(social_worker, new_case, LAST_DAY - datetime.timedelta(days=14)) == []
    assert len(chronology_items(social_worker, new_case, LAST_DAY - datetime.timedelta(days=13))) == 1


def test_a_chronology_entry_takes_the_item_off_the_list(social_worker, new_case):
    ChronologyEntryFactory(child=new_case, occurred_on=OPENED)
    assert chronology_items(social_worker, new_case, LAST_DAY) == []


def test_the_workers_own_supervision_is_on_the_list(social_worker, team_manager):
    SupervisionSessionFactory(
        supervisee=social_worker, supervisor=team_manager, date=datetime.date(2026, 10, 20), status="held",
        completed_at=datetime.datetime(2026, 10, 20, 15, tzinfo=datetime.UTC),
    )
    items = worklist.due_items(children=[], worker=social_worker, today=datetime.date(2026, 11, 16))
    assert [(item.what, item.child_id) for item in items if item.code == "SUP-FREQ"] == [("My supervision", None)]


def test_the_home_page_shows_due_dates_and_tags_the_overdue(client, social_worker, new_case):
    client.force_login(social_worker)
    with at(datetime.date(2026, 11, 17)):
        page = client.get(reverse("home")).content.decode()
    assert "16 Nov 2026" in page
    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in page
    assert f"Chronology started<span class=\"govuk-visually-hidden\"> for {new_case.full_name}" in page


def test_the_home_page_lists_returned_work_and_drafts(client, social_worker, child):
    draft = AssessmentVersionFactory(assessment__child=child, author=social_worker)
    AssessmentVersionFactory(
        assessment__child=child, assessment__kind="cin_plan", author=social_worker,
        status=AssessmentVersion.Status.RETURNED, decided_at=datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC),
    )
    client.force_login(social_worker)
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("edit_version", args=[draft.assessment_id])}"' in page
    returned = f"Child in need plan for {child.full_name}</a> <strong class=\"govuk-tag govuk-tag--orange\">Returned"
    assert returned in page


def test_a_social_worker_has_flags_in_their_navigation(client, social_worker):
    client.force_login(social_worker)
    assert f'href="{reverse("compliance:flags")}"' in client.get(reverse("home")).content.decode()


def due_items(worker, child, today, code):
    return [item for item in worklist.due_items(children=[child.pk], worker=worker, today=today) if item.code == code]


def test_the_childs_views_and_an_assessment_falling_due_are_the_workers_each_where_it_is_done(social_worker):
    child = ChildFactory(worker=social_worker, opened_on=datetime.date(2026, 8, 3))
    today = datetime.date(2026, 10, 21)
    [views] = due_items(social_worker, child, today, "CHILD-VIEWS")
    assert (views.on, views.what) == (datetime.date(2026, 11, 3), "Child's views")  # 3 months after opening
    assert views.url == reverse("add_record_entry", args=[child.pk, "note"])
    # 45 working days from Monday 3 August, the summer bank holiday (31 August) between.
    [assessment] = due_items(social_worker, child, today, "ASSESSMENT-DUE")
    assert (assessment.on, assessment.is_overdue(today)) == (datetime.date(2026, 10, 6), True)
    assert assessment.url == reverse("start_assessment", args=[child.pk])


def test_management_oversight_and_allocation_are_not_on_the_workers_list(social_worker, child):
    assert [child.worker, child.opened_on] == [social_worker, datetime.date(2026, 1, 5)]  # no oversight since
    items = worklist.due_items(children=[child.pk], worker=social_worker, today=datetime.date(2026, 11, 23))
    assert items
    assert not {"OVERSIGHT", "UNALLOCATED"} & {item.code for item in items}


def test_late_review_minutes_and_an_unanswered_family_group_offer_are_on_the_workers_list(social_worker, child):
    ManagerMeetingFactory(child=child, kind=ManagerMeeting.Kind.CLA_REVIEW, held_on=datetime.date(2026, 10, 26))
    PreProceedingsFactory(child=child, started_on=datetime.date(2026, 11, 20))
    today = datetime.date(2026, 11, 23)
    # 20 working days after Monday 26 October is Monday 23 November: due today, a fortnight ahead in the list.
    [minutes] = due_items(social_worker, child, today, "REVIEW-MINUTES")
    assert (minutes.on, minutes.url) == (datetime.date(2026, 11, 23), reverse("add_record_entry",
                                                                                args=[child.pk, "document"]))
    [offer] = due_items(social_worker, child, today, "FGDM-OFFER")
    assert (offer.on, offer.is_overdue(today), offer.url) == (
        datetime.date(2026, 11, 20), True, child.get_absolute_url()
    )
