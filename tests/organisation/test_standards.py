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
