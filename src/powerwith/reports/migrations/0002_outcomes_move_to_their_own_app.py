from django.db import migrations


class Migration(migrations.Migration):
    """Restraint-reduction outcomes became an app of their own (powerwith.outcomes). The
    tables stay where they are, under their old names: only Django's idea of which app
    owns the models moves, so nothing is copied or lost."""

    dependencies = [
        ('reports', '0001_restraint_reduction_outcomes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.RemoveConstraint(
            model_name='interventioncount',
            name='one_count_per_service_month_intervention',
        ),
        migrations.RemoveConstraint(
            model_name='interventioncount',
            name='intervention_count_not_negative',
        ),
        migrations.RemoveConstraint(
            model_name='service',
            name='outcome_service_name_unique_in_organisation',
        ),
        migrations.RemoveConstraint(
            model_name='serviceproject',
            name='one_link_per_service_project',
        ),
        migrations.RemoveField(
            model_name='service',
            name='created_by',
        ),
        migrations.RemoveField(
            model_name='service',
            name='organisation',
        ),
        migrations.RemoveField(
            model_name='serviceproject',
            name='linked_by',
        ),
        migrations.RemoveField(
            model_name='serviceproject',
            name='opportunity',
        ),
        migrations.RemoveField(
            model_name='serviceproject',
            name='service',
        ),
        migrations.DeleteModel(
            name='InterventionCount',
        ),
        migrations.DeleteModel(
            name='Service',
        ),
        migrations.DeleteModel(
            name='ServiceProject',
        ),
            ],
            database_operations=[],
        ),
    ]
