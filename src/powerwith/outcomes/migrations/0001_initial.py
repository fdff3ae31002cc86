import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """The models of restraint-reduction outcomes, which were made in reports: their tables
    already exist (reports 0001), so this only tells Django that this app owns them."""

    initial = True

    dependencies = [
        ('reports', '0002_outcomes_move_to_their_own_app'),
        ('accounts', '0005_audit_append_only_trigger'),
        ('opportunities', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='Service',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200)),
                ('setting', models.CharField(blank=True, choices=[('mental_health', 'Mental health'), ('learning_disability', 'Learning disability'), ('autism', 'Autism'), ('dementia', 'Dementia'), ('children_young_people', 'Children and young people'), ('secure_forensic', 'Secure or forensic services'), ('prison_justice', 'Prison and justice'), ('residential_care', 'Residential care'), ('day_services', 'Day services'), ('acute_hospital', 'Acute hospital'), ('community', 'Community services')], max_length=40)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='outcome_services', to='accounts.organisation')),
            ],
            options={
                'db_table': 'reports_service',
                'ordering': ['name', 'id'],
            },
        ),
        migrations.CreateModel(
            name='InterventionCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('month', models.DateField()),
                ('intervention', models.CharField(choices=[('physical_restraint', 'Physical restraint'), ('prone_restraint', 'Prone (face-down) restraint'), ('mechanical_restraint', 'Mechanical restraint'), ('chemical_restraint', 'Chemical restraint or rapid tranquilisation'), ('seclusion', 'Seclusion'), ('long_term_segregation', 'Long-term segregation'), ('enhanced_observation', 'Enhanced observation')], max_length=40)),
                ('count', models.IntegerField()),
                ('recorded_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('source', models.CharField(choices=[('form', 'Form'), ('csv', 'CSV import'), ('api', 'API')], default='form', max_length=10)),
                ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('service', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='counts', to='outcomes.service')),
            ],
            options={
                'db_table': 'reports_interventioncount',
                'ordering': ['service', 'month', 'intervention'],
            },
        ),
        migrations.CreateModel(
            name='ServiceProject',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('linked_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('linked_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('opportunity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='outcome_service_links', to='opportunities.opportunity')),
                ('service', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='projects', to='outcomes.service')),
            ],
            options={
                'db_table': 'reports_serviceproject',
                'ordering': ['linked_at', 'id'],
            },
        ),
        migrations.AddConstraint(
            model_name='service',
            constraint=models.UniqueConstraint(models.F('organisation'), django.db.models.functions.text.Lower('name'), name='outcome_service_name_unique_in_organisation'),
        ),
        migrations.AddConstraint(
            model_name='interventioncount',
            constraint=models.UniqueConstraint(fields=('service', 'month', 'intervention'), name='one_count_per_service_month_intervention'),
        ),
        migrations.AddConstraint(
            model_name='interventioncount',
            constraint=models.CheckConstraint(condition=models.Q(('count__gte', 0)), name='intervention_count_not_negative'),
        ),
        migrations.AddConstraint(
            model_name='serviceproject',
            constraint=models.UniqueConstraint(fields=('service', 'opportunity'), name='one_link_per_service_project'),
        ),
            ],
            database_operations=[],
        ),
    ]
