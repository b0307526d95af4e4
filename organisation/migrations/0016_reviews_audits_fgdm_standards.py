from django.db import migrations

# REVIEW-MINUTES, AUDIT-TARGET and FGDM-OFFER (SPEC 4a), with their defaults frozen here as loaded: later edits
# to standards.py must not rewrite what a council has configured.
SPEC_DEFAULTS = {
    "REVIEW-MINUTES": {"working_days": 20},
    "AUDIT-TARGET": {},  # its figure is the audit programme's (audits.AuditProgramme), kept in one place
    "FGDM-OFFER": {},
}


def load(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for code, values in SPEC_DEFAULTS.items():
        PracticeStandard.objects.get_or_create(code=code, defaults={"values": values})


def unload(apps, schema_editor):
    apps.get_model("organisation", "PracticeStandard").objects.filter(code__in=SPEC_DEFAULTS).delete()


class Migration(migrations.Migration):
    dependencies = [("organisation", "0015_actions_standard")]
    operations = [migrations.RunPython(load, unload)]
