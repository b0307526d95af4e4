# One action tracker: actions agreed in case discussions and team meetings are marked done (by whom, when) and carried over.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('supervision', '0004_training_induction_cpd'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='discussionaction',
            name='carried',
            field=models.PositiveSmallIntegerField(default=0, verbose_name='times carried over'),
        ),
        migrations.AddField(
            model_name='discussionaction',
            name='done_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded done by'),
        ),
        migrations.AddField(
            model_name='discussionaction',
            name='done_on',
            field=models.DateField(blank=True, null=True, verbose_name='done on'),
        ),
        migrations.AddField(
            model_name='historicaldiscussionaction',
            name='carried',
            field=models.PositiveSmallIntegerField(default=0, verbose_name='times carried over'),
        ),
        migrations.AddField(
            model_name='historicaldiscussionaction',
            name='done_by',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded done by'),
        ),
        migrations.AddField(
            model_name='historicaldiscussionaction',
            name='done_on',
            field=models.DateField(blank=True, null=True, verbose_name='done on'),
        ),
        migrations.AddField(
            model_name='historicalteammeetingaction',
            name='carried',
            field=models.PositiveSmallIntegerField(default=0, verbose_name='times carried over'),
        ),
        migrations.AddField(
            model_name='historicalteammeetingaction',
            name='done_by',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded done by'),
        ),
        migrations.AddField(
            model_name='historicalteammeetingaction',
            name='done_on',
            field=models.DateField(blank=True, null=True, verbose_name='done on'),
        ),
        migrations.AddField(
            model_name='teammeetingaction',
            name='carried',
            field=models.PositiveSmallIntegerField(default=0, verbose_name='times carried over'),
        ),
        migrations.AddField(
            model_name='teammeetingaction',
            name='done_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded done by'),
        ),
        migrations.AddField(
            model_name='teammeetingaction',
            name='done_on',
            field=models.DateField(blank=True, null=True, verbose_name='done on'),
        ),
        migrations.AddIndex(
            model_name='discussionaction',
            index=models.Index(fields=['owner', 'done_on', 'due_on'], name='discussionaction_open'),
        ),
        migrations.AddIndex(
            model_name='teammeetingaction',
            index=models.Index(fields=['owner', 'done_on', 'due_on'], name='teammeetingaction_open'),
        ),
        migrations.AddConstraint(
            model_name='discussionaction',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('done_by__isnull', True), ('done_on__isnull', True)), models.Q(('done_by__isnull', False), ('done_on__isnull', False)), _connector='OR'), name='supervision_discussionaction_done_by_whom_and_when'),
        ),
        migrations.AddConstraint(
            model_name='teammeetingaction',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('done_by__isnull', True), ('done_on__isnull', True)), models.Q(('done_by__isnull', False), ('done_on__isnull', False)), _connector='OR'), name='supervision_teammeetingaction_done_by_whom_and_when'),
        ),
    ]
