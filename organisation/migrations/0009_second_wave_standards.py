from django.db import migrations

# Five of the SPEC section 4a standards, with their defaults frozen here as loaded: later edits to standards.py
# must not rewrite what a council has configured.
SPEC_DEFAULTS = {
    "OVERSIGHT": {"first_working_days": 10, "months": 3},
    "UNALLOCATED": {"working_days": 5},
    "ASSESSMENT-DUE": {"working_days": 45, "review_months": 12},
    "CHILD-VIEWS": {"months": 3},
    "CONTRACT-REVIEW": {"months": 12},
}


def load(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for code, values in SPEC_DEFAULTS.items():
        PracticeStandard.objects.get_or_create(code=code, defaults={"values": values})


def unload(apps, schema_editor):
    apps.get_model("organisation", "PracticeStandard").objects.filter(code__in=SPEC_DEFAULTS).delete()


class Migration(migrations.Migration):
    dependencies = [("organisation", "0008_notifications")]
    operations = [migrations.RunPython(load, unload)]
