import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """The action-needed list, made in engagements: its table already exists, so this only
    tells Django that this app owns it."""

    initial = True

    dependencies = [
        ('engagements', '0006_action_needed_moves_to_the_inbox'),
        ('accounts', '0005_audit_append_only_trigger'),
        ('people', '0003_encrypt_special_category_fields'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='ActionNeeded',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('wants_support', 'Wants support'), ('stopped', 'Stopped or took time out'), ('adjustment', 'Adjustment to confirm'), ('check_overdue', 'Wellbeing check overdue'), ('claim_overdue', 'Claim not paid on time'), ('travel_advance', 'Travel to pay in advance'), ('take_down', 'Take down an output'), ('reconfirm', 'Consent to reconfirm'), ('question', 'Question to answer'), ('offer_to_send', 'Changed offer to send'), ('left_work', 'Left the work')], max_length=20)),
                ('key', models.CharField(max_length=80)),
                ('title', models.CharField(max_length=300)),
                ('link', models.CharField(blank=True, max_length=300)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('done_at', models.DateTimeField(blank=True, null=True)),
                ('assignee', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='actions_needed', to=settings.AUTH_USER_MODEL)),
                ('done_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='accounts.organisation')),
                ('person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='people.person')),
            ],
            options={
                'db_table': 'engagements_actionneeded',
                'ordering': ['done_at', '-created_at', '-id'],
                'indexes': [models.Index(fields=['assignee', 'organisation', 'done_at'], name='engagements_assigne_d305cd_idx')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('done_at__isnull', True)), fields=('assignee', 'key'), name='one_open_action_per_thing')],
            },
        ),
            ],
            database_operations=[],
        ),
    ]
