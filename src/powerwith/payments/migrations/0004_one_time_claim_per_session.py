# Time at a session is claimed once by each person: the database holds the rule too, so
# two claims sent at the same moment cannot both be written.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0003_expense_category"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="claim",
            constraint=models.UniqueConstraint(
                condition=models.Q(
                    ("kind", "time"), ("status__in", ("submitted", "approved", "paid"))
                ),
                fields=("person", "session"),
                name="one_live_time_claim_per_session",
            ),
        ),
    ]
