"""The shared cache: Django's database cache, with counters that hold across servers.

Django's ``DatabaseCache.incr`` reads the value and writes it back in two steps, so two
app servers counting the same API token at once could both read 5 and both write 6. Here
``incr`` takes the row's write lock first (an ``UPDATE`` of the row, which PostgreSQL
locks and SQLite serialises), then reads and writes inside the same transaction: every
request is counted once, whichever server or worker answers it.

The table is made by ``migrate`` (``ensure_cache_table``, run after every migrate), so
the demo, the tests and every deployment have it without a separate step.
"""

from __future__ import annotations

import base64
import pickle  # Django's own format for this table; only the product writes it
from typing import Any

from django.conf import settings
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.management import call_command
from django.db import connections, router, transaction
from django.utils.timezone import now


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key: str, delta: int = 1, version: int | None = None) -> Any:
        cache_key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, key_column = quote(self._table), quote("cache_key")  # type: ignore[attr-defined]
        value_column, expires_column = quote("value"), quote("expires")
        with transaction.atomic(using=db), connection.cursor() as cursor:
            # Lock first: a second server's incr waits here until this one commits.
            cursor.execute(
                f"UPDATE {table} SET {expires_column} = {expires_column} "  # noqa: S608
                f"WHERE {key_column} = %s",
                [cache_key],
            )
            if cursor.rowcount == 0:
                raise ValueError(f"Key '{key}' not found")
            cursor.execute(
                f"SELECT {value_column}, {expires_column} FROM {table} "  # noqa: S608
                f"WHERE {key_column} = %s",
                [cache_key],
            )
            encoded, expires = cursor.fetchone()
            if _as_datetime(connection, expires) < now():
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(encoded.encode())) + delta  # noqa: S301
            cursor.execute(
                f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s",  # noqa: S608
                [
                    base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode(),
                    cache_key,
                ],
            )
        return value


def _as_datetime(connection: Any, value: Any) -> Any:
    from django.db import models

    expression = models.Expression(output_field=models.DateTimeField())
    for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(
        connection
    ):
        value = converter(value, expression, connection)
    return value


def ensure_cache_table(using: str = "default", **_: object) -> None:
    """Make the database cache's table when the default cache is the database one
    (``createcachetable`` does nothing when it is there already)."""
    backend = str(settings.CACHES.get("default", {}).get("BACKEND", ""))
    if backend.endswith("DatabaseCache"):
        call_command("createcachetable", database=using, verbosity=0)


HEARTBEAT_KEY = "worker:heartbeat"


def note_worker_alive() -> None:
    """The worker's heartbeat: when it last said it was running, in the shared cache."""
    from django.core.cache import cache

    cache.set(HEARTBEAT_KEY, now(), timeout=None)


def worker_state() -> str:
    """``ok`` when a worker has beaten within three of its intervals, ``late`` when one
    beat before that, ``missing`` when none ever has (on this cache)."""
    from django.core.cache import cache

    last = cache.get(HEARTBEAT_KEY)
    if last is None:
        return "missing"
    fresh = (now() - last).total_seconds() <= 3 * settings.WORKER_HEARTBEAT_SECONDS
    return "ok" if fresh else "late"


def cache_state() -> str:
    """``ok`` when the shared cache keeps and gives back a value, else ``error``."""
    from django.core.cache import cache

    probe = "health:probe"
    marker = now().isoformat()
    cache.set(probe, marker, timeout=60)
    return "ok" if cache.get(probe) == marker else "error"
