"""Running powerwith in other processes, against a database of the test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POWERWITH = str(Path(sys.executable).with_name("powerwith"))

PRELUDE = """
import json, os, sys
sys.path.insert(0, {root!r})
import django
django.setup()
"""

# Builds the schema straight from the models: quicker than running every migration,
# and the same tables (the server test runs the real migrations).
SCHEMA = """
from django.conf import settings
from django.core.management import call_command

class NoMigrations(dict):
    def __contains__(self, item):
        return True
    def __getitem__(self, item):
        return None

settings.MIGRATION_MODULES = NoMigrations()
call_command("migrate", run_syncdb=True, verbosity=0)
"""


def environment_for(database_url: str, var_dir: Path, **overrides: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "powerwith.settings",
            "POWERWITH_TESTING": "1",
            "POWERWITH_VAR_DIR": str(var_dir),
            "PYTHONPATH": str(ROOT),
            **overrides,
        }
    )
    return env


# A migration of a fresh database takes a few seconds alone, but minutes on a loaded
# two-core machine with PostgreSQL beside it; the limit only stops a process that hangs.
PROCESS_TIMEOUT = 900


def script(body: str, env: dict[str, str], *args: str) -> str:
    """Runs ``body`` in a new Python process with Django set up; answers its last line."""
    done = subprocess.run(
        [sys.executable, "-c", PRELUDE.format(root=str(ROOT)) + body, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else ""


def powerwith(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The ``powerwith`` command, as someone at a terminal runs it."""
    return subprocess.run(
        [POWERWITH, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT,
        check=False,
    )
