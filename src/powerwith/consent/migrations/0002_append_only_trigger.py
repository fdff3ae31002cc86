from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from powerwith.consent import triggers


def create_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.CONSENT_EVENTS.install(schema_editor.connection)


def drop_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.CONSENT_EVENTS.remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("consent", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
