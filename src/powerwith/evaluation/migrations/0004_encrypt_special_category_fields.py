# Encryption at rest of special-category fields (docs/adr/007-field-encryption.md):
# the columns become encrypted text, then the rows already there are encrypted.

from django.db import migrations

import powerwith.core.encryption


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0003_readiness_and_training_evidence"),
    ]

    operations = [
        migrations.AlterField(
            model_name="developmentaction",
            name="details",
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name="developmentnote",
            name="text",
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=2000),
        ),
        migrations.AlterField(
            model_name="feedbackanswer",
            name="comments",
            field=powerwith.core.encryption.EncryptedTextField(blank=True, max_length=4000),
        ),
        powerwith.core.encryption.migration_step(
            "evaluation",
            {
                "feedbackanswer": ["comments"],
                "developmentaction": ["details"],
                "developmentnote": ["text"],
            },
        ),
    ]
