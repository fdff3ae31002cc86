"""The audit log's trigger now lets through the retention sweep's guarded DELETE (a
transaction setting on PostgreSQL, the guard table on SQLite) and nothing else."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

from powerwith.accounts import triggers


def reinstall_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    triggers.AUDIT_EVENTS.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_audit_append_only_trigger")]

    operations = [migrations.RunPython(reinstall_trigger, migrations.RunPython.noop)]
