# One action tracker: a corrective action has the fields every action has (organisation/actions.py): its
# description becomes `what`, and marking it done records by whom, taken for existing actions from their history.
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def record_who_did(apps, schema_editor):
    """Each action already done: whoever first saved it done (its history), else the one who verified it, else
    its owner."""
    CorrectiveAction = apps.get_model("audits", "CorrectiveAction")
    History = apps.get_model("audits", "HistoricalCorrectiveAction")
    for action in CorrectiveAction.objects.filter(done_on__isnull=False, done_by__isnull=True).iterator():
        first = (
            History.objects.filter(id=action.pk, done_on__isnull=False, history_user__isnull=False)
            .order_by("history_date", "history_id").values_list("history_user", flat=True).first()
        )
        action.done_by_id = first or action.verified_by_id or action.owner_id
        action.save(update_fields=["done_by"])


class Migration(migrations.Migration):

    dependencies = [
        ("audits", "0003_follow_up_of_items_not_met"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="correctiveaction", old_name="description", new_name="what"),
        migrations.RenameField(model_name="historicalcorrectiveaction", old_name="description", new_name="what"),
        migrations.AlterField(
            model_name="correctiveaction", name="what", field=models.TextField(verbose_name="action"),
        ),
        migrations.AlterField(
            model_name="historicalcorrectiveaction", name="what", field=models.TextField(verbose_name="action"),
        ),
        migrations.AlterField(
            model_name="correctiveaction",
            name="owner",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL
            ),
        ),
        migrations.AddField(
            model_name="correctiveaction",
            name="carried",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="times carried over"),
        ),
        migrations.AddField(
            model_name="historicalcorrectiveaction",
            name="carried",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="times carried over"),
        ),
        migrations.AddField(
            model_name="correctiveaction",
            name="done_by",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                to=settings.AUTH_USER_MODEL, verbose_name="recorded done by",
            ),
        ),
        migrations.AddField(
            model_name="historicalcorrectiveaction",
            name="done_by",
            field=models.ForeignKey(
                blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="recorded done by",
            ),
        ),
        migrations.RunPython(record_who_did, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="correctiveaction",
            index=models.Index(fields=["owner", "done_on", "due_on"], name="correctiveaction_open"),
        ),
        migrations.AddConstraint(
            model_name="correctiveaction",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("done_by__isnull", True), ("done_on__isnull", True)),
                    models.Q(("done_by__isnull", False), ("done_on__isnull", False)),
                    _connector="OR",
                ),
                name="audits_correctiveaction_done_by_whom_and_when",
            ),
        ),
    ]
