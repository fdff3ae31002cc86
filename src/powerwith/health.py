"""Whether this app server, and the service behind it, can do its work.

Three questions, three answers (``powerwith.api`` serves them):

- **alive** (``/api/v1/health/alive``): the process answers requests. Nothing else is
  touched, so a slow database never gets a healthy process restarted.
- **serving** (``/api/v1/health``): pages can be served (the database and the shared
  cache answer). A proxy keeps a server in rotation on this. The worker and the ledger's
  checkpoint are reported but do not fail it: pages work without them.
- **ready** (``/api/v1/health/ready``): everything the service promises works, including
  what happens later: a worker is beating (e-mail and reminders go) and the consent
  ledger was anchored outside the database recently. For monitoring and for a release's
  "is it all up" gate; 503 names each part that is not.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import connection
from django.utils import timezone

from powerwith.consent import ledger
from powerwith.core.cache import cache_state, worker_state

logger = logging.getLogger(__name__)

#: The worker writes a checkpoint at least daily; one older than a day and an hour more
#: means the worker's sweep has not run (or cannot write to the checkpoint directory).
CHECKPOINT_LATE_AFTER = ledger.AT_LEAST_EVERY + ledger.AFTER_CHANGES


def database_state() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check could not reach the database")
        return "error"
    return "ok"


def checkpoint_age(now: datetime | None = None) -> timedelta | None:
    """How long ago the newest signed checkpoint of the consent ledger was written, or
    None when there is none."""
    latest = ledger.latest_checkpoint_at()
    if latest is None:
        return None
    return max((now or timezone.now()) - latest, timedelta(0))


def checkpoint_state(now: datetime | None = None) -> str:
    """``ok`` when the newest signed checkpoint is within a day and an hour, ``late``
    when it is older, ``missing`` when there is none, ``error`` when the directory
    cannot be read."""
    try:
        age = checkpoint_age(now)
    except OSError:
        logger.exception("Health check could not read the ledger's checkpoints")
        return "error"
    if age is None:
        return "missing"
    return "ok" if age <= CHECKPOINT_LATE_AFTER else "late"


def serving() -> dict[str, str]:
    """The answer of ``/api/v1/health``: its four fields keep their meaning; ``checkpoint``
    was added."""
    found = {
        "status": "ok",
        "database": database_state(),
        "cache": "ok",
        "worker": "missing",
        "checkpoint": checkpoint_state(),
    }
    try:
        found["cache"] = cache_state()
        found["worker"] = worker_state()
    except Exception:
        logger.exception("Health check could not reach the cache")
        found["cache"] = "error"
    if "error" in (found["database"], found["cache"]):
        found["status"] = "error"
    return found


def ready() -> dict[str, object]:
    """Every part and its state, and ``failing``: the parts that are not ``ok`` (ready
    only when it is empty)."""
    found = serving()
    parts = {part: found[part] for part in ("database", "cache", "worker", "checkpoint")}
    failing = [part for part, state in parts.items() if state != "ok"]
    return {"status": "error" if failing else "ok", **parts, "failing": failing}
