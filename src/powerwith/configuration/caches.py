"""The shared cache, and the worker that runs side effects and writes its heartbeat
into it."""

import os

from django.core.exceptions import ImproperlyConfigured

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}


def cache_from_url(url: str) -> dict[str, object]:
    """The default cache, from ``CACHE_URL``.

    Unset (or ``db://``): Django's database cache, a table in the product's own database
    (``powerwith_cache``, made by ``migrate``), so every worker of every app server shares
    rate limits, the dashboard's figures and the register's counts with no other service.
    ``redis://…`` (or ``rediss://``, ``unix://``): Django's own Redis backend, for large
    sites. ``locmem://`` keeps it in each process, which only suits one process."""
    if not url or url == "db://":
        return {
            "BACKEND": "powerwith.core.cache.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 4},
        }
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url == "locmem://":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "powerwith"}
    raise ImproperlyConfigured(
        "CACHE_URL is not one powerwith knows: leave it unset (the database), or set "
        "redis://host:6379/0 (Redis) or locmem:// (one process only)."
    )


CACHE_TABLE = "powerwith_cache"
CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", "").strip())}
# A worker that has not written its heartbeat into the cache for this long is reported
# as late by GET /api/v1/health (it writes one every WORKER_HEARTBEAT_SECONDS).
WORKER_HEARTBEAT_SECONDS = int(os.environ.get("WORKER_HEARTBEAT_SECONDS") or "30")
