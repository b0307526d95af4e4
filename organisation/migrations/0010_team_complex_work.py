from django.db import migrations, models

# SUP-FREQ's new figures (SPEC 4a, W 5.2), frozen here as loaded: a move of team or role is supervised as a
# changed role for 3 months unless the manager agrees another date; a team doing complex work every 14 days.
FIGURES = {"changed_role_months": 3, "complex_days": 14}


def load(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for standard in PracticeStandard.objects.filter(code="SUP-FREQ"):
        standard.values = {**FIGURES, **standard.values}
        standard.save(update_fields=["values"])


def unload(apps, schema_editor):
    PracticeStandard = apps.get_model("organisation", "PracticeStandard")
    for standard in PracticeStandard.objects.filter(code="SUP-FREQ"):
        standard.values = {name: value for name, value in standard.values.items() if name not in FIGURES}
        standard.save(update_fields=["values"])


class Migration(migrations.Migration):

    dependencies = [
        ('organisation', '0009_second_wave_standards'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalteam',
            name='complex_work',
            field=models.BooleanField(default=False, help_text='For example assessment work, where caseloads change within weeks: its staff are supervised more often (W 5.2).', verbose_name='complex work'),
        ),
        migrations.AddField(
            model_name='team',
            name='complex_work',
            field=models.BooleanField(default=False, help_text='For example assessment work, where caseloads change within weeks: its staff are supervised more often (W 5.2).', verbose_name='complex work'),
        ),
        migrations.RunPython(load, unload),
    ]
