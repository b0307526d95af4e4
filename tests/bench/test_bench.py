"""The benchmark harness on a small persona dataset: its pages answer, and its SQL floor is honest.

Nothing here is timed: the figures belong to `make bench`, never to a test.
"""
import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from bench import pages, sweep_floor
from bench.targets import judge, table
from cases.models import AssessmentVersion, Category
from compliance.rules import BY_CODE
from organisation.models import Role
from supervision.models import SupervisionSession
from tests.factories import (
    AssessmentFactory,
    AssessmentVersionFactory,
    ChildFactory,
    ChronologyEntryFactory,
    StaffFactory,
    SupervisionSessionFactory,
)

from ..compliance.helpers import at

D = datetime.date
# A summer day (British Summer Time: local midnight is 23:00 UTC), the week after Christmas and Boxing Day's
# bank holidays, and a 31st (calendar months clamp at month ends).
TODAYS = [D(2026, 7, 15), D(2026, 12, 30), D(2026, 3, 31)]


@pytest.fixture
def bench_urls():
    with override_settings(ROOT_URLCONF="bench.urls"):
        yield


def days_before(today, days):
    return today - datetime.timedelta(days=days)


def held(member, on):
    return SupervisionSessionFactory(
        supervisee=member, supervisor=member.line_manager, date=on, status=SupervisionSession.Status.HELD,
        completed_at=at(on, 16),
    )


def supervision_cases(team, manager, today):
    """Staff on either side of each SUP-FREQ frequency, and staff outside the rule's population."""
    def member(**fields):
        fields.setdefault("started_in_post", D(2018, 1, 8))
        return StaffFactory(team=team, line_manager=manager, **fields)

    newly_qualified = days_before(today, 100)
    held(member(), days_before(today, 45))  # monthly, overdue
    held(member(), days_before(today, 10))  # monthly, in time
    held(member(), today.replace(day=1) - datetime.timedelta(days=1))  # monthly, at most a month ago
    member()  # never supervised, started in post long ago: overdue
    member(started_in_post=days_before(today, 3))  # never supervised, just started: in time
    member(started_in_post=None)  # never supervised, no start in post: due now
    held(member(date_qualified=newly_qualified), days_before(today, 15))  # newly qualified, overdue
    held(member(date_qualified=newly_qualified), days_before(today, 14))  # newly qualified, on the day
    held(member(date_qualified=None, returning_until=today + datetime.timedelta(days=30)), days_before(today, 20))
    held(member(date_qualified=None, returning_until=days_before(today, 1)), days_before(today, 20))
    late = member()
    held(late, days_before(today, 60))
    SupervisionSessionFactory(supervisee=late, supervisor=manager, date=days_before(today, 2))  # planned only
    held(member(is_active=False), days_before(today, 90))  # a leaver: not supervised
    held(manager, days_before(today, 70))  # the team manager is supervised too
    StaffFactory(role=Role.HEAD_OF_SERVICE, team=None, started_in_post=D(2018, 1, 8))  # no line manager: not in it


def record_cases(worker, today):
    """Children either side of CHRON-MISSING's and PLAN-UNSIGNED's working-day deadlines."""
    for days in (3, 10, 13, 14, 15, 20, 60):
        ChildFactory(worker=worker, opened_on=days_before(today, days))  # no chronology yet
        ChronologyEntryFactory(child=ChildFactory(worker=worker, opened_on=days_before(today, days)))
    ChildFactory(worker=worker, opened_on=days_before(today, 90), closed_on=days_before(today, 1))
    for days in (1, 5, 7, 8, 9, 10, 30):
        for hour in (0, 23):  # just after and just before local midnight: the rule compares local dates
            submitted(worker, at(days_before(today, days), hour), AssessmentVersion.Status.SUBMITTED)
    submitted(worker, at(days_before(today, 30)), AssessmentVersion.Status.SIGNED_OFF)
    closed = ChildFactory(worker=worker, opened_on=days_before(today, 90), closed_on=days_before(today, 1))
    submitted(worker, at(days_before(today, 30)), AssessmentVersion.Status.SUBMITTED, child=closed)


def submitted(worker, when, status, child=None):
    child = child or ChildFactory(worker=worker, category=Category.CHILD_PROTECTION)
    AssessmentVersionFactory(assessment=AssessmentFactory(child=child), status=status, submitted_at=when)


