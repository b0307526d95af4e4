from django.db import migrations

# SUPERVISOR-TRAINING (issue 20), its default frozen here as loaded: later edits to standards.py must not rewrite
# what a council has configured.
SPEC_DEFAULTS = {"SUPERVISOR-TRAINING": {"months": 6}}


def load(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for code, values in SPEC_DEFAULTS.items():
        PracticeStandard.objects.get_or_create(code=code, defaults={"values": values})


def unload(apps, schema_editor):
    apps.get_model("organisation", "PracticeStandard").objects.filter(code__in=SPEC_DEFAULTS).delete()


class Migration(migrations.Migration):
    dependencies = [("organisation", "0013_report_countersign")]
    operations = [migrations.RunPython(load, unload)]
