"""The live database: which kind it is, and what it holds."""

from __future__ import annotations

from django.db import connection

# Tables a powerwith database always has; a file without them is not one of our backups.
REQUIRED_TABLES = ("accounts_user", "consent_consentevent")


def vendor() -> str:
    return connection.vendor


def data_held() -> str:
    """What the database holds, in words ("3 organisations, 12 users"), or "" if empty."""
    tables = set(connection.introspection.table_names())
    counts = []
    for table, noun in (("accounts_organisation", "organisation"), ("accounts_user", "user")):
        if table not in tables:
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            (count,) = cursor.fetchone()
        if count:
            counts.append(f"{count} {noun}{'' if count == 1 else 's'}")
    return ", ".join(counts)
