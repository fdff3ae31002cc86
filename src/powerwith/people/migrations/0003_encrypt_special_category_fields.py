# Encryption at rest of special-category fields (docs/adr/007-field-encryption.md):
# the columns become encrypted text, then the rows already there are encrypted.

import powerwith.core.encryption
import powerwith.people.models
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0002_wellness_action_plan_earnings_limits'),
    ]

    operations = [
        migrations.AlterField(
            model_name='experienceentry',
            name='note',
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name='person',
            name='about',
            field=powerwith.core.encryption.EncryptedTextField(blank=True, help_text="In the person's own words.", max_length=2000, verbose_name='about me'),
        ),
        migrations.AlterField(
            model_name='person',
            name='adjustments',
            field=powerwith.core.encryption.EncryptedJSONField(blank=True, default=powerwith.people.models.empty_dict, help_text='Adjustment category → what helps.'),
        ),
        migrations.AlterField(
            model_name='wellnessactionplan',
            name='affects_work',
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=4000, verbose_name='how it may affect my work'),
        ),
        migrations.AlterField(
            model_name='wellnessactionplan',
            name='keeps_me_well',
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=4000, verbose_name='what keeps me well'),
        ),
        migrations.AlterField(
            model_name='wellnessactionplan',
            name='steps_i_can_take',
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=4000, verbose_name='steps I can take'),
        ),
        migrations.AlterField(
            model_name='wellnessactionplan',
            name='support_from_contact',
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=4000, verbose_name="support I'd like from my contact person"),
        ),
        migrations.AlterField(
            model_name='wellnessactionplan',
            name='warning_signs',
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=4000, verbose_name='early warning signs and triggers'),
        ),
        powerwith.core.encryption.migration_step(
            'people',
            {
                'person': ['about', 'adjustments'],
                'experienceentry': ['note'],
                'wellnessactionplan': [
                    'keeps_me_well',
                    'warning_signs',
                    'affects_work',
                    'support_from_contact',
                    'steps_i_can_take',
                ],
            },
        ),
    ]
