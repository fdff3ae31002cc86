import django.db.models.deletion
from django.db import migrations, models


def agreements_from_events(apps, schema_editor):
    """Each offer's agreement is the version named by its last acceptance."""
    Offer = apps.get_model("offers", "Offer")
    OfferEvent = apps.get_model("offers", "OfferEvent")
    last = {}
    for event in OfferEvent.objects.filter(action="accepted").order_by("created_at", "id"):
        if event.version_id is not None:
            last[event.offer_id] = event.version_id
    for offer_id, version_id in last.items():
        Offer.objects.filter(pk=offer_id).update(accepted_version_id=version_id)


class Migration(migrations.Migration):

    dependencies = [
        ('offers', '0003_encrypt_special_category_fields'),
    ]

    operations = [
        migrations.AddField(
            model_name='offer',
            name='accepted_version',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='offers.offerversion'),
        ),
        migrations.AlterField(
            model_name='offerevent',
            name='action',
            field=models.CharField(choices=[('created', 'Created'), ('changed', 'Changed'), ('sent', 'Sent'), ('accepted', 'Accepted'), ('declined', 'Declined'), ('withdrawn', 'Withdrawn'), ('question', 'Question asked'), ('answer', 'Question answered'), ('left', 'Left the work'), ('returned', 'Came back to the work')], max_length=20),
        ),
        migrations.RunPython(agreements_from_events, migrations.RunPython.noop),
    ]
