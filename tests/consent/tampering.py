"""How each database lets a test tamper with a stored consent event."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

from powerwith.consent.triggers import CONSENT_EVENTS

TABLE = CONSENT_EVENTS.table
TRIGGER = CONSENT_EVENTS.name


@contextmanager
def trigger_disabled() -> Iterator[None]:
    """On PostgreSQL the trigger refuses every change, so a tamper test must switch it off
    (inside the test's transaction, which is rolled back), as someone with full rights on
    the database could; on SQLite the same by dropping and recreating the triggers."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Foreign-key checks are deferred to commit; ALTER TABLE needs them done.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE {TABLE} DISABLE TRIGGER {TRIGGER}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"ALTER TABLE {TABLE} ENABLE TRIGGER {TRIGGER}")
    else:
        CONSENT_EVENTS.remove(connection)
        try:
            yield
        finally:
            CONSENT_EVENTS.install(connection)


def raw_execute(sql: str, params: list[str | int]) -> None:
    with trigger_disabled(), connection.cursor() as cursor:
        cursor.execute(sql, params)
