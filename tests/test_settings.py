from __future__ import annotations

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


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("PASSWORD_HASHERS[0]", "django.contrib.auth.hashers.Argon2PasswordHasher"),
        ("SECURE_CSP['script-src']", "[\"'self'\"]"),
        ("SECURE_CSP['object-src']", "[\"'none'\"]"),
        ("SECURE_CSP['base-uri']", "[\"'none'\"]"),
        ("DEBUG", "False"),
        ("SESSION_COOKIE_SECURE", "True"),
    ],
)
def test_production_settings_are_secure_by_default(setting, expected):
    code = (
        "from django.conf import settings; import json; "
        f"v = settings.{setting}; print(json.dumps(v) if isinstance(v, list) else v)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=clean_environment(**PRODUCTION_ENV),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


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
