"""Append-only tables: the database itself refuses to change or remove a row, so not even
a raw query or a database shell can quietly rewrite the record (a plpgsql trigger on
PostgreSQL, ``RAISE(ABORT)`` triggers on SQLite). Whoever owns the database can drop a
trigger: what makes the consent ledger's rewriting visible all the same is its seals and
checkpoints (consent.ledger).

A table may have one sanctioned removal (``delete_allowed_by``, such as the retention
sweep), and there is one way to make it: ``with table.deleting(connection):`` inside a
transaction. On PostgreSQL that sets the named setting for the transaction only
(``SET LOCAL``), which the trigger reads. SQLite has no session settings, so there the
same block writes a row naming the setting into a one-row guard table
(``powerwith_delete_guard``) that the DELETE trigger checks, and removes it again before
the transaction ends; a DELETE outside the block finds no row and is refused. UPDATE is
refused on both databases, always.

An app declares its table once (``AppendOnly(...)`` in its ``triggers`` module); its
migration installs the trigger, and its ``ready()`` connects ``install_after_migrate`` so
that databases built straight from the models, as the test suite's are, carry it too.
Installing is idempotent.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

#: SQLite's stand-in for a per-transaction setting: a row naming the setting is there
#: only inside ``AppendOnly.deleting``.
SQLITE_GUARD_TABLE = "powerwith_delete_guard"


@dataclass(frozen=True)
class AppendOnly:
    table: str
    #: The trigger and its function.
    name: str
    #: What the rows are, for the refusal: "audit events".
    rows: str
    #: A setting that lets a DELETE through when a transaction sets it to ``on`` (the one
    #: sanctioned removal, such as a retention sweep); empty for none.
    delete_allowed_by: str = ""

    def _function(self) -> str:
        allowed = ""
        if self.delete_allowed_by:
            allowed = f"""
    IF TG_OP = 'DELETE' AND current_setting('{self.delete_allowed_by}', true) = 'on' THEN
        RETURN OLD;
    END IF;"""
        return f"""
CREATE OR REPLACE FUNCTION {self.name}() RETURNS trigger AS $$
BEGIN{allowed}
    RAISE EXCEPTION USING MESSAGE = '{self.rows} are append-only: ' || TG_OP || ' refused';
END;
$$ LANGUAGE plpgsql
"""

    def install_statements(self) -> list[str]:
        return [
            self._function(),
            f"DROP TRIGGER IF EXISTS {self.name} ON {self.table}",
            f"""
CREATE TRIGGER {self.name}
    BEFORE UPDATE OR DELETE ON {self.table}
    FOR EACH ROW EXECUTE FUNCTION {self.name}()
""",
        ]

    def remove_statements(self) -> list[str]:
        return [
            f"DROP TRIGGER IF EXISTS {self.name} ON {self.table}",
            f"DROP FUNCTION IF EXISTS {self.name}()",
        ]

    def sqlite_install_statements(self) -> list[str]:
        statements = [
            f"CREATE TABLE IF NOT EXISTS {SQLITE_GUARD_TABLE} (setting TEXT PRIMARY KEY)",
        ]
        for operation in ("UPDATE", "DELETE"):
            when = ""
            if operation == "DELETE" and self.delete_allowed_by:
                # Names declared in code, never input (as every name in these statements).
                when = (
                    f"\n    WHEN NOT EXISTS (SELECT 1 FROM {SQLITE_GUARD_TABLE}"  # noqa: S608
                    f" WHERE setting = '{self.delete_allowed_by}')"
                )
            # Dropped first: a trigger installed before the guard existed is replaced.
            statements += [
                f"DROP TRIGGER IF EXISTS {self.name}_{operation.lower()}",
                f"""
CREATE TRIGGER {self.name}_{operation.lower()}
    BEFORE {operation} ON {self.table}{when}
BEGIN
    SELECT RAISE(ABORT, '{self.rows} are append-only: {operation} refused');
END
""",
            ]
        return statements

    def sqlite_remove_statements(self) -> list[str]:
        return [f"DROP TRIGGER IF EXISTS {self.name}_{op}" for op in ("update", "delete")]

    def install(self, connection: BaseDatabaseWrapper) -> None:
        if connection.vendor == "sqlite":
            _run_sqlite(connection, self.sqlite_install_statements())
        _run(connection, self.install_statements())

    def remove(self, connection: BaseDatabaseWrapper) -> None:
        if connection.vendor == "sqlite":
            _run_sqlite(connection, self.sqlite_remove_statements())
        _run(connection, self.remove_statements())

    @contextmanager
    def deleting(self, connection: BaseDatabaseWrapper | None = None) -> Iterator[None]:
        """The one sanctioned removal: DELETEs of this table inside the block pass the
        trigger, on PostgreSQL and SQLite alike, and nothing else does. Runs in a
        transaction of its own (or the caller's), so the permission ends with it."""
        if not self.delete_allowed_by:
            raise ValueError(f"{self.rows} are never deleted.")
        connection = connection or connections["default"]
        # On an error the block's own transaction (or savepoint) rolls back, and the
        # setting or guard row with it; on success each is taken back before it ends, so
        # not even the rest of a caller's transaction may delete.
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"SET LOCAL {self.delete_allowed_by} = 'on'")
                yield
                cursor.execute(f"SET LOCAL {self.delete_allowed_by} = 'off'")
                return
            cursor.execute(
                f"INSERT INTO {SQLITE_GUARD_TABLE} (setting) VALUES (%s)",  # noqa: S608
                [self.delete_allowed_by],
            )
            yield
            cursor.execute(
                f"DELETE FROM {SQLITE_GUARD_TABLE} WHERE setting = %s",  # noqa: S608
                [self.delete_allowed_by],
            )

    def install_after_migrate(self, using: str, **kwargs: Any) -> None:
        """A ``post_migrate`` receiver."""
        self.install(connections[using])


def _run(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _run_sqlite(connection: BaseDatabaseWrapper, statements: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
