"""Append-only tables: the database itself refuses to change or remove a row, so not even
a raw query or a database shell can quietly rewrite the record (a plpgsql trigger on
PostgreSQL, ``RAISE(ABORT)`` triggers on SQLite). SQLite has no per-transaction setting
for the one sanctioned removal (``delete_allowed_by``), so there such a table refuses
updates only. Whoever owns the database can drop a trigger: what makes the consent
ledger's rewriting visible all the same is its seals and checkpoints (consent.ledger).

An app declares its table once (``AppendOnly(...)`` in its ``triggers`` module); its
migration installs the trigger, and its ``ready()`` connects ``install_after_migrate`` so
that databases built straight from the models, as the test suite's are, carry it too.
Installing is idempotent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper


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
        operations = ["UPDATE"] if self.delete_allowed_by else ["UPDATE", "DELETE"]
        return [
            f"""
CREATE TRIGGER IF NOT EXISTS {self.name}_{operation.lower()}
    BEFORE {operation} ON {self.table}
BEGIN
    SELECT RAISE(ABORT, '{self.rows} are append-only: {operation} refused');
END
"""
            for operation in operations
        ]

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
