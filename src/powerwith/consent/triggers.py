"""On PostgreSQL, the database itself refuses to change or remove a consent event, so
not even a raw query or a database shell can quietly rewrite the ledger. SQLite relies
on the model layer and on verify_ledger noticing.

Installed by migration 0002 and again after every migrate (idempotently), so databases
built straight from the models, as the test suite's are, carry it too.
"""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

INSTALL = [
    """
CREATE OR REPLACE FUNCTION consent_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = 'consent events are append-only: ' || TG_OP || ' refused';
END;
$$ LANGUAGE plpgsql
""",
    "DROP TRIGGER IF EXISTS consent_event_append_only ON consent_consentevent",
    """
CREATE TRIGGER consent_event_append_only
    BEFORE UPDATE OR DELETE ON consent_consentevent
    FOR EACH ROW EXECUTE FUNCTION consent_event_append_only()
""",
]

REMOVE = [
    "DROP TRIGGER IF EXISTS consent_event_append_only ON consent_consentevent",
    "DROP FUNCTION IF EXISTS consent_event_append_only()",
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
