from django.db import migrations

# MGR-ATTEND reports over a configurable number of months (SPEC 4b); frozen here as loaded.
MONTHS = 12


def load(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for standard in PracticeStandard.objects.filter(code="MGR-ATTEND"):
        if "months" not in standard.values:
            standard.values = {**standard.values, "months": MONTHS}
            standard.save(update_fields=["values"])


def unload(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for standard in PracticeStandard.objects.filter(code="MGR-ATTEND"):
        standard.values = {name: value for name, value in standard.values.items() if name != "months"}
        standard.save(update_fields=["values"])


class Migration(migrations.Migration):
    dependencies = [("organisation", "0006_staff_started_in_post")]
    operations = [migrations.RunPython(load, unload)]
