# Encryption at rest of special-category fields (docs/adr/007-field-encryption.md):
# the columns become encrypted text, then the rows already there are encrypted.

import powerwith.core.encryption
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('engagements', '0003_day_to_day_running'),
    ]

    operations = [
        migrations.AlterField(
            model_name='adjustment',
            name='details',
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name='wellbeingcheck',
            name='note',
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=2000),
        ),
        powerwith.core.encryption.migration_step(
            'engagements',
            {
                'adjustment': ['details'],
                'wellbeingcheck': ['note'],
            },
        ),
    ]
