# Encryption at rest of special-category fields (docs/adr/007-field-encryption.md):
# the columns become encrypted text, then the rows already there are encrypted.

from django.db import migrations

import powerwith.core.encryption


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="rewardchoice",
            name="reason",
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=1000),
        ),
        powerwith.core.encryption.migration_step(
            "payments",
            {"rewardchoice": ["reason"]},
        ),
    ]
