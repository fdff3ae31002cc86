from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from powerwith.privacy import triggers


def create_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.ACCESS_LOG.install(schema_editor.connection)


def drop_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.ACCESS_LOG.remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_access_log_erasure_retention")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
