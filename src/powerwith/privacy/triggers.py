"""On PostgreSQL, the database itself refuses to change or remove an access-log entry,
so not even a raw query can quietly hide who looked at a person's information. SQLite
relies on the model layer (AccessLogEntry and its QuerySet refuse). The one exception is
the retention sweep removing entries older than the organisation keeps them: it sets
``powerwith.access_log_expiry`` for its own transaction (EntryQuerySet.expire).

Installed by migration 0002 and again after every migrate (idempotently), so databases
built straight from the models, as the test suite's are, carry it too. The approach and
the runner are the audit log's (powerwith.accounts.triggers).
"""

from __future__ import annotations

from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

from powerwith.accounts.triggers import _run

INSTALL = [
    """
CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger AS $$
BEGIN
    -- Only the retention sweep may remove entries, and it says so for its transaction.
    IF TG_OP = 'DELETE' AND current_setting('powerwith.access_log_expiry', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION USING MESSAGE = 'access-log entries are append-only: ' || TG_OP || ' refused';
END;
$$ LANGUAGE plpgsql
""",
    "DROP TRIGGER IF EXISTS access_log_append_only ON privacy_accesslogentry",
    """
CREATE TRIGGER access_log_append_only
    BEFORE UPDATE OR DELETE ON privacy_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only()
""",
]

REMOVE = [
    "DROP TRIGGER IF EXISTS access_log_append_only ON privacy_accesslogentry",
    "DROP FUNCTION IF EXISTS access_log_append_only()",
]


def install(connection: BaseDatabaseWrapper) -> None:
    _run(connection, INSTALL)


def remove(connection: BaseDatabaseWrapper) -> None:
    _run(connection, REMOVE)


def install_after_migrate(using: str, **kwargs: Any) -> None:
    from django.db import connections

    install(connections[using])
