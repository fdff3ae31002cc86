# Encryption at rest of special-category fields (docs/adr/007-field-encryption.md):
# the columns become encrypted text, then the rows already there are encrypted.

from django.db import migrations

import powerwith.core.encryption
import powerwith.people.models


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0002_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="offer",
            name="terms",
            field=powerwith.core.encryption.EncryptedJSONField(
                blank=True, default=powerwith.people.models.empty_dict
            ),
        ),
        migrations.AlterField(
            model_name="offerversion",
            name="content",
            field=powerwith.core.encryption.EncryptedJSONField(),
        ),
        powerwith.core.encryption.migration_step(
            "offers",
            {"offer": ["terms"], "offerversion": ["content"]},
        ),
    ]
