from django.db import migrations

# Which kinds of work need sign-off and the K 5 items affirmed of each, frozen here as loaded: later edits to
# cases/sign_off.py must not rewrite what a council has configured.
ASSESSMENT = ["affirmed_identity", "affirmed_seen_and_heard", "affirmed_understanding", "affirmed_life_story",
              "affirmed_lived_experience", "affirmed_holistic"]
PLAN = [*ASSESSMENT, "affirmed_smart"]
DEFAULTS = {
    "cfa": ASSESSMENT,
    "s47": ASSESSMENT,
    "cin_plan": PLAN,
    "cp_plan": PLAN,
    "care_plan": PLAN,
    "pathway_plan": PLAN,
    "court_statement": ["affirmed_identity", "affirmed_seen_and_heard", "affirmed_lived_experience",
                        "affirmed_holistic"],
    "court_chronology": ["affirmed_lived_experience"],
    "quarterly_summary": ["affirmed_seen_and_heard", "affirmed_lived_experience", "affirmed_holistic"],
    "cp_conference_report": ["affirmed_identity", "affirmed_seen_and_heard", "affirmed_understanding",
                             "affirmed_lived_experience", "affirmed_holistic"],
    "cla_review_report": ASSESSMENT,
    "closure_summary": ["affirmed_seen_and_heard", "affirmed_understanding", "affirmed_lived_experience",
                        "affirmed_holistic"],
}


def load(apps, schema_editor):
    SignOffSetting = apps.get_model("cases", "SignOffSetting")
    for kind, items in DEFAULTS.items():
        SignOffSetting.objects.get_or_create(kind=kind, defaults={"needs_sign_off": True, "items": items})


def unload(apps, schema_editor):
    apps.get_model("cases", "SignOffSetting").objects.filter(kind__in=DEFAULTS).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_sign_off_for_all_work")]
    operations = [migrations.RunPython(load, unload)]
