from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from powerwith.accounts import triggers


def create_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.AUDIT_EVENTS.install(schema_editor.connection)


def drop_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.AUDIT_EVENTS.remove(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_user_sessions_recovery_codes")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
