from cases.models import Category
from organisation import standards
from organisation.models import PracticeStandard


def test_every_spec_rule_is_loaded_with_its_defaults(db):
    loaded = dict(PracticeStandard.objects.values_list("code", "values"))
    assert set(loaded) == set(standards.BY_CODE)
    for code in standards.BY_CODE:
        assert loaded[code] == standards.defaults(code)


def test_a_configured_figure_replaces_the_default(db):
    PracticeStandard.objects.filter(code="PLAN-UNSIGNED").update(values={"working_days": 7})
    assert standards.figure("PLAN-UNSIGNED", "working_days") == 7
    assert standards.figures("VISITS")["cp_working_days"] == 10


def test_a_rule_can_be_turned_off(db):
    assert standards.is_enabled("CASELOAD")
    PracticeStandard.objects.filter(code="CASELOAD").update(enabled=False)
    assert not standards.is_enabled("CASELOAD")


def test_every_category_of_involvement_has_a_caseload_weight_counting_one_case_by_default():
    assert set(standards.CASE_WEIGHTS) == set(Category.values)
    weights = {name: standards.defaults("CASELOAD")[name] for name in standards.CASE_WEIGHTS.values()}
    assert set(weights.values()) == {100}
    assert all(f.local for f in standards.BY_CODE["CASELOAD"].figures if f.name in weights)
