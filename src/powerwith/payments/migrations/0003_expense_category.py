# What each expense claim was for, so claims are held to the expenses the accepted offer
# covers. Expense claims made before were never checked against the agreement: they
# become "other", which the approver is asked to decide on. Travel in advance is travel.

from django.db import migrations, models


def say_what_each_was_for(apps, schema_editor):
    Claim = apps.get_model("payments", "Claim")
    Claim.objects.filter(kind="expenses").update(category="other")
    Claim.objects.filter(kind="travel_advance").update(category="travel")


class Migration(migrations.Migration):
    dependencies = [
        ("payments", "0002_encrypt_special_category_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="category",
            field=models.CharField(
                blank=True,
                choices=[
                    ("travel", "Travel"),
                    ("subsistence", "Food and drink while working"),
                    ("care", "Care or childcare"),
                    ("support_worker", "A support worker"),
                    ("equipment", "Equipment"),
                    ("other", "Something else"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(say_what_each_was_for, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="claim",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "category__in",
                        ["travel", "subsistence", "care", "support_worker", "equipment", "other", ""],
                    )
                ),
                name="claim_category_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="claim",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("kind", "expenses"), _negated=True),
                    models.Q(("category", ""), _negated=True),
                    _connector="OR",
                ),
                name="expense_claim_says_what_for",
            ),
        ),
    ]
