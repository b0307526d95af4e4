from django.db import migrations

# SUP-FREQ's newly-qualified period became a figure (12 months; 24 under the early career programme).
MONTHS = 12


def load(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for standard in PracticeStandard.objects.filter(code="SUP-FREQ"):
        if "newly_qualified_months" not in standard.values:
            standard.values = {**standard.values, "newly_qualified_months": MONTHS}
            standard.save(update_fields=["values"])


def unload(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for standard in PracticeStandard.objects.filter(code="SUP-FREQ"):
        standard.values = {name: value for name, value in standard.values.items() if name != "newly_qualified_months"}
        standard.save(update_fields=["values"])


class Migration(migrations.Migration):
    dependencies = [("organisation", "0017_family_help_practitioner_role")]
    operations = [migrations.RunPython(load, unload)]
