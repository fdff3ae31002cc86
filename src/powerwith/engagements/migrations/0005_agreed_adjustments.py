import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('engagements', '0004_encrypt_special_category_fields'),
        ('offers', '0004_agreement'),
    ]

    operations = [
        migrations.AddField(
            model_name='adjustment',
            name='agreed_in',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='offers.offerversion'),
        ),
        migrations.AlterField(
            model_name='actionneeded',
            name='kind',
            field=models.CharField(choices=[('wants_support', 'Wants support'), ('stopped', 'Stopped or took time out'), ('adjustment', 'Adjustment to confirm'), ('check_overdue', 'Wellbeing check overdue'), ('claim_overdue', 'Claim not paid on time'), ('travel_advance', 'Travel to pay in advance'), ('take_down', 'Take down an output'), ('reconfirm', 'Consent to reconfirm'), ('question', 'Question to answer'), ('offer_to_send', 'Changed offer to send'), ('left_work', 'Left the work')], max_length=20),
        ),
        migrations.AlterField(
            model_name='adjustment',
            name='status',
            field=models.CharField(choices=[('requested', 'Waiting for the contact person to confirm'), ('confirmed', 'Confirmed'), ('replaced', 'Replaced by a later agreement')], default='requested', max_length=10),
        ),
    ]
