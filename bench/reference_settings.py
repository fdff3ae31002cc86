"""The product's settings for the benchmark's server, with the reference views mounted
beside the product's pages (bench/reference_views.py).

``BENCH_SQLITE_SYNCHRONOUS`` (``NORMAL`` or ``FULL``) overrides SQLite's ``synchronous``
for the benchmark's server only, so bench/load.py can measure what the product's ``FULL``
costs the consent withdrawal against ``NORMAL`` in one run. The product itself always
runs ``FULL``."""

import os

from powerwith.settings import *  # noqa: F403
from powerwith.settings import DATABASES

ROOT_URLCONF = "bench.reference_views"

_synchronous = os.environ.get("BENCH_SQLITE_SYNCHRONOUS", "").upper()
if _synchronous and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if _synchronous not in {"NORMAL", "FULL"}:
        raise ValueError("BENCH_SQLITE_SYNCHRONOUS is NORMAL or FULL")
    _options = DATABASES["default"]["OPTIONS"]
    _options["init_command"] = _options["init_command"].replace(
        "synchronous=FULL", f"synchronous={_synchronous}"
    )
