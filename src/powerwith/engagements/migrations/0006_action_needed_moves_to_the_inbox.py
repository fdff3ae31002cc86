from django.db import migrations


class Migration(migrations.Migration):
    """The action-needed list became an app of its own (powerwith.inbox) so that every
    part can raise a task. The table stays as it is: only the owner of the model moves."""

    dependencies = [
        ('engagements', '0005_agreed_adjustments'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.RemoveIndex(
            model_name='actionneeded',
            name='engagements_assigne_d305cd_idx',
        ),
        migrations.RemoveConstraint(
            model_name='actionneeded',
            name='one_open_action_per_thing',
        ),
        migrations.DeleteModel(
            name='ActionNeeded',
        ),
            ],
            database_operations=[],
        ),
    ]
