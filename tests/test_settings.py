from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PRODUCTION_ENV = {
    "SECRET_KEY": "k7#Qw9-zT2!vLr8@pX4$mN6^bH1&cJ3*dF5(gK0)sA2_eU7+yI9=oP4~",
    "ALLOWED_HOSTS": "powerwith.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "EMAIL_URL": "submission://mailer:secret@smtp.example.org:587",
    "DEBUG": "",
    "HTTPS": "",
    "POWERWITH_TESTING": "",
    "API_TOKEN_RATE_PER_MINUTE": "",
    "POWERWITH_FIELD_KEYS": "4xKlF0bW7o8pQj3bq2V1sYc9nTg6HdRz5uJmEaLwXyI=",
    "POWERWITH_LEDGER_KEYS": "k1:throwaway-ledger-key-for-this-test-only-000",
}


def clean_environment(**overrides: str) -> dict[str, str]:
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**inherited, "DJANGO_SETTINGS_MODULE": "powerwith.settings", **overrides}


def run_django(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "django", *args],
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_with_no_warnings():
    result = run_django("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("check", env={**PRODUCTION_ENV, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


PRODUCTION_DEFAULTS = {
    "PASSWORD_HASHERS[0]": "django.contrib.auth.hashers.Argon2PasswordHasher",
    "SECURE_CSP['script-src']": "[\"'self'\"]",
    "SECURE_CSP['object-src']": "[\"'none'\"]",
    "SECURE_CSP['base-uri']": "[\"'none'\"]",
    "DEBUG": "False",
    "SESSION_COOKIE_SECURE": "True",
    "SESSION_COOKIE_NAME": "__Host-sessionid",
    "CSRF_COOKIE_NAME": "__Host-csrftoken",
    "SESSION_COOKIE_DOMAIN": "None",
    "CSRF_COOKIE_DOMAIN": "None",
    "SESSION_COOKIE_PATH": "/",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECOND_FACTOR_REQUIRED": "True",
    "SESSION_IDLE_MINUTES": "30",
    "SESSION_MAX_HOURS": "12",
    "AXES_FAILURE_LIMIT": "5",
    "LOGIN_FAILURES_PER_ADDRESS": "30",
    "AXES_COOLOFF_TIME": "0:15:00",
    "API_TOKEN_RATE_PER_MINUTE": "600",
}


def test_production_settings_are_secure_by_default():
    assert read_settings(list(PRODUCTION_DEFAULTS), PRODUCTION_ENV) == PRODUCTION_DEFAULTS


def test_security_settings_come_from_the_environment():
    env = {
        **PRODUCTION_ENV,
        "SESSION_IDLE_MINUTES": "10",
        "SESSION_MAX_HOURS": "8",
        "API_TOKEN_RATE_PER_MINUTE": "120",
        "LOGIN_COOLOFF_MINUTES": "5",
    }
    assert read_settings(
        [
            "SESSION_IDLE_MINUTES",
            "SESSION_COOKIE_AGE",
            "API_TOKEN_RATE_PER_MINUTE",
            "AXES_COOLOFF_TIME",
        ],
        env,
    ) == {
        "SESSION_IDLE_MINUTES": "10",
        "SESSION_COOKIE_AGE": "28800",
        "API_TOKEN_RATE_PER_MINUTE": "120",
        "AXES_COOLOFF_TIME": "0:05:00",
    }


@pytest.mark.parametrize(("asked", "required"), [("", "False"), ("1", "True")])
def test_the_local_demo_asks_for_a_second_factor_only_when_told_to(asked, required):
    env = {**PRODUCTION_ENV, "DEBUG": "1", "HTTPS": "0", "SECOND_FACTOR_REQUIRED": asked}
    found = read_settings(["SECOND_FACTOR_REQUIRED", "SESSION_COOKIE_NAME"], env)
    assert found == {"SECOND_FACTOR_REQUIRED": required, "SESSION_COOKIE_NAME": "sessionid"}


def read_settings(names: list[str], env: dict[str, str]) -> dict[str, str]:
    """Each setting as the process started with ``env`` sees it, printed as text."""
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "show = lambda v: json.dumps(v) if isinstance(v, list) else str(v); "
        f"print(json.dumps({{n: show(eval('settings.' + n)) for n in {names!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    found: dict[str, str] = json.loads(result.stdout)
    return found


def test_sqlite_runs_in_wal_mode(tmp_path):
    code = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=clean_environment(DATABASE_URL=f"sqlite:///{tmp_path / 'wal.sqlite3'}"),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wal"


def test_sqlite_syncs_every_commit_to_disk(tmp_path):
    # synchronous=FULL (2): a power cut cannot lose a consent event already acknowledged.
    code = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA synchronous'); print(c.fetchone()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=clean_environment(DATABASE_URL=f"sqlite:///{tmp_path / 'full.sqlite3'}"),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"


def test_sqlite_write_transactions_take_the_write_lock_when_they_begin(tmp_path):
    # IMMEDIATE: a transaction holds the write lock from its first statement, even a read,
    # so two writers queue (busy_timeout) instead of one failing halfway through.
    code = """
import django, sqlite3
django.setup()
from django.db import connection, transaction
connection.cursor().execute("CREATE TABLE t (x int)")
with transaction.atomic():
    connection.cursor().execute("SELECT 1")
    other = sqlite3.connect(connection.settings_dict["NAME"], timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        print("free")
    except sqlite3.OperationalError as error:
        print(error)
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=clean_environment(DATABASE_URL=f"sqlite:///{tmp_path / 'immediate.sqlite3'}"),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "database is locked"
