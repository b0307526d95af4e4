from django.db import migrations

# CASELOAD weights each open case by its category (SPEC 4a): in hundredths of a case, every one 100 (counted
# as one case, as before) until a council sets its own. Frozen here: later edits to standards.py must not
# rewrite what a council has configured.
WEIGHTS = {"cp_weight": 100, "cla_weight": 100, "cin_weight": 100, "care_leaver_weight": 100, "early_help_weight": 100}


def load(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for standard in PracticeStandard.objects.filter(code="CASELOAD"):
        missing = {name: weight for name, weight in WEIGHTS.items() if name not in standard.values}
        if missing:
            standard.values = {**standard.values, **missing}
            standard.save(update_fields=["values"])


def unload(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for standard in PracticeStandard.objects.filter(code="CASELOAD"):
        standard.values = {name: value for name, value in standard.values.items() if name not in WEIGHTS}
        standard.save(update_fields=["values"])


class Migration(migrations.Migration):
    dependencies = [("organisation", "0018_newly_qualified_months")]
    operations = [migrations.RunPython(load, unload)]
