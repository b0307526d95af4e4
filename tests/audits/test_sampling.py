"""The fair sample: deterministic, spread over categories and workers, leaving recent audits out."""
import datetime
from collections import Counter

import pytest

from audits.models import AuditProgramme, AuditStatus
from audits.sampling import eligible, fair_sample, monthly_sample
from cases.models import Category, Child
from cases.services import allocate
from tests.factories import CaseFileAuditFactory, ChildFactory, StaffFactory

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def caseloads(team, team_manager):
    """Three workers: one with ten CIN children, two with a CP and a CLA child each."""
    busy, *others = [StaffFactory(team=team, line_manager=team_manager) for _ in range(3)]
    children = ChildFactory.create_batch(10, worker=busy, category=Category.CHILD_IN_NEED)
    for worker in others:
        children += [
            ChildFactory(worker=worker, category=Category.CHILD_PROTECTION),
            ChildFactory(worker=worker, category=Category.LOOKED_AFTER),
        ]
    return children


def test_the_same_children_and_seed_give_the_same_sample(caseloads):
    assert fair_sample(caseloads, 4, "seed") == fair_sample(list(reversed(caseloads)), 4, "seed")


def test_another_seed_gives_another_sample(caseloads):
    samples = {tuple(c.pk for c in fair_sample(caseloads, 4, seed)) for seed in range(10)}
    assert len(samples) > 1


def test_the_sample_spreads_over_categories_before_repeating_one(caseloads):
    for seed in range(20):
        categories = Counter(child.category for child in fair_sample(caseloads, 3, seed))
        assert categories == {Category.CHILD_IN_NEED: 1, Category.CHILD_PROTECTION: 1, Category.LOOKED_AFTER: 1}


def test_the_sample_spreads_over_workers_within_a_category(team, team_manager):
    workers = [StaffFactory(team=team, line_manager=team_manager) for _ in range(3)]
    children = [ChildFactory(worker=worker) for worker in workers for _ in range(4)]
    for seed in range(20):
        assert {child.worker_id for child in fair_sample(children, 3, seed)} == {w.pk for w in workers}


def test_a_sample_larger_than_the_pool_takes_the_whole_pool(caseloads):
    assert sorted(c.pk for c in fair_sample(caseloads[:3], 10, 1)) == sorted(c.pk for c in caseloads[:3])


def test_files_audited_within_the_exclusion_months_are_left_out(child, team_manager):
    programme = AuditProgramme(monthly_audits_per_manager=2, exclusion_months=6)
    CaseFileAuditFactory(child=child, auditor=team_manager, audited_on=datetime.date(2025, 9, 10))
    assert not eligible(Child.objects.all(), programme, TODAY).exists()


def test_a_file_audited_the_day_before_the_exclusion_months_is_eligible_again(child, team_manager):
    programme = AuditProgramme(monthly_audits_per_manager=2, exclusion_months=6)
    CaseFileAuditFactory(child=child, auditor=team_manager, audited_on=datetime.date(2025, 9, 9))
    assert list(eligible(Child.objects.all(), programme, TODAY)) == [child]


def test_closed_files_are_not_suggested(child):
    child.closed_on = datetime.date(2026, 2, 1)
    child.save()
    assert not eligible(Child.objects.all(), AuditProgramme(), TODAY).exists()


def test_this_months_sample_ticks_audits_off_rather_than_reshuffling(caseloads, team_manager):
    programme = AuditProgramme(monthly_audits_per_manager=3)
    before = monthly_sample(team_manager, programme, TODAY)
    CaseFileAuditFactory(child=before[0], auditor=team_manager, audited_on=TODAY, status=AuditStatus.COMPLETED,
                         grade="good")
    assert monthly_sample(team_manager, programme, TODAY + datetime.timedelta(days=5)) == before


def test_the_sample_is_drawn_only_from_files_the_auditor_may_audit(caseloads, other_child, team_manager, social_worker):
    programme = AuditProgramme(monthly_audits_per_manager=50)
    assert other_child not in monthly_sample(team_manager, programme, TODAY)
    allocate(child=caseloads[0], team=caseloads[0].team, worker=social_worker, by=team_manager, on=TODAY)
    assert monthly_sample(social_worker, programme, TODAY) == []