@pytest.mark.parametrize("today", TODAYS)
def test_the_sql_floor_finds_exactly_the_rules_breaches(team_manager, social_worker, today):
    supervision_cases(social_worker.team, team_manager, today)
    record_cases(social_worker, today)
    rules, floor = sweep_floor.rule_breaches(today), sweep_floor.floor_breaches(today)
    for code in sweep_floor.CORE:
        population = set(BY_CODE[code].population(today).values_list("pk", flat=True))
        # Each rule has breaches and subjects in time, so agreement means something.
        assert 0 < len(rules[code]) < len(population), code
        assert floor[code] == rules[code], code


def test_a_floor_that_forgets_closed_cases_is_caught(team_manager, social_worker, monkeypatch):
    today = TODAYS[0]
    record_cases(social_worker, today)
    assert sweep_floor.honest(today)["CHRON-MISSING"]["same"]
    careless = sweep_floor.CHRON_MISSING_SQL.replace("c.closed_on IS NULL AND", "")
    monkeypatch.setattr(sweep_floor, "CHRON_MISSING_SQL", careless)
    assert not sweep_floor.honest(today)["CHRON-MISSING"]["same"]


def test_the_sweep_measure_reports_every_figure_with_an_honest_floor(team_manager, social_worker):
    today = timezone.localdate()
    supervision_cases(social_worker.team, team_manager, today)
    record_cases(social_worker, today)
    figures = sweep_floor.measure(today, timezone.now(), repeats=1)
    assert all(entry["same"] for entry in figures["honest"].values())
    assert all(figures["honest"][code]["rule"] > 0 for code in sweep_floor.CORE)
    assert list(figures["per_rule"]) == figures["floored"] == list(sweep_floor.FLOORED)
    assert all(rule["ratio_to_sql_floor"] > 0 for rule in figures["per_rule"].values())
    assert figures["ratio_to_sql_floor"] > 0 and figures["core"]["ratio_to_sql_floor"] > 0
    results = {
        "label": "large", "pages": {}, "sweep": figures, "load": {"skipped": "test"},
        "data": {"open_children": 1, "staff": 1, "teams": 1}, "run": {"cpus": 2, "requests": 1, "warmup": 0},
    }
    results["misses"] = judge(results, "large")
    printed = "\n".join(table(results))
    assert f"{len(sweep_floor.FLOORED)} floored rules" in printed
    assert all(f"    {code} " in printed for code in sweep_floor.FLOORED)


def test_every_key_page_answers_and_its_queries_are_counted(bench_urls, team_manager, social_worker, child):
    ChronologyEntryFactory(child=child)
    today, now = timezone.localdate(), timezone.now()
    key_pages = pages.key_pages(today, now)
    assert [page.key for page in key_pages] == [
        "floor", "layout", "caseload", "child", "search", "manager_home", "sign_off", "team_supervision",
        "dashboard", "flags", "report", "report_pdf", "trends",
    ]
    results = pages.measure(key_pages, requests=2, warmup=1)  # raises PageError on anything but a 200
    assert results.keys() == {page.key for page in key_pages}
    for key, figures in results.items():
        assert figures["requests"] == 2, key
        assert figures["queries"] > 0, key
    assert results["child"]["url"] == f"/children/{child.pk}/"
    assert results["caseload"]["user_id"] == social_worker.pk
    assert results["sign_off"]["user_id"] == team_manager.pk
    assert results["search"]["user_id"] == team_manager.pk
    assert pages.surname_fragment(child.team) in child.last_name


def test_a_page_that_does_not_answer_200_stops_the_benchmark(bench_urls, social_worker, other_child):
    page = pages.Page("child", "Someone else's child", social_worker, f"/children/{other_child.pk}/")
    with pytest.raises(pages.PageError, match="404"):
        pages.measure([pages.Page(pages.FLOOR, "floor", social_worker, "/bench/floor/"), page], 1, 0)


def test_a_missed_target_is_reported_not_raised():
    page = {"label": "Child's record", "p50_ms": 9.0, "p95_ms": 12.0, "ratio_to_floor": 4.0, "queries": 31}
    floor = {"label": "floor", "p50_ms": 2.0, "p95_ms": 3.0, "ratio_to_floor": 1.0, "queries": 5}
    results = {
        "label": "large", "pages": {"floor": floor, "child": page}, "sweep": None, "load": {"skipped": "test"},
        "data": {"open_children": 1, "staff": 1, "teams": 1}, "run": {"cpus": 2, "requests": 1, "warmup": 0},
    }
    results["misses"] = judge(results, "large")
    assert results["misses"] == [
        "Child's record: p95_vs_floor = 4.0 (target <= 3x)", "Child's record: queries = 31 (target < 30)",
    ]
    assert any(line.startswith("MISS") for line in table(results))
    results["pages"]["child"].update(ratio_to_floor=4.0, queries=12)
    assert judge(results, "national") == []
