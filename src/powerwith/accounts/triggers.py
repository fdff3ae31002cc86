"""On PostgreSQL, the database itself refuses to change or remove an audit event, so not
even a raw query or a database shell can quietly rewrite who did what. SQLite relies on
the model layer (AuditEvent.save and .delete refuse).

Installed by migration 0005 and again after every migrate (idempotently), so databases
built straight from the models, as the test suite's are, carry it too. The same approach
as the consent ledger's (powerwith.consent.triggers).
"""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

INSTALL = [
    """
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'audit events are append-only: ' || TG_OP || ' refused';
END;
$$ LANGUAGE plpgsql
""",
    "DROP TRIGGER IF EXISTS audit_event_append_only ON accounts_auditevent",
    """
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON accounts_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()
""",
]

REMOVE = [
    "DROP TRIGGER IF EXISTS audit_event_append_only ON accounts_auditevent",
    "DROP FUNCTION IF EXISTS audit_event_append_only()",
]


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install(connection: BaseDatabaseWrapper) -> None:
    _run(connection, INSTALL)


def remove(connection: BaseDatabaseWrapper) -> None:
    _run(connection, REMOVE)


def install_after_migrate(using: str, **kwargs: Any) -> None:
    from django.db import connections

    install(connections[using])
