from django.db import migrations

# The SPEC section 4 defaults, frozen here as they were when loaded: later
# edits to standards.py must not rewrite what a council has configured.
SPEC_DEFAULTS = {
    "SUP-FREQ": {"newly_qualified_days": 14, "returning_days": 14, "standard_months": 1},
    "SUP-CONTRACT": {},
    "SUP-FILED": {"working_days": 2},
    "APPRAISAL": {"months": 12},
    "OBSERVATION": {"months": 12},
    "CHRON-MISSING": {"working_days": 10},
    "CHRON-STALE": {"days": 90},
    "PLAN-UNSIGNED": {"working_days": 5},
    "PLAN-MISSING": {"working_days": 20},
    "SUMMARY": {"months": 3},
    "VISITS": {"cp_working_days": 10, "cla_weeks": 6, "cla_new_placement_weeks": 1, "cin_working_days": 20},
    "SEEN-ALONE": {"visits": 3},
    "CLA-DOCS": {"photo_months": 12},
    "AUDIT-ACTIONS": {},
    "CASELOAD": {"cases_per_fte": 18, "newly_qualified_percent": 80},
    "MGR-ATTEND": {},
    "TEAM-MEETING": {"weeks": 5},
}


def load(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for code, values in SPEC_DEFAULTS.items():
        PracticeStandard.objects.get_or_create(code=code, defaults={"values": values})


def unload(apps, schema_editor):
    apps.get_model("organisation", "PracticeStandard").objects.filter(code__in=SPEC_DEFAULTS).delete()


class Migration(migrations.Migration):
    dependencies = [("organisation", "0002_practice_standards")]
    operations = [migrations.RunPython(load, unload)]
