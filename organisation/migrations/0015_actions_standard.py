from django.db import migrations

# ACTIONS (SPEC 4a) has no figure: its row is loaded so an administrator can turn it off, as any standard.
SPEC_DEFAULTS = {"ACTIONS": {}}


def load(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for code, values in SPEC_DEFAULTS.items():
        PracticeStandard.objects.get_or_create(code=code, defaults={"values": values})


def unload(apps, schema_editor):
    apps.get_model("organisation", "PracticeStandard").objects.filter(code__in=SPEC_DEFAULTS).delete()


class Migration(migrations.Migration):
    dependencies = [("organisation", "0014_supervisor_training_standard")]
    operations = [migrations.RunPython(load, unload)]
